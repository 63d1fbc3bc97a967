/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io;

/**
 * What a text reader does when the energies of a file do not increase strictly, which a {@code Spectrum} requires.
 * <p>
 * Real files have both cases: a monochromator scanned downwards (energies strictly decreasing), a quick-EXAFS scan
 * stitched from segments (out of order), or a repeated point at a segment boundary (duplicate energy).
 */
public enum EnergyOrderPolicy {
    /**
     * The default. Decreasing or unordered energies are sorted (stable, so equal energies keep file order);
     * points with exactly equal energies are merged into one whose mu is their mean. Each repair is recorded as a
     * metadata entry {@code xanesml.warning.N} naming the lines concerned, so that nothing happens silently.
     */
    SORT_AND_AVERAGE,
    /**
     * Strict: the first energy that is not above the one before is a {@link SpectrumReadException} naming its line.
     */
    REJECT
}

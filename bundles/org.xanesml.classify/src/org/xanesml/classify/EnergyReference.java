/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

/**
 * The energy a feature grid is measured from. A model's grid is relative to this reference, so the same model can
 * read spectra whose absolute calibration differs.
 */
public enum EnergyReference {
    /** Grid values are absolute energies in eV (e.g. the native FDMNES grid of the Fe set). */
    ABSOLUTE,
    /**
     * Grid values are relative to the FEFF Fermi level ({@code Mu=} in the xmu.dat header, i.e. omega - e). Readers
     * store it under {@link #FEFF_FERMI_LEVEL_KEY}; it aligns FEFF spectra better than any edge-finding rule.
     */
    FEFF_FERMI_LEVEL,
    /** Grid values are relative to an edge energy E0 stored under {@link #E0_KEY} (set by preprocessing). */
    EDGE_E0;

    /** Spectrum metadata key holding the absolute energy (eV) of the FEFF Fermi level. */
    public static final String FEFF_FERMI_LEVEL_KEY = "xanesml.feff_fermi_level_eV";
    /** Spectrum metadata key holding E0 (eV) chosen by preprocessing. */
    public static final String E0_KEY = "xanesml.e0_eV";

    /** @return the metadata key this reference reads, or null for {@link #ABSOLUTE}. */
    public String metadataKey() {
        return switch (this) {
            case ABSOLUTE -> null;
            case FEFF_FERMI_LEVEL -> FEFF_FERMI_LEVEL_KEY;
            case EDGE_E0 -> E0_KEY;
        };
    }
}

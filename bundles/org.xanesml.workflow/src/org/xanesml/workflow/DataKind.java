/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

/** What flows between two steps, so a pipeline can be checked before it runs. */
public enum DataKind {
    /** A path to an input file, not yet read. */
    FILE,
    /** Spectra as read (raw or source-normalised mu). */
    SPECTRA,
    /** Spectra edge-step normalised, with their edge energy E0 recorded. */
    NORMALIZED_SPECTRA,
    /** Normalised spectra with a prediction each. */
    CLASSIFIED_SPECTRA;

    /** @return true when a step taking {@code this} can follow a step producing {@code produced} */
    public boolean accepts(DataKind produced) {
        // Later stages carry everything earlier ones did, so a step may consume any richer kind.
        return produced.ordinal() >= ordinal();
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal.mp;

import java.util.Optional;
import java.util.OptionalInt;

import org.xanesml.core.Spectrum;

/**
 * A spectrum document read whole: the spectrum, and the structure it was computed for (the typed side result the
 * labeller needs), with the absorbing site's index in that structure.
 *
 * @param variant       which document layout was recognised
 * @param spectrum      the spectrum; its metadata also holds the structure as raw JSON ({@code pymatgen.structure})
 * @param structure     the periodic structure, when the document has one
 * @param cluster       the FEFF cluster (absorber first), when the document has one
 * @param absorbingSite index of the absorber in {@code structure}, when the document says
 */
public record XasJsonDocument(Variant variant, Spectrum spectrum, Optional<PymatgenStructure> structure,
        Optional<PymatgenStructure> cluster, OptionalInt absorbingSite) {

    /** The document layouts {@link XasJsonReader} understands. */
    public enum Variant {
        /** pymatgen {@code XAS} object as the Materials Project serves it: x, y, absorbing element, edge, structure. */
        PYMATGEN_XAS,
        /** TRI's {@code trixs.spectra.core.XAS_Spectrum}: x, y (sum-normalised), full FEFF table, absorbing site. */
        TRIXS_XAS_SPECTRUM,
        /** TRI's FEFF task document: the 6-column FEFF spectrum, input cards, cluster, structure, absorbing atom. */
        TRI_FEFF_DOCUMENT
    }
}

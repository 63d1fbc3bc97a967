/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.Objects;

import org.xanesml.core.Spectrum;

/**
 * A spectrum with its label for one task and the group it belongs to (the material or molecule), so that splits
 * never put sites of one material on both sides.
 *
 * @param spectrum the spectrum (its id keys split files)
 * @param label    the class label as the labels table writes it ("4", "octahedral")
 * @param group    the grouping key (mp_id, CSD refcode); the spectrum id when samples are independent
 */
public record LabelledSpectrum(Spectrum spectrum, String label, String group) {
    public LabelledSpectrum {
        Objects.requireNonNull(spectrum, "spectrum");
        Objects.requireNonNull(label, "label");
        group = group == null || group.isBlank() ? spectrum.id() : group;
    }

    public String id() {
        return spectrum.id();
    }
}

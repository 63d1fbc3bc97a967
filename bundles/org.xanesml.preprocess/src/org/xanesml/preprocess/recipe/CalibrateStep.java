/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.recipe;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * A fixed energy shift, e.g. the result of {@link org.xanesml.preprocess.Alignment} against the beamline's foil,
 * recorded so that the calibration is reproduced with the rest of the recipe.
 */
@XmlType(name = "calibrateStep")
public final class CalibrateStep extends RecipeStep {
    @XmlAttribute(name = "shiftEv", required = true)
    private double shiftEv;

    private CalibrateStep() {
    }

    public CalibrateStep(double shiftEv) {
        this.shiftEv = shiftEv;
    }

    public double shiftEv() {
        return shiftEv;
    }

    @Override
    public String describe() {
        return "calibrate(shiftEv=" + shiftEv + ")";
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.recipe;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** Averaging into bins of {@code widthEv} ({@link org.xanesml.preprocess.Rebinning}). */
@XmlType(name = "rebinStep")
public final class RebinStep extends RecipeStep {
    @XmlAttribute(name = "widthEv", required = true)
    private double widthEv;

    private RebinStep() {
    }

    public RebinStep(double widthEv) {
        this.widthEv = widthEv;
    }

    public double widthEv() {
        return widthEv;
    }

    @Override
    public String describe() {
        return "rebin(widthEv=" + widthEv + ")";
    }
}

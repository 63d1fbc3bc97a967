/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.recipe;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** Median-filter spike removal ({@link org.xanesml.preprocess.Deglitching#removeSpikes}). */
@XmlType(name = "deglitchStep")
public final class DeglitchStep extends RecipeStep {
    @XmlAttribute(name = "window", required = true)
    private int window;
    @XmlAttribute(name = "threshold", required = true)
    private double threshold;

    private DeglitchStep() {
    }

    /**
     * @param window    odd median window, at least 3 points
     * @param threshold robust standard deviations beyond which a point is a glitch
     */
    public DeglitchStep(int window, double threshold) {
        this.window = window;
        this.threshold = threshold;
    }

    public int window() {
        return window;
    }

    public double threshold() {
        return threshold;
    }

    @Override
    public String describe() {
        return "deglitch(window=" + window + ", threshold=" + threshold + ")";
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.session;

import java.util.Objects;

import org.xanesml.classify.Prediction;

/**
 * One model's answer for one spectrum, with the model it came from, so a view can show training data and accuracy
 * next to the probabilities.
 */
public record ModelPrediction(LoadedModel model, Prediction prediction) {
    public ModelPrediction {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prediction, "prediction");
    }

    /** @return e.g. "COORDINATION_NUMBER" from the model descriptor, or "?" when the descriptor does not say */
    public String task() {
        String t = model.bundle().descriptor().task;
        return t == null ? "?" : t;
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.session;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.xanesml.classify.OxidationEstimate;
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

    /** @return the continuous oxidation state of an oxidation-state model's answer, empty for other tasks */
    public Optional<OxidationEstimate> oxidation() {
        return OxidationEstimate.of(task(), prediction);
    }

    /**
     * @return the answer in a table cell: "6 (0.82)", an oxidation state with its estimate "2 (0.71) 2.30 ±
     *         0.45", and "⚠ " first with the verdict after it when the answer does not apply
     */
    public String summary() {
        String label = prediction.label();
        String answer = label == null ? "" : String.format(Locale.ROOT, "%s (%.2f)", label, prediction.confidence());
        answer += oxidation().map(o -> String.format(Locale.ROOT, " %.2f ± %.2f", o.mean(), o.spread()))
                .orElse("");
        return prediction.applicability().inDomain() ? answer
                : ("⚠ " + answer + " " + prediction.applicability().verdict()).replace("  ", " ");
    }

    /** @return e.g. "COORDINATION_NUMBER" from the model descriptor, or "?" when the descriptor does not say */
    public String task() {
        String t = model.bundle().descriptor().task;
        return t == null ? "?" : t;
    }
}

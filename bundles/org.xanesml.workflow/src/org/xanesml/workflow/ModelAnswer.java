/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.util.Objects;
import java.util.Optional;

import org.xanesml.classify.OxidationEstimate;
import org.xanesml.classify.Prediction;

/**
 * One model's answer for one spectrum: a spectrum classified by several models (CN, geometry, oxidation state)
 * carries one of these per model. Immutable.
 *
 * @param model      the model as the run names it (a shipped model's name, or the model file)
 * @param task       the model's task as its descriptor names it ({@code COORDINATION_NUMBER}, ...)
 * @param prediction its classes, probabilities and applicability verdict
 */
public record ModelAnswer(String model, String task, Prediction prediction) {
    public ModelAnswer {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(prediction, "prediction");
    }

    /** @return the continuous oxidation state of an oxidation-state model's answer, empty for other tasks */
    public Optional<OxidationEstimate> oxidation() {
        return OxidationEstimate.of(task, prediction);
    }
}

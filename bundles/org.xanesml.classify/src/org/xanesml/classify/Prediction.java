/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.List;

/**
 * The outcome of classifying one spectrum.
 *
 * @param spectrumId    the spectrum
 * @param classes       the model's classes
 * @param probabilities one probability per class (empty when the spectrum could not be featurised)
 * @param applicability whether the answer may be used
 */
public record Prediction(String spectrumId, List<String> classes, double[] probabilities,
        Applicability applicability) {

    /** @return the most probable class, or null when there are no probabilities. */
    public String label() {
        return probabilities.length == 0 ? null : classes.get(TrainedModel.argMax(probabilities));
    }

    /** @return the probability of the predicted class (0 without probabilities). */
    public double confidence() {
        return probabilities.length == 0 ? 0 : probabilities[TrainedModel.argMax(probabilities)];
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.List;
import java.util.Optional;

/**
 * A continuous oxidation state from an {@link Task#OXIDATION_STATE} model's answer: the expectation over its class
 * probabilities, mean = sum_k p_k v_k, with the spread sqrt(sum_k p_k (v_k - mean)^2), where v_k is the state a class
 * names ("2" -> 2). It reads mixed-valence samples (magnetite 2.67) that no single class describes, and the spread
 * says how split the model is. It is only as good as the probabilities: the descriptor's calibration error (ECE on
 * val and test) says how far they can be trusted.
 *
 * <pre>
 * Prediction p = classifier.classify(spectrum);
 * OxidationEstimate.of(classifier.bundle().descriptor().task, p).ifPresent(e -&gt; ... e.mean() ... e.spread() ...);
 * </pre>
 *
 * @param mean the expected oxidation state
 * @param spread the standard deviation of the state under the class probabilities
 */
public record OxidationEstimate(double mean, double spread) {

    /**
     * @param task the model's task as its descriptor names it ({@code ModelDescriptor.task})
     * @return the estimate, or empty when the model is not an oxidation-state model, the prediction has no
     *         probabilities, or a class is not a number
     */
    public static Optional<OxidationEstimate> of(String task, Prediction prediction) {
        if (!Task.OXIDATION_STATE.name().equals(task)) {
            return Optional.empty();
        }
        return of(prediction.classes(), prediction.probabilities());
    }

    /** @return the estimate from class names and probabilities (empty without probabilities or numeric classes) */
    public static Optional<OxidationEstimate> of(List<String> classes, double[] probabilities) {
        if (probabilities.length == 0 || probabilities.length != classes.size()) {
            return Optional.empty();
        }
        double[] v = new double[classes.size()];
        for (int k = 0; k < v.length; k++) {
            try {
                v[k] = Double.parseDouble(classes.get(k).strip());
            } catch (NumberFormatException e) {
                // a class such as "Fe3+" or "octahedral" names no number: no estimate, which is an answer
                return Optional.empty();
            }
        }
        double total = 0;
        double mean = 0;
        for (int k = 0; k < v.length; k++) {
            total += probabilities[k];
            mean += probabilities[k] * v[k];
        }
        if (!(total > 0)) {
            return Optional.empty();
        }
        mean /= total;
        double var = 0;
        for (int k = 0; k < v.length; k++) {
            var += probabilities[k] / total * (v[k] - mean) * (v[k] - mean);
        }
        return Optional.of(new OxidationEstimate(mean, Math.sqrt(var)));
    }
}

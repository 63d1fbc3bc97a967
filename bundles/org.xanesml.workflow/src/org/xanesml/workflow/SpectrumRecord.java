/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.xanesml.classify.Prediction;
import org.xanesml.core.Spectrum;
import org.xanesml.preprocess.NormalizationResult;

/**
 * One spectrum on its way through a pipeline: as read, as it is now, what normalisation found, the prediction and
 * the warnings collected. A spectrum that failed a step keeps its error and is skipped by later steps, so one bad
 * group in a multi-spectrum file does not lose the others. Immutable.
 *
 * @param raw           the spectrum as read
 * @param current       the spectrum after the steps so far
 * @param normalization the Larch normalisation result, when a normalise step ran on it
 * @param e0Ev          edge energy, NaN until a normalise step set it
 * @param prediction    the classifier's answer, when a classify step ran
 * @param warnings      warnings of every step, in order
 * @param error         why a step failed on this spectrum, or null
 */
public record SpectrumRecord(Spectrum raw, Spectrum current, Optional<NormalizationResult> normalization,
        double e0Ev, Optional<Prediction> prediction, List<String> warnings, String error) {

    public SpectrumRecord {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(prediction, "prediction");
        warnings = List.copyOf(warnings);
    }

    public static SpectrumRecord of(Spectrum raw) {
        return new SpectrumRecord(raw, raw, Optional.empty(), Double.NaN, Optional.empty(), List.of(), null);
    }

    public String id() {
        return raw.id();
    }

    public boolean failed() {
        return error != null;
    }

    public SpectrumRecord withCurrent(Spectrum value) {
        return new SpectrumRecord(raw, value, normalization, e0Ev, prediction, warnings, error);
    }

    public SpectrumRecord withNormalization(Spectrum value, NormalizationResult result, double e0) {
        return new SpectrumRecord(raw, value, Optional.ofNullable(result), e0, prediction, warnings, error);
    }

    public SpectrumRecord withPrediction(Prediction value) {
        return new SpectrumRecord(raw, current, normalization, e0Ev, Optional.of(value), warnings, error);
    }

    public SpectrumRecord withWarnings(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(warnings);
        all.addAll(more);
        return new SpectrumRecord(raw, current, normalization, e0Ev, prediction, all, error);
    }

    public SpectrumRecord withError(String message) {
        return new SpectrumRecord(raw, current, normalization, e0Ev, prediction, warnings,
                Objects.requireNonNull(message, "message"));
    }
}

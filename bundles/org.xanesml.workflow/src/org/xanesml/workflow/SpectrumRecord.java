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
import org.xanesml.preprocess.XanesShape;

/**
 * One spectrum on its way through a pipeline: as read, as it is now, what normalisation found, the models' answers
 * and the warnings collected. A spectrum that failed a step keeps its error and is skipped by later steps, so one
 * bad group in a multi-spectrum file does not lose the others. Immutable.
 *
 * @param raw           the spectrum as read
 * @param current       the spectrum after the steps so far
 * @param normalization the Larch normalisation result, when a normalise step ran on it
 * @param e0Ev          edge energy, NaN until a normalise step set it
 * @param answers       one answer per model that classified it (a classify step may apply several)
 * @param noModel       why no model answered, when a classify step ran and none covers the spectrum's element and
 *                      edge ("no model for Mn K"); empty otherwise
 * @param warnings      warnings of every step, in order
 * @param error         why a step failed on this spectrum, or null
 * @param shape         the XANES shape check of {@code current} as the normalise step made it, so that each model
 *                      classifying it need not repeat it; empty until then, and again once a step changes
 *                      {@code current}
 */
public record SpectrumRecord(Spectrum raw, Spectrum current, Optional<NormalizationResult> normalization,
        double e0Ev, List<ModelAnswer> answers, Optional<String> noModel, List<String> warnings, String error,
        Optional<XanesShape.Result> shape) {

    public SpectrumRecord {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(normalization, "normalization");
        answers = List.copyOf(answers);
        Objects.requireNonNull(noModel, "noModel");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(shape, "shape");
    }

    public static SpectrumRecord of(Spectrum raw) {
        return new SpectrumRecord(raw, raw, Optional.empty(), Double.NaN, List.of(), Optional.empty(), List.of(), null,
                Optional.empty());
    }

    public String id() {
        return raw.id();
    }

    public boolean failed() {
        return error != null;
    }

    public SpectrumRecord withCurrent(Spectrum value) {
        return new SpectrumRecord(raw, value, normalization, e0Ev, answers, noModel, warnings, error,
                Optional.empty());
    }

    public SpectrumRecord withNormalization(Spectrum value, NormalizationResult result, double e0) {
        return new SpectrumRecord(raw, value, Optional.ofNullable(result), e0, answers, noModel, warnings, error,
                Optional.empty());
    }

    /** @return this spectrum with the shape check of its current form */
    public SpectrumRecord withShape(XanesShape.Result value) {
        return new SpectrumRecord(raw, current, normalization, e0Ev, answers, noModel, warnings, error,
                Optional.of(value));
    }

    /** @return the first model's prediction, for callers that classify with one model */
    public Optional<Prediction> prediction() {
        return answers.stream().findFirst().map(ModelAnswer::prediction);
    }

    /** @return this spectrum with {@code value} added to its answers */
    public SpectrumRecord withAnswer(ModelAnswer value) {
        List<ModelAnswer> all = new ArrayList<>(answers);
        all.add(value);
        return new SpectrumRecord(raw, current, normalization, e0Ev, all, noModel, warnings, error, shape);
    }

    /** @return this spectrum marked as answered by no model, and why */
    public SpectrumRecord withNoModel(String reason) {
        return new SpectrumRecord(raw, current, normalization, e0Ev, answers, Optional.of(reason), warnings, error,
                shape);
    }

    public SpectrumRecord withWarnings(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(warnings);
        all.addAll(more);
        return new SpectrumRecord(raw, current, normalization, e0Ev, answers, noModel, all, error, shape);
    }

    public SpectrumRecord withError(String message) {
        return new SpectrumRecord(raw, current, normalization, e0Ev, answers, noModel, warnings,
                Objects.requireNonNull(message, "message"), shape);
    }
}

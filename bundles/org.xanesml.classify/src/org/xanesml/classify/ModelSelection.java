/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Hyper-parameter and recipe choice by macro-F1, either on VAL (every candidate trained on TRAIN; ties broken by
 * accuracy, then by list order) or by repeated grouped k-fold cross-validation over TRAIN + VAL, which scores every
 * sample instead of the VAL ones only and so ranks candidates with less noise when VAL is small. TEST is never looked
 * at here.
 */
public final class ModelSelection {
    private ModelSelection() {
    }

    /** One configuration to try. */
    public record Candidate(FeatureRecipe recipe, LearnerSpec learner, TrainingOptions options) {
    }

    /** A candidate with its validation score. */
    public record Scored(Candidate candidate, Metrics validation) {
    }

    /** The outcome: all scores in input order and the winner. */
    public record Result(List<Scored> scores, Scored best) {
        /** @return "learner: validation macro-F1" for every candidate, in input order, "; "-separated */
        public String scoresText() {
            return String.join("; ", scores.stream().map(s -> String.format(Locale.ROOT, "%s: %.4f",
                    s.candidate().learner(), s.validation().macroF1())).toList());
        }
    }

    public static Result onValidation(DataSet data, List<Candidate> candidates) {
        return onValidation(data, candidates, () -> false);
    }

    /**
     * As {@link #onValidation(DataSet, List)}, asking {@code cancelled} before each candidate.
     *
     * @throws java.util.concurrent.CancellationException when it says stop
     */
    public static Result onValidation(DataSet data, List<Candidate> candidates, BooleanSupplier cancelled) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidates to choose from");
        }
        List<Scored> scores = new ArrayList<>();
        Scored best = null;
        for (Candidate c : candidates) {
            stopIf(cancelled);
            TrainedModel m = ModelTrainer.train(data, c.recipe(), c.learner(), c.options());
            FeatureMatrix val = FeatureMatrix.of(data.of(SplitRole.VAL), new FeatureExtractor(c.recipe()));
            Metrics mv = Metrics.of(val.y(), m.predictAll(val.x()), data.classes().size());
            Scored s = new Scored(c, mv);
            scores.add(s);
            if (best == null || mv.macroF1() > best.validation().macroF1()
                    || (mv.macroF1() == best.validation().macroF1() && mv.accuracy() > best.validation().accuracy())) {
                best = s;
            }
        }
        return new Result(List.copyOf(scores), best);
    }

    /**
     * A candidate's repeated cross-validation score: pooled macro-F1 and accuracy of each repetition (seed 0, 1, ...)
     * and their means.
     */
    public record CvScored(Candidate candidate, double[] macroF1PerRepeat, double[] accuracyPerRepeat) {
        public CvScored {
            macroF1PerRepeat = macroF1PerRepeat.clone();
            accuracyPerRepeat = accuracyPerRepeat.clone();
        }

        @Override
        public double[] macroF1PerRepeat() {
            return macroF1PerRepeat.clone();
        }

        @Override
        public double[] accuracyPerRepeat() {
            return accuracyPerRepeat.clone();
        }

        public double meanMacroF1() {
            return Arrays.stream(macroF1PerRepeat).average().orElseThrow();
        }

        public double meanAccuracy() {
            return Arrays.stream(accuracyPerRepeat).average().orElseThrow();
        }
    }

    /** The outcome of a cross-validated choice: all scores in input order and the winner. */
    public record CvResult(List<CvScored> scores, CvScored best) {
        /** @return "learner: mean CV macro-F1" for every candidate, in input order, "; "-separated */
        public String scoresText() {
            return String.join("; ", scores.stream().map(s -> String.format(Locale.ROOT, "%s: %.4f",
                    s.candidate().learner(), s.meanMacroF1())).toList());
        }
    }

    /**
     * Scores every candidate by {@link CrossValidation#groupedKFold} with seeds 0 .. repeats-1 and picks the highest
     * mean macro-F1; ties broken by mean accuracy, then by list order. (The shipped Fe models add a size rule on top
     * of this ranking: see org.xanesml.models/README.md.)
     */
    public static CvResult byRepeatedCrossValidation(DataSet data, List<Candidate> candidates, int folds,
            int repeats) {
        return byRepeatedCrossValidation(data, candidates, folds, repeats, () -> false);
    }

    /**
     * As {@link #byRepeatedCrossValidation(DataSet, List, int, int)}, asking {@code cancelled} before each fold set.
     *
     * @throws java.util.concurrent.CancellationException when it says stop
     */
    public static CvResult byRepeatedCrossValidation(DataSet data, List<Candidate> candidates, int folds,
            int repeats, BooleanSupplier cancelled) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidates to choose from");
        }
        if (folds < 2 || repeats < 1) {
            throw new IllegalArgumentException("need at least 2 folds and 1 repetition, got " + folds + " folds and "
                    + repeats + " repetitions");
        }
        List<CvScored> scores = new ArrayList<>();
        CvScored best = null;
        for (Candidate c : candidates) {
            double[] f1 = new double[repeats];
            double[] acc = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                stopIf(cancelled);
                Metrics pooled = CrossValidation.groupedKFold(data, c.recipe(), c.learner(), c.options(), folds, r)
                        .pooled();
                f1[r] = pooled.macroF1();
                acc[r] = pooled.accuracy();
            }
            CvScored s = new CvScored(c, f1, acc);
            scores.add(s);
            if (best == null || s.meanMacroF1() > best.meanMacroF1()
                    || (s.meanMacroF1() == best.meanMacroF1() && s.meanAccuracy() > best.meanAccuracy())) {
                best = s;
            }
        }
        return new CvResult(List.copyOf(scores), best);
    }

    private static void stopIf(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("model selection cancelled; no model written");
        }
    }
}

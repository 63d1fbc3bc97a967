/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Hyper-parameter and recipe choice: every candidate is trained on TRAIN and scored on VAL by macro-F1 (ties broken
 * by accuracy, then by list order). TEST is never looked at here.
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
    }

    public static Result onValidation(DataSet data, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidates to choose from");
        }
        List<Scored> scores = new ArrayList<>();
        Scored best = null;
        for (Candidate c : candidates) {
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
}

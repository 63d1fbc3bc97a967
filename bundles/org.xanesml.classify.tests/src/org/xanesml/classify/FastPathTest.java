/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The flat-array prediction path must give Weka's own probabilities (to 1e-6: it stores its tables in single
 * precision). Checked on the training spectra: there Weka's IBk does not widen its ranges (which the fast path
 * deliberately never does), so both must agree.
 */
class FastPathTest {
    private static void agrees(LearnerSpec spec, ClassBalance balance) {
        agrees(Synthetic.dataSet(), spec, balance);
    }

    private static void agrees(DataSet ds, LearnerSpec spec, ClassBalance balance) {
        TrainedModel m = ModelTrainer.train(ds, Synthetic.recipe(), spec, new TrainingOptions(balance,
                Augmentation.NONE));
        assertTrue(m.hasFastPath(), spec + " should have a fast path");
        FeatureMatrix train = FeatureMatrix.of(ds.of(SplitRole.TRAIN), new FeatureExtractor(Synthetic.recipe()));
        FeatureMatrix val = FeatureMatrix.of(ds.of(SplitRole.VAL), new FeatureExtractor(Synthetic.recipe()));
        for (double[] x : train.x()) {
            assertArrayEquals(m.wekaProbabilities(x), m.probabilities(x), 1e-6, spec.toString());
        }
        if (spec.kind() == LearnerSpec.Kind.SMO_RBF || spec.kind() == LearnerSpec.Kind.RANDOM_FOREST) {
            // SMO and forests keep no state per prediction, so unseen spectra must agree as well
            for (double[] x : val.x()) {
                assertArrayEquals(m.wekaProbabilities(x), m.probabilities(x), 1e-6, spec.toString());
            }
        }
    }

    @Test
    void smoMatchesWeka() {
        agrees(LearnerSpec.smoRbf(10, 0.01), ClassBalance.NONE);
        agrees(LearnerSpec.smoRbf(30, 0.003), ClassBalance.WEIGHTED);
    }

    /** Two classes (Fe2+ / Fe3+): Weka's SMO then skips pairwise coupling, and so must the fast path. */
    @Test
    void twoClassSmoAndVoteMatchWeka() {
        DataSet two = new DataSetBuilder().name("two classes").task(Task.OXIDATION_STATE).groupedSplit(0.2, 0.2, 1)
                .build(Synthetic.items(40, 2, 7));
        assertTrue(two.classes().size() == 2, two.classes().toString());
        agrees(two, LearnerSpec.smoRbf(10, 0.01), ClassBalance.NONE);
        agrees(two, LearnerSpec.smoRbf(100, 0.001), ClassBalance.SQRT_WEIGHTED);
        agrees(two, new LearnerSpec(LearnerSpec.Kind.VOTE, Map.of("C", 100.0, "gamma", 0.001, "trees", 20.0, "k", 1.0)),
                ClassBalance.SQRT_WEIGHTED);
    }

    @Test
    void nearestNeighbourMatchesWeka() {
        agrees(new LearnerSpec(LearnerSpec.Kind.IBK, Map.of("k", 1.0)), ClassBalance.NONE);
        agrees(new LearnerSpec(LearnerSpec.Kind.IBK, Map.of("k", 1.0)), ClassBalance.WEIGHTED);
    }

    @Test
    void voteOfSmoAndNearestNeighbourMatchesWeka() {
        agrees(new LearnerSpec(LearnerSpec.Kind.VOTE, Map.of("C", 10.0, "gamma", 0.01, "trees", 0.0, "k", 1.0)),
                ClassBalance.NONE);
    }

    @Test
    void randomForestAndTheThreeMemberVoteMatchWeka() {
        agrees(new LearnerSpec(LearnerSpec.Kind.RANDOM_FOREST, Map.of("trees", 30.0)), ClassBalance.NONE);
        agrees(new LearnerSpec(LearnerSpec.Kind.VOTE, Map.of("C", 10.0, "gamma", 0.01, "trees", 20.0, "k", 1.0)),
                ClassBalance.WEIGHTED);
    }

    @Test
    void learnersWithoutAFastFormUseWeka() {
        for (LearnerSpec s : List.of(new LearnerSpec(LearnerSpec.Kind.IBK, Map.of("k", 3.0)),
                new LearnerSpec(LearnerSpec.Kind.J48, Map.of()))) {
            TrainedModel m = ModelTrainer.train(Synthetic.dataSet(), Synthetic.recipe(), s,
                    new TrainingOptions(ClassBalance.NONE, Augmentation.NONE));
            assertFalse(m.hasFastPath(), s.toString());
        }
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class LearnersTest {
    static LearnerSpec small(LearnerSpec.Kind k) {
        return switch (k) {
            case SMO_RBF -> LearnerSpec.smoRbf(10, 0.01);
            case SMO_POLY -> new LearnerSpec(k, Map.of("C", 1.0, "exponent", 2.0));
            case MLP -> new LearnerSpec(k, Map.of("hidden", 8.0, "epochs", 100.0));
            case RANDOM_FOREST -> new LearnerSpec(k, Map.of("trees", 30.0));
            case IBK -> new LearnerSpec(k, Map.of("k", 3.0));
            case LOGISTIC -> new LearnerSpec(k, Map.of("ridge", 1e-2));
            case J48 -> new LearnerSpec(k, Map.of());
            case VOTE -> new LearnerSpec(k, Map.of("C", 10.0, "gamma", 0.01, "trees", 20.0, "k", 3.0));
        };
    }

    /** Every learner learns the synthetic problem and survives the payload allow-list. */
    @ParameterizedTest
    @EnumSource(LearnerSpec.Kind.class)
    void everyLearnerTrainsAndDeserialisesThroughTheAllowList(LearnerSpec.Kind kind) throws Exception {
        DataSet ds = Synthetic.dataSet();
        for (ClassBalance bal : List.of(ClassBalance.NONE, ClassBalance.WEIGHTED)) {
            TrainedModel m = ModelTrainer.train(ds, Synthetic.recipe(), small(kind), new TrainingOptions(bal,
                    Augmentation.NONE));
            FeatureMatrix test = FeatureMatrix.of(ds.of(SplitRole.TEST), new FeatureExtractor(Synthetic.recipe()));
            Metrics mt = Metrics.of(test.y(), m.predictAll(test.x()), 3);
            assertTrue(mt.accuracy() > 0.75, kind + " " + bal + " accuracy " + mt.accuracy());
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (ObjectOutputStream oos = new ObjectOutputStream(bos)) {
                oos.writeObject(m.classifier());
            }
            weka.classifiers.Classifier back = ModelBundle.deserialize(bos.toByteArray(), kind.name());
            TrainedModel m2 = new TrainedModel(back, m.recipe(), m.classes(), m.learner());
            assertArrayEquals(m.probabilities(test.x()[0]), m2.probabilities(test.x()[0]), 1e-12);
        }
    }

    @Test
    void aGridIsEveryCombinationOnTopOfTheFixedParameters() {
        java.util.Map<String, List<Double>> searched = new java.util.LinkedHashMap<>();
        searched.put("C", List.of(1.0, 10.0));
        searched.put("gamma", List.of(0.001, 0.01, 0.1));
        List<LearnerSpec> g = LearnerSpec.grid(LearnerSpec.Kind.SMO_RBF, Map.of(), searched);
        assertEquals(6, g.size());
        assertEquals(LearnerSpec.smoRbf(1, 0.001), g.get(0));
        assertEquals(LearnerSpec.smoRbf(1, 0.1), g.get(2));
        assertEquals(LearnerSpec.smoRbf(10, 0.1), g.get(5));
        assertEquals(List.of(LearnerSpec.smoRbf(3, 0.01)),
                LearnerSpec.grid(LearnerSpec.Kind.SMO_RBF, Map.of("C", 3.0, "gamma", 0.01), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> LearnerSpec.grid(LearnerSpec.Kind.SMO_RBF, Map.of("C", 3.0), Map.of("C", List.of(1.0, 2.0))));
        assertThrows(IllegalArgumentException.class,
                () -> LearnerSpec.grid(LearnerSpec.Kind.SMO_RBF, Map.of(), Map.of("gamma", List.of())));
        assertThrows(IllegalArgumentException.class,
                () -> LearnerSpec.grid(LearnerSpec.Kind.IBK, Map.of(), Map.of("C", List.of(1.0, 2.0))));
    }

    @Test
    void unknownParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LearnerSpec(LearnerSpec.Kind.IBK, Map.of("C", 1.0)));
    }

    @Test
    void selectionPicksTheBestValidationMacroF1AndCrossValidationPoolsAllFolds() {
        DataSet ds = Synthetic.dataSet();
        ModelSelection.Result r = ModelSelection.onValidation(ds, List.of(
                new ModelSelection.Candidate(Synthetic.recipe(), new LearnerSpec(LearnerSpec.Kind.IBK, Map.of("k", 1.0)),
                        TrainingOptions.DEFAULT),
                new ModelSelection.Candidate(Synthetic.recipe(), LearnerSpec.smoRbf(10, 0.01), TrainingOptions.DEFAULT)));
        for (ModelSelection.Scored s : r.scores()) {
            assertTrue(s.validation().macroF1() <= r.best().validation().macroF1());
        }
        CrossValidation.Result cv = CrossValidation.groupedKFold(ds, Synthetic.recipe(), LearnerSpec.smoRbf(10, 0.01),
                TrainingOptions.DEFAULT, 4, 0);
        int pooled = ds.of(SplitRole.TRAIN).size() + ds.of(SplitRole.VAL).size();
        assertTrue(cv.pooled().n() == pooled && cv.folds().size() == 4, cv.folds().size() + " folds");
        assertTrue(cv.pooled().accuracy() > 0.8, "cv accuracy " + cv.pooled().accuracy());
    }

    @Test
    void repeatedCrossValidationAveragesOneGroupedKFoldPerSeedAndPicksTheBestMean() {
        DataSet ds = Synthetic.dataSet();
        ModelSelection.Candidate weak = new ModelSelection.Candidate(Synthetic.recipe(),
                new LearnerSpec(LearnerSpec.Kind.J48, Map.of("minLeaf", 200.0)), TrainingOptions.DEFAULT);
        ModelSelection.Candidate svm = new ModelSelection.Candidate(Synthetic.recipe(), LearnerSpec.smoRbf(10, 0.01),
                TrainingOptions.DEFAULT);
        ModelSelection.CvResult r = ModelSelection.byRepeatedCrossValidation(ds, List.of(weak, svm), 4, 2);
        assertEquals(2, r.scores().size());
        for (ModelSelection.CvScored s : r.scores()) {
            assertEquals(2, s.macroF1PerRepeat().length);
            for (int seed = 0; seed < 2; seed++) {
                Metrics pooled = CrossValidation.groupedKFold(ds, s.candidate().recipe(), s.candidate().learner(),
                        s.candidate().options(), 4, seed).pooled();
                assertEquals(pooled.macroF1(), s.macroF1PerRepeat()[seed], 0.0, "seed " + seed);
                assertEquals(pooled.accuracy(), s.accuracyPerRepeat()[seed], 0.0, "seed " + seed);
            }
            assertEquals((s.macroF1PerRepeat()[0] + s.macroF1PerRepeat()[1]) / 2, s.meanMacroF1(), 1e-15);
        }
        // a single leaf of >= 200 spectra cannot separate three classes; the SVM can
        assertSame(svm, r.best().candidate());
        assertTrue(r.scores().get(0).meanMacroF1() < r.best().meanMacroF1());
        assertThrows(IllegalArgumentException.class,
                () -> ModelSelection.byRepeatedCrossValidation(ds, List.of(svm), 1, 2));
        assertThrows(IllegalArgumentException.class, () -> ModelSelection.byRepeatedCrossValidation(ds, List.of(), 4, 2));
    }

    @Test
    void augmentationAndOversamplingEnlargeTheTrainingSet() {
        DataSet ds = Synthetic.dataSet();
        Augmentation aug = new Augmentation(2, 0.5, 1.0, 0.005, 0.02, 3);
        FeatureMatrix fm = ModelTrainer.trainingFeatures(ds, Synthetic.recipe(), aug);
        assertTrue(fm.rows() == 3 * ds.of(SplitRole.TRAIN).size(), "rows " + fm.rows());
        TrainedModel m = ModelTrainer.train(ds, Synthetic.recipe(), LearnerSpec.smoRbf(10, 0.01),
                new TrainingOptions(ClassBalance.OVERSAMPLE, aug));
        FeatureMatrix test = FeatureMatrix.of(ds.of(SplitRole.TEST), new FeatureExtractor(Synthetic.recipe()));
        assertTrue(Metrics.of(test.y(), m.predictAll(test.x()), 3).accuracy() > 0.8);
    }
}

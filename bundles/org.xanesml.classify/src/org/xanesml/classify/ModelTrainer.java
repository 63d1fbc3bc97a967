/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.xanesml.classify.internal.SupportVectorCompaction;
import org.xanesml.classify.internal.WekaData;

import weka.classifiers.Classifier;
import weka.core.Instances;

/** Trains Weka models on a {@link DataSet}'s TRAIN split by a recipe, a learner and training options. */
public final class ModelTrainer {
    private ModelTrainer() {
    }

    /** Training features: the TRAIN split plus augmented copies when the options ask for them. */
    public static FeatureMatrix trainingFeatures(DataSet data, FeatureRecipe recipe, Augmentation aug) {
        FeatureExtractor fx = new FeatureExtractor(recipe);
        List<Example> train = data.of(SplitRole.TRAIN);
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Random rnd = new Random(aug.seed());
        for (Example e : train) {
            x.add(fx.extract(e.item().spectrum()));
            y.add(e.classIndex());
            ids.add(e.id());
            for (int c = 0; c < aug.copies(); c++) {
                x.add(fx.extract(aug.perturb(e.item().spectrum(), rnd)));
                y.add(e.classIndex());
                ids.add(e.id() + "#" + c);
            }
        }
        return new FeatureMatrix(x.toArray(double[][]::new), y.stream().mapToInt(Integer::intValue).toArray(),
                List.copyOf(ids));
    }

    /** Trains on the TRAIN split of the data set. */
    public static TrainedModel train(DataSet data, FeatureRecipe recipe, LearnerSpec learner, TrainingOptions opts) {
        FeatureMatrix fm = trainingFeatures(data, recipe, opts.augmentation());
        return train(fm, recipe, data.classes(), learner, opts.balance(), opts.augmentation().seed());
    }

    /**
     * Trains on given features. SVMs keep only their support vectors afterwards (same predictions, smaller model
     * files, see {@link SupportVectorCompaction}).
     */
    public static TrainedModel train(FeatureMatrix fm, FeatureRecipe recipe, List<String> classes, LearnerSpec learner,
            ClassBalance balance, long seed) {
        Instances inst = WekaData.instances(recipe, classes, fm, balance, seed);
        Classifier c = learner.newClassifier();
        try {
            c.buildClassifier(inst);
        } catch (Exception e) {
            throw new IllegalStateException("Weka " + learner + " failed to train on " + inst.numInstances()
                    + " samples", e);
        }
        SupportVectorCompaction.compact(c);
        return new TrainedModel(c, recipe, classes, learner);
    }
}

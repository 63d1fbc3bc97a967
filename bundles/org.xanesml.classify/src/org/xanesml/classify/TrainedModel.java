/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import org.xanesml.classify.internal.FastClassifier;
import org.xanesml.classify.internal.WekaData;
import org.xanesml.core.Spectrum;

import weka.classifiers.Classifier;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/**
 * A trained Weka classifier with the recipe and classes it was trained for. Thread-safety: Weka classifiers are not
 * guaranteed thread-safe; use {@link #lendOrCopy()} or {@link #copyForThread()} to give each thread its own.
 */
public final class TrainedModel {
    private final Classifier classifier;
    private final FeatureRecipe recipe;
    private final List<String> classes;
    private final LearnerSpec learner;
    private final Instances header;
    private final FeatureExtractor extractor;
    /** Flat-array form of the classifier for fast prediction, when it has one (derived, never serialised). */
    private final FastClassifier fast;
    /** Whether this instance has been handed to a thread by {@link #lendOrCopy()} (it may serve one thread only). */
    private final AtomicBoolean lent = new AtomicBoolean();

    public TrainedModel(Classifier classifier, FeatureRecipe recipe, List<String> classes, LearnerSpec learner) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.recipe = Objects.requireNonNull(recipe, "recipe");
        this.classes = List.copyOf(classes);
        this.learner = learner;
        this.header = WekaData.header(recipe, this.classes, 0);
        this.extractor = new FeatureExtractor(recipe);
        this.fast = FastClassifier.of(classifier).orElse(null);
    }

    public Classifier classifier() {
        return classifier;
    }

    public FeatureRecipe recipe() {
        return recipe;
    }

    public List<String> classes() {
        return classes;
    }

    public LearnerSpec learner() {
        return learner;
    }

    /** @return class probabilities for a feature vector (recipe order). */
    public double[] probabilities(double[] features) {
        if (features.length != recipe.featureCount()) {
            throw new IllegalArgumentException("model expects " + recipe.featureCount() + " features, got "
                    + features.length);
        }
        double[] vals = new double[features.length + 1];
        System.arraycopy(features, 0, vals, 0, features.length);
        vals[features.length] = weka.core.Utils.missingValue();
        Instance inst = new DenseInstance(1.0, vals);
        inst.setDataset(header);
        try {
            return fast != null ? fast.distribution(inst) : classifier.distributionForInstance(inst);
        } catch (Exception e) {
            throw new IllegalStateException("Weka " + classifier.getClass().getSimpleName()
                    + " failed to classify a feature vector", e);
        }
    }

    /** @return class probabilities computed by Weka itself (no fast path), to check the fast path against. */
    public double[] wekaProbabilities(double[] features) {
        double[] vals = new double[features.length + 1];
        System.arraycopy(features, 0, vals, 0, features.length);
        vals[features.length] = weka.core.Utils.missingValue();
        Instance inst = new DenseInstance(1.0, vals);
        inst.setDataset(header);
        try {
            return classifier.distributionForInstance(inst);
        } catch (Exception e) {
            throw new IllegalStateException("Weka " + classifier.getClass().getSimpleName()
                    + " failed to classify a feature vector", e);
        }
    }

    /** @return whether predictions use the flat-array fast path rather than Weka's generic one. */
    public boolean hasFastPath() {
        return fast != null;
    }

    /** @return the index of the most probable class. */
    public int predict(double[] features) {
        return argMax(probabilities(features));
    }

    public double[] probabilities(Spectrum s) {
        return probabilities(extractor.extract(s));
    }

    public int[] predictAll(double[][] x) {
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = predict(x[i]);
        }
        return out;
    }

    /** @return the class probabilities of every row of {@code x} */
    public double[][] probabilitiesAll(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = probabilities(x[i]);
        }
        return out;
    }

    /** @return the most probable class of every row of {@code p} */
    public static int[] argMax(double[][] p) {
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = argMax(p[i]);
        }
        return out;
    }

    /**
     * @return this instance for the first caller, an independent copy ({@link #copyForThread()}) for every later one:
     *         a model serves one thread at a time, and a run that classifies on one thread (one file, the workbench)
     *         need not pay for a deep copy of the classifier (tens of milliseconds, most of a one-file answer's
     *         classification time)
     */
    public TrainedModel lendOrCopy() {
        return lent.compareAndSet(false, true) ? this : copyForThread();
    }

    /** @return an independent copy (deep copy of the classifier) for use on another thread. */
    public TrainedModel copyForThread() {
        try {
            return new TrainedModel((Classifier) new weka.core.SerializedObject(classifier).getObject(), recipe,
                    classes, learner);
        } catch (Exception e) {
            throw new IllegalStateException("cannot copy the Weka classifier", e);
        }
    }

    public static int argMax(double[] p) {
        int a = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[a]) {
                a = i;
            }
        }
        return a;
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import weka.classifiers.Classifier;
import weka.classifiers.lazy.IBk;
import weka.classifiers.meta.Vote;
import weka.core.Instance;
import weka.core.Utils;

/**
 * A trained Weka classifier re-expressed with flat arrays so that one prediction costs little more than its
 * arithmetic (see {@link FastSmo}, {@link FastIbk}). Built from the deserialised Weka object at load time, never
 * stored. Not thread-safe, like the Weka classifier it mirrors.
 */
public interface FastClassifier {
    /** @return class probabilities for an instance with the training header */
    double[] distribution(Instance instance) throws Exception;

    /** @return the fast form of a classifier, or empty when it has none (use Weka's own path) */
    static Optional<FastClassifier> of(Classifier c) {
        if (c instanceof Vote v) {
            return FastVote.of(v);
        }
        if (c instanceof weka.classifiers.trees.RandomForest f) {
            return FastForest.of(f).map(x -> x);
        }
        if (c instanceof IBk k) {
            return FastIbk.of(k).map(f -> f);
        }
        return FastSmo.of(c).map(f -> f);
    }

    /** Soft vote (average rule) of members that all have a fast form. */
    final class FastVote implements FastClassifier {
        private final List<FastClassifier> members;

        private FastVote(List<FastClassifier> members) {
            this.members = members;
        }

        static Optional<FastClassifier> of(Vote v) {
            if (v.getCombinationRule().getSelectedTag().getID() != Vote.AVERAGE_RULE
                    || v.getPreBuiltClassifiers().length != 0) {
                return Optional.empty();
            }
            List<FastClassifier> fast = new ArrayList<>();
            for (Classifier m : v.getClassifiers()) {
                Optional<FastClassifier> f = FastClassifier.of(m);
                if (f.isEmpty()) {
                    return Optional.empty();
                }
                fast.add(f.get());
            }
            return Optional.of(new FastVote(List.copyOf(fast)));
        }

        @Override
        public double[] distribution(Instance instance) throws Exception {
            double[] sum = new double[instance.numClasses()];
            for (FastClassifier m : members) {
                double[] p = m.distribution(instance);
                for (int j = 0; j < sum.length; j++) {
                    sum[j] += p[j];
                }
            }
            // as Vote's average rule: the summed distribution, normalised
            if (Utils.sum(sum) > 0) {
                Utils.normalize(sum);
            }
            return sum;
        }
    }
}

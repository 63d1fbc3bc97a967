/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Grouped, stratified k-fold cross-validation over the TRAIN and VAL samples of a data set (TEST stays untouched):
 * groups (materials) never straddle folds. Predictions of all folds are pooled into one {@link Metrics}, and the
 * per-fold metrics are kept to show the spread.
 */
public final class CrossValidation {
    private CrossValidation() {
    }

    /** Pooled and per-fold metrics. */
    public record Result(Metrics pooled, List<Metrics> folds) {
    }

    public static Result groupedKFold(DataSet data, FeatureRecipe recipe, LearnerSpec learner, TrainingOptions opts,
            int k, long seed) {
        List<Example> pool = new ArrayList<>(data.of(SplitRole.TRAIN));
        pool.addAll(data.of(SplitRole.VAL));
        List<String> groups = pool.stream().map(e -> e.item().group()).toList();
        int[] y = pool.stream().mapToInt(Example::classIndex).toArray();
        int[] fold = GroupedStratifiedSplit.folds(groups, y, data.classes().size(), k, seed);
        int[] pred = new int[pool.size()];
        List<Metrics> per = new ArrayList<>();
        FeatureExtractor fx = new FeatureExtractor(recipe);
        for (int f = 0; f < k; f++) {
            List<Example> ex = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < pool.size(); i++) {
                Example e = pool.get(i);
                boolean test = fold[i] == f;
                ex.add(new Example(e.item(), e.classIndex(), test ? SplitRole.TEST : SplitRole.TRAIN));
                if (test) {
                    held.add(i);
                }
            }
            if (held.isEmpty()) {
                continue;
            }
            DataSet foldData = new DataSet(data.name() + " fold " + f, data.task(), data.classes(), ex);
            TrainedModel m = ModelTrainer.train(foldData, recipe, learner, opts);
            int[] ft = new int[held.size()];
            int[] fp = new int[held.size()];
            for (int j = 0; j < held.size(); j++) {
                int i = held.get(j);
                pred[i] = m.predict(fx.extract(pool.get(i).item().spectrum()));
                ft[j] = y[i];
                fp[j] = pred[i];
            }
            per.add(Metrics.of(ft, fp, data.classes().size()));
        }
        return new Result(Metrics.of(y, pred, data.classes().size()), List.copyOf(per));
    }
}

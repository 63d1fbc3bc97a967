/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Energy-resolved permutation importance: for each energy window of the model's grid, all features at those energies
 * (mu and, if used, dmu/dE) are shuffled jointly across the evaluation samples, and the drop in macro-F1 is recorded
 * (mean and standard deviation over repeats). Model-agnostic, so SMO, MLP and forests are explained alike.
 *
 * @param baselineMacroF1 macro-F1 on the unshuffled samples
 * @param windows         one entry per window, in energy order
 */
public record FeatureImportance(double baselineMacroF1, List<Window> windows) {

    /**
     * @param fromEv  first grid energy of the window (relative to the recipe's reference)
     * @param toEv    last grid energy of the window
     * @param region  spectral region by energy relative to the edge: pre-edge, edge, white-line, beyond
     * @param drop    mean macro-F1 drop when the window is shuffled
     * @param dropSd  standard deviation of the drop over repeats
     */
    public record Window(double fromEv, double toEv, String region, double drop, double dropSd) {
    }

    /** @return the region name of an energy relative to the edge. */
    public static String region(double relativeToEdgeEv) {
        if (relativeToEdgeEv < -3) {
            return "pre-edge";
        }
        if (relativeToEdgeEv < 5) {
            return "edge";
        }
        if (relativeToEdgeEv < 20) {
            return "white-line";
        }
        return "beyond";
    }

    /**
     * @param windowEv   window width in eV
     * @param edgeEv     edge energy on the recipe's grid scale (0 for edge-relative grids), for region names
     * @param repeats    shuffles per window
     */
    public static FeatureImportance compute(TrainedModel model, FeatureMatrix eval, double windowEv, double edgeEv,
            int repeats, long seed) {
        FeatureRecipe r = model.recipe();
        double[] grid = r.gridEv();
        int nClasses = model.classes().size();
        double base = Metrics.of(eval.y(), model.predictAll(eval.x()), nClasses).macroF1();
        List<Window> out = new ArrayList<>();
        Random rnd = new Random(seed);
        int start = 0;
        while (start < grid.length) {
            int end = start;
            while (end + 1 < grid.length && grid[end + 1] < grid[start] + windowEv) {
                end++;
            }
            List<Integer> cols = new ArrayList<>();
            for (int f = 0; f < r.featureCount(); f++) {
                double e = r.featureEnergyEv(f);
                if (e >= grid[start] && e <= grid[end]) {
                    cols.add(f);
                }
            }
            double[] drops = new double[repeats];
            for (int rep = 0; rep < repeats; rep++) {
                int n = eval.rows();
                int[] perm = new int[n];
                for (int i = 0; i < n; i++) {
                    perm[i] = i;
                }
                for (int i = n - 1; i > 0; i--) {
                    int j = rnd.nextInt(i + 1);
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                }
                int[] pred = new int[n];
                for (int i = 0; i < n; i++) {
                    double[] x = eval.x()[i].clone();
                    for (int c : cols) {
                        x[c] = eval.x()[perm[i]][c];
                    }
                    pred[i] = model.predict(x);
                }
                drops[rep] = base - Metrics.of(eval.y(), pred, nClasses).macroF1();
            }
            double mean = 0;
            for (double d : drops) {
                mean += d / repeats;
            }
            double var = 0;
            for (double d : drops) {
                var += (d - mean) * (d - mean) / Math.max(1, repeats - 1);
            }
            double mid = 0.5 * (grid[start] + grid[end]);
            out.add(new Window(grid[start], grid[end], region(mid - edgeEv), mean, Math.sqrt(var)));
            start = end + 1;
        }
        return new FeatureImportance(base, List.copyOf(out));
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Group-aware, class-stratified assignment of samples to folds: all samples of a group go to one fold, and groups are
 * placed (largest first, ties shuffled by seed) into the fold whose class histogram is furthest below its target.
 * This is the greedy scheme StratifiedGroupKFold-like splitters use; it keeps materials from straddling folds.
 */
public final class GroupedStratifiedSplit {
    private GroupedStratifiedSplit() {
    }

    /**
     * @return the fold (0..k-1) of every sample
     */
    public static int[] folds(List<String> groups, int[] classIndex, int nClasses, int k, long seed) {
        double[] share = new double[k];
        java.util.Arrays.fill(share, 1.0 / k);
        return assignByShares(groups, classIndex, nClasses, share, seed);
    }

    /** @return TRAIN / VAL / TEST per sample, with the given VAL and TEST fractions. */
    public static List<SplitRole> assign(List<String> groups, int[] classIndex, int nClasses, double valFrac,
            double testFrac, long seed) {
        double[] share = {1 - valFrac - testFrac, valFrac, testFrac};
        int[] f = assignByShares(groups, classIndex, nClasses, share, seed);
        List<SplitRole> roles = new ArrayList<>(f.length);
        for (int v : f) {
            roles.add(SplitRole.values()[v]);
        }
        return roles;
    }

    static int[] assignByShares(List<String> groups, int[] y, int nClasses, double[] share, long seed) {
        Map<String, int[]> hist = new LinkedHashMap<>();
        for (int i = 0; i < y.length; i++) {
            hist.computeIfAbsent(groups.get(i), g -> new int[nClasses])[y[i]]++;
        }
        List<String> order = new ArrayList<>(hist.keySet());
        Collections.shuffle(order, new Random(seed));
        // big groups first: they are the hardest to place without unbalancing a fold
        order.sort((a, b) -> Integer.compare(sum(hist.get(b)), sum(hist.get(a))));
        int[] total = new int[nClasses];
        hist.values().forEach(h -> {
            for (int c = 0; c < nClasses; c++) {
                total[c] += h[c];
            }
        });
        int k = share.length;
        double[][] have = new double[k][nClasses];
        Map<String, Integer> foldOf = new LinkedHashMap<>();
        for (String g : order) {
            int[] h = hist.get(g);
            int best = 0;
            double bestDeficit = Double.NEGATIVE_INFINITY;
            for (int f = 0; f < k; f++) {
                if (share[f] <= 0) {
                    continue;
                }
                // deficit = how far the fold is below its target for the classes this group carries
                double deficit = 0;
                for (int c = 0; c < nClasses; c++) {
                    if (h[c] > 0) {
                        deficit += h[c] * (share[f] * total[c] - have[f][c]) / Math.max(1.0, share[f] * total[c]);
                    }
                }
                if (deficit > bestDeficit) {
                    bestDeficit = deficit;
                    best = f;
                }
            }
            for (int c = 0; c < nClasses; c++) {
                have[best][c] += h[c];
            }
            foldOf.put(g, best);
        }
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = foldOf.get(groups.get(i));
        }
        return out;
    }

    private static int sum(int[] a) {
        int s = 0;
        for (int v : a) {
            s += v;
        }
        return s;
    }
}

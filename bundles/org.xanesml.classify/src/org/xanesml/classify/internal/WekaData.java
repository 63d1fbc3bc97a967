/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.xanesml.classify.ClassBalance;
import org.xanesml.classify.FeatureMatrix;
import org.xanesml.classify.FeatureRecipe;

import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/** Converts feature matrices to Weka {@link Instances}: numeric attributes named by the recipe, class last. */
public final class WekaData {
    private WekaData() {
    }

    /** @return an empty data set with the recipe's attributes and a nominal class attribute "class". */
    public static Instances header(FeatureRecipe recipe, List<String> classes, int capacity) {
        ArrayList<Attribute> atts = new ArrayList<>();
        for (int i = 0; i < recipe.featureCount(); i++) {
            atts.add(new Attribute(recipe.featureName(i)));
        }
        atts.add(new Attribute("class", new ArrayList<>(classes)));
        Instances data = new Instances("xanes", atts, capacity);
        data.setClassIndex(atts.size() - 1);
        return data;
    }

    public static Instances instances(FeatureRecipe recipe, List<String> classes, FeatureMatrix fm,
            ClassBalance balance, long seed) {
        int k = classes.size();
        int[] counts = new int[k];
        for (int v : fm.y()) {
            counts[v]++;
        }
        int n = fm.rows();
        double[] w = new double[k];
        for (int c = 0; c < k; c++) {
            double bal = counts[c] == 0 ? 0 : (double) n / (k * counts[c]);
            w[c] = switch (balance) {
                case WEIGHTED -> bal;
                case SQRT_WEIGHTED -> Math.sqrt(bal);
                default -> 1.0;
            };
        }
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(i);
        }
        if (balance == ClassBalance.OVERSAMPLE) {
            int max = 0;
            for (int c : counts) {
                max = Math.max(max, c);
            }
            Random rnd = new Random(seed);
            for (int c = 0; c < k; c++) {
                List<Integer> members = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (fm.y()[i] == c) {
                        members.add(i);
                    }
                }
                for (int extra = counts[c]; extra < max && !members.isEmpty(); extra++) {
                    rows.add(members.get(rnd.nextInt(members.size())));
                }
            }
        }
        Instances data = header(recipe, classes, rows.size());
        int f = recipe.featureCount();
        for (int i : rows) {
            double[] vals = new double[f + 1];
            System.arraycopy(fm.x()[i], 0, vals, 0, f);
            vals[f] = fm.y()[i];
            data.add(new DenseInstance(w[fm.y()[i]], vals));
        }
        return data;
    }
}

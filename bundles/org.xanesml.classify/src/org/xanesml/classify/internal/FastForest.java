/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify.internal;

import static org.xanesml.classify.internal.WekaFields.field;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import weka.classifiers.Classifier;
import weka.classifiers.meta.Bagging;
import weka.classifiers.trees.RandomForest;
import weka.classifiers.trees.RandomTree;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Probabilities of a trained Weka {@link RandomForest} on numeric features from its trees copied once into flat
 * node arrays. Weka walks each tree through objects and allocates a distribution per tree and node visit; here a
 * prediction is a few array look-ups per level. Same rules as Weka: numeric split "value &lt; split point goes
 * left"; a node answers with its child's distribution, or with its own (normalised) when the child has none; the
 * forest sums the trees' distributions and normalises.
 */
public final class FastForest implements FastClassifier {
    /** One tree: per node the attribute (-1 for a leaf), split point, children and normalised distribution. */
    private record Tree(int[] attribute, double[] split, int[] left, int[] right, double[][] distribution) {
    }

    private final Tree[] trees;
    private final int numClasses;

    private FastForest(Tree[] trees, int numClasses) {
        this.trees = trees;
        this.numClasses = numClasses;
    }

    /** @return the fast form of a random forest over numeric attributes, else empty */
    public static Optional<FastForest> of(RandomForest forest) {
        try {
            Classifier[] members = (Classifier[]) field(weka.classifiers.IteratedSingleClassifierEnhancer.class,
                    "m_Classifiers").get(forest);
            if (members == null || members.length == 0) {
                return Optional.empty();
            }
            Tree[] trees = new Tree[members.length];
            int numClasses = -1;
            for (int t = 0; t < members.length; t++) {
                if (!(members[t] instanceof RandomTree rt) || field(RandomTree.class, "m_zeroR").get(rt) != null) {
                    return Optional.empty();
                }
                Instances info = (Instances) field(RandomTree.class, "m_Info").get(rt);
                for (int a = 0; a < info.numAttributes(); a++) {
                    if (a != info.classIndex() && !info.attribute(a).isNumeric()) {
                        return Optional.empty();
                    }
                }
                numClasses = info.numClasses();
                Object root = field(RandomTree.class, "m_Tree").get(rt);
                Optional<Tree> flat = flatten(root);
                if (flat.isEmpty()) {
                    return Optional.empty();
                }
                trees[t] = flat.get();
            }
            return Optional.of(new FastForest(trees, numClasses));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another Weka layout: Weka's own path stays correct, only slower
            return Optional.empty();
        }
    }

    private static Optional<Tree> flatten(Object root) throws ReflectiveOperationException {
        Class<?> node = root.getClass();
        Field attr = field(node, "m_Attribute");
        Field split = field(node, "m_SplitPoint");
        Field succ = field(node, "m_Successors");
        Field dist = field(node, "m_ClassDistribution");
        List<Object> nodes = new ArrayList<>();
        nodes.add(root);
        List<int[]> children = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Object n = nodes.get(i);
            int a = attr.getInt(n);
            if (a < 0) {
                children.add(new int[] {-1, -1});
                continue;
            }
            Object[] s = (Object[]) succ.get(n);
            if (s == null || s.length != 2) {
                return Optional.empty();
            }
            children.add(new int[] {nodes.size(), nodes.size() + 1});
            nodes.add(s[0]);
            nodes.add(s[1]);
        }
        int n = nodes.size();
        int[] attribute = new int[n];
        double[] splits = new double[n];
        int[] left = new int[n];
        int[] right = new int[n];
        double[][] dists = new double[n][];
        for (int i = 0; i < n; i++) {
            Object o = nodes.get(i);
            attribute[i] = attr.getInt(o);
            splits[i] = split.getDouble(o);
            left[i] = children.get(i)[0];
            right[i] = children.get(i)[1];
            double[] d = (double[]) dist.get(o);
            if (d != null) {
                if (!(Utils.sum(d) > 0)) {
                    return Optional.empty();
                }
                d = d.clone();
                Utils.normalize(d);
            }
            dists[i] = d;
        }
        return Optional.of(new Tree(attribute, splits, left, right, dists));
    }

    @Override
    public double[] distribution(Instance instance) {
        double[] x = instance.toDoubleArray();
        double[] sums = new double[numClasses];
        for (Tree t : trees) {
            int i = 0;
            double[] answer = t.distribution()[0];
            while (t.attribute()[i] >= 0) {
                i = x[t.attribute()[i]] < t.split()[i] ? t.left()[i] : t.right()[i];
                // the deepest node on the path that has a distribution answers
                if (t.distribution()[i] != null) {
                    answer = t.distribution()[i];
                }
            }
            if (answer != null) {
                for (int c = 0; c < numClasses; c++) {
                    sums[c] += answer[c];
                }
            }
        }
        if (!Utils.eq(Utils.sum(sums), 0)) {
            Utils.normalize(sums);
        }
        return sums;
    }
}

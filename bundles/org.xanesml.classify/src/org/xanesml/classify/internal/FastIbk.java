/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify.internal;

import static org.xanesml.classify.internal.WekaFields.field;

import java.util.Optional;

import weka.classifiers.lazy.IBk;
import weka.core.EuclideanDistance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.neighboursearch.LinearNNSearch;

/**
 * Nearest-neighbour probabilities of a trained Weka {@link IBk} (k = 1, 1/distance weighting, linear search,
 * range-normalised Euclidean distance) from the training set copied once into flat, pre-normalised arrays.
 * <p>
 * One deliberate difference: Weka's IBk widens its normalisation ranges with every instance it classifies, so its
 * answer for a spectrum depends on which spectra came before; this keeps the ranges of the loaded model fixed, so
 * a prediction depends only on the spectrum. Within the ranges both give the same probabilities.
 */
public final class FastIbk implements FastClassifier {
    /** Normalised training rows in single precision: half the memory streamed per search. */
    private final float[][] train;
    private final int[] labels;
    private final double[] weights;
    private final double[] min;
    private final double[] width;
    private final int classIndex;
    private final int numClasses;
    private final double numAttributesUsed;
    /** Unit direction of largest spread of the normalised training rows; rows are sorted by their projection. */
    private final double[] direction;
    private final double[] projection;

    private FastIbk(float[][] train, int[] labels, double[] weights, double[] min, double[] width, int classIndex,
            int numClasses, double numAttributesUsed) {
        this.direction = principalDirection(train);
        Integer[] order = new Integer[train.length];
        double[] proj = new double[train.length];
        for (int i = 0; i < train.length; i++) {
            order[i] = i;
            proj[i] = project(direction, train[i]);
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(proj[a], proj[b]));
        float[][] sortedRows = new float[train.length][];
        int[] sortedLabels = new int[train.length];
        double[] sortedWeights = new double[train.length];
        this.projection = new double[train.length];
        for (int i = 0; i < order.length; i++) {
            sortedRows[i] = train[order[i]];
            sortedLabels[i] = labels[order[i]];
            sortedWeights[i] = weights[order[i]];
            projection[i] = proj[order[i]];
        }
        train = sortedRows;
        labels = sortedLabels;
        weights = sortedWeights;
        this.train = train;
        this.labels = labels;
        this.weights = weights;
        this.min = min;
        this.width = width;
        this.classIndex = classIndex;
        this.numClasses = numClasses;
        this.numAttributesUsed = numAttributesUsed;
    }

    /** @return the fast form of a 1-NN IBk with inverse-distance weighting, else empty */
    public static Optional<FastIbk> of(IBk ibk) {
        if (ibk.getKNN() != 1 || ibk.getCrossValidate() || ibk.getWindowSize() != 0
                || ibk.getDistanceWeighting().getSelectedTag().getID() != IBk.WEIGHT_INVERSE
                || !(ibk.getNearestNeighbourSearchAlgorithm() instanceof LinearNNSearch search)
                || !(search.getDistanceFunction() instanceof EuclideanDistance dist)
                || !"first-last".equals(dist.getAttributeIndices()) || dist.getInvertSelection()) {
            return Optional.empty();
        }
        try {
            Instances data = (Instances) field(IBk.class, "m_Train").get(ibk);
            double used = (Double) field(IBk.class, "m_NumAttributesUsed").get(ibk);
            if (data == null || data.numInstances() == 0) {
                return Optional.empty();
            }
            int ci = data.classIndex();
            int f = data.numAttributes() - 1;
            double[] min = new double[f];
            double[] width = new double[f];
            boolean normalise = !dist.getDontNormalize();
            double[][] ranges = normalise ? dist.getRanges() : null;
            for (int a = 0, j = 0; a < data.numAttributes(); a++) {
                if (a == ci) {
                    continue;
                }
                if (!data.attribute(a).isNumeric()) {
                    return Optional.empty();
                }
                if (normalise) {
                    boolean flat = Double.isNaN(ranges[a][0]) || ranges[a][1] == ranges[a][0];
                    min[j] = flat ? 0 : ranges[a][0];
                    // a constant attribute normalises to 0 for every instance: width +inf gives exactly that
                    width[j] = flat ? Double.POSITIVE_INFINITY : ranges[a][2];
                } else {
                    min[j] = 0;
                    width[j] = 1;
                }
                j++;
            }
            float[][] x = new float[data.numInstances()][];
            int[] y = new int[x.length];
            double[] w = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                Instance in = data.instance(i);
                if (in.hasMissingValue()) {
                    return Optional.empty();
                }
                double[] row = normalised(in.toDoubleArray(), ci, min, width);
                x[i] = new float[row.length];
                for (int j = 0; j < row.length; j++) {
                    x[i][j] = (float) row[j];
                }
                y[i] = (int) in.classValue();
                w[i] = in.weight();
            }
            return Optional.of(new FastIbk(x, y, w, min, width, ci, data.numClasses(), used));
        } catch (Exception e) {
            // another Weka layout: Weka's own path stays correct, only slower
            return Optional.empty();
        }
    }

    @Override
    public double[] distribution(Instance instance) {
        double[] q = normalised(instance.toDoubleArray(), classIndex, min, width);
        // exact nearest-neighbour search: |u.(q - t)| <= |q - t| for a unit vector u, so rows whose projection lies
        // farther from the query's than the best distance so far cannot be nearer; rows are visited outwards from
        // the query's projection and each side stops at that bound
        double pq = project(direction, q);
        int hi = java.util.Arrays.binarySearch(projection, pq);
        hi = hi >= 0 ? hi : -hi - 1;
        int lo = hi - 1;
        int n = train.length;
        double best = Double.POSITIVE_INFINITY;
        int[] ties = new int[4];
        int nTies = 0;
        boolean loOpen = lo >= 0;
        boolean hiOpen = hi < n;
        boolean takeHi = true;
        while (loOpen || hiOpen) {
            boolean fromHi = hiOpen && (takeHi || !loOpen);
            int i = fromHi ? hi : lo;
            double gap = projection[i] - pq;
            // slack so single-precision rounding of the projections can never prune the true neighbour
            if (gap * gap > best * (1 + 1e-6) + 1e-12) {
                // projections are sorted: everything beyond on this side is farther still
                if (fromHi) {
                    hiOpen = false;
                } else {
                    loOpen = false;
                }
                continue;
            }
            if (fromHi) {
                hi++;
                hiOpen = hi < n;
            } else {
                lo--;
                loOpen = lo >= 0;
            }
            takeHi = !takeHi;
            double d = squaredDistance(q, train[i], best);
            if (d < best) {
                best = d;
                nTies = 0;
            }
            if (d == best) {
                if (nTies == ties.length) {
                    ties = java.util.Arrays.copyOf(ties, 2 * nTies);
                }
                ties[nTies++] = i;
            }
        }
        // IBk's distribution: a 1/n floor per class, plus 1/(rms distance + 0.001) for each nearest neighbour
        // (all neighbours tied at the nearest distance count, as Weka's linear search returns them)
        double[] p = new double[numClasses];
        double floor = 1.0 / Math.max(1, train.length);
        double total = 0;
        for (int c = 0; c < numClasses; c++) {
            p[c] = floor;
            total += floor;
        }
        double rms = Math.sqrt(best / numAttributesUsed);
        for (int t = 0; t < nTies; t++) {
            double w = weights[ties[t]] / (rms + 0.001);
            p[labels[ties[t]]] += w;
            total += w;
        }
        for (int c = 0; c < numClasses; c++) {
            p[c] /= total;
        }
        return p;
    }

    private static double project(double[] u, float[] row) {
        double s = 0;
        for (int j = 0; j < u.length; j++) {
            s += u[j] * row[j];
        }
        return s;
    }

    private static double project(double[] u, double[] row) {
        double s = 0;
        for (int j = 0; j < u.length; j++) {
            s += u[j] * row[j];
        }
        return s;
    }

    /** @return the unit first principal direction of the rows (power iteration on the centred rows) */
    private static double[] principalDirection(float[][] rows) {
        int f = rows[0].length;
        double[] mean = new double[f];
        for (float[] r : rows) {
            for (int j = 0; j < f; j++) {
                mean[j] += r[j] / (double) rows.length;
            }
        }
        double[] u = new double[f];
        java.util.Arrays.fill(u, 1 / Math.sqrt(f));
        for (int it = 0; it < 30; it++) {
            double[] next = new double[f];
            for (float[] r : rows) {
                double s = 0;
                for (int j = 0; j < f; j++) {
                    s += (r[j] - mean[j]) * u[j];
                }
                for (int j = 0; j < f; j++) {
                    next[j] += s * (r[j] - mean[j]);
                }
            }
            double norm = 0;
            for (double v : next) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            if (!(norm > 0)) {
                return u;
            }
            for (int j = 0; j < f; j++) {
                u[j] = next[j] / norm;
            }
        }
        return u;
    }

    /**
     * @return the squared distance, or a partial sum above {@code stopAbove} once it is certain to exceed it (checked
     *         every 16 values, summed in a fixed order so the same pair always gives the same number)
     */
    private static double squaredDistance(double[] a, float[] b, double stopAbove) {
        double d = 0;
        int n = a.length;
        int j = 0;
        while (j < n) {
            int end = Math.min(n, j + 16);
            double s0 = 0;
            double s1 = 0;
            for (; j + 1 < end; j += 2) {
                double u0 = a[j] - b[j];
                double u1 = a[j + 1] - b[j + 1];
                s0 += u0 * u0;
                s1 += u1 * u1;
            }
            if (j < end) {
                double u = a[j] - b[j];
                s0 += u * u;
                j++;
            }
            d += s0 + s1;
            if (d > stopAbove) {
                return d;
            }
        }
        return d;
    }

    private static double[] normalised(double[] values, int classIndex, double[] min, double[] width) {
        double[] out = new double[min.length];
        for (int a = 0, j = 0; a < values.length; a++) {
            if (a == classIndex) {
                continue;
            }
            out[j] = (values[a] - min[j]) / width[j];
            j++;
        }
        return out;
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.Arrays;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * How far a feature vector is from the training data: features are standardised with the training mean and
 * standard deviation and projected on the leading principal components of the training set. The score combines
 * Hotelling's T^2 in the component space and the squared residual off it, each divided by its own threshold, so a
 * score above 1 means "unlike anything in training". Thresholds are quantiles of the validation scores (not of the
 * training ones, which are optimistic).
 *
 * @param mean       training mean per feature
 * @param scale      training standard deviation per feature (floored so constant features do not divide by 0)
 * @param components principal axes, [k][features], unit length
 * @param variances  variance of the training scores along each axis
 * @param t2Limit    T^2 threshold
 * @param qLimit     squared-residual threshold
 * @param quantile   the validation quantile the thresholds were set at
 */
public record ApplicabilityDomain(double[] mean, double[] scale, double[][] components, double[] variances,
        double t2Limit, double qLimit, double quantile) {

    /** The two parts of the distance score. */
    public record Score(double t2, double q, double combined) {
    }

    /** Fits mean, scale and the leading principal components on training features; thresholds are left at +inf. */
    public static ApplicabilityDomain fit(double[][] train, int nComponents) {
        int n = train.length;
        int f = train[0].length;
        double[] mean = new double[f];
        double[] sd = new double[f];
        for (double[] r : train) {
            for (int j = 0; j < f; j++) {
                mean[j] += r[j] / n;
            }
        }
        for (double[] r : train) {
            for (int j = 0; j < f; j++) {
                double d = r[j] - mean[j];
                sd[j] += d * d / Math.max(1, n - 1);
            }
        }
        double maxSd = 0;
        for (int j = 0; j < f; j++) {
            sd[j] = Math.sqrt(sd[j]);
            maxSd = Math.max(maxSd, sd[j]);
        }
        for (int j = 0; j < f; j++) {
            sd[j] = Math.max(sd[j], 1e-6 * Math.max(maxSd, 1e-12));
        }
        double[][] cov = new double[f][f];
        double[] z = new double[f];
        for (double[] r : train) {
            for (int j = 0; j < f; j++) {
                z[j] = (r[j] - mean[j]) / sd[j];
            }
            for (int a = 0; a < f; a++) {
                for (int b = a; b < f; b++) {
                    cov[a][b] += z[a] * z[b] / Math.max(1, n - 1);
                }
            }
        }
        for (int a = 0; a < f; a++) {
            for (int b = 0; b < a; b++) {
                cov[a][b] = cov[b][a];
            }
        }
        // SVD of the symmetric PSD covariance gives its eigenpairs; it converges where EigenDecomposition's QL
        // iteration fails on the near-degenerate covariance of mu + dmu/dE features
        SingularValueDecomposition eig = new SingularValueDecomposition(new Array2DRowRealMatrix(cov, false));
        double[] ev = eig.getSingularValues();
        Integer[] order = new Integer[f];
        for (int i = 0; i < f; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(ev[b], ev[a]));
        int k = Math.min(nComponents, f);
        double[][] comp = new double[k][];
        double[] var = new double[k];
        RealMatrix v = eig.getU();
        for (int i = 0; i < k; i++) {
            comp[i] = v.getColumn(order[i]);
            var[i] = Math.max(ev[order[i]], 1e-12);
        }
        return new ApplicabilityDomain(mean, sd, comp, var, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1.0);
    }

    /** @return a copy whose thresholds are the given quantile of the scores of the (validation) features. */
    public ApplicabilityDomain withThresholdsFrom(double[][] validation, double q) {
        double[] t2 = new double[validation.length];
        double[] qs = new double[validation.length];
        for (int i = 0; i < validation.length; i++) {
            double[] parts = parts(validation[i]);
            t2[i] = parts[0];
            qs[i] = parts[1];
        }
        Arrays.sort(t2);
        Arrays.sort(qs);
        return new ApplicabilityDomain(mean, scale, components, variances, Metrics.quantile(t2, q),
                Metrics.quantile(qs, q), q);
    }

    public Score score(double[] x) {
        double[] p = parts(x);
        return new Score(p[0], p[1], Math.max(p[0] / t2Limit, p[1] / qLimit));
    }

    /** @return the fraction of rows whose combined score is within the thresholds (0 for no rows) */
    public double inDomainFraction(double[][] x) {
        int in = 0;
        for (double[] r : x) {
            if (score(r).combined() <= 1.0) {
                in++;
            }
        }
        return x.length == 0 ? 0 : (double) in / x.length;
    }

    private double[] parts(double[] x) {
        int f = mean.length;
        if (x.length != f) {
            throw new IllegalArgumentException("domain expects " + f + " features, got " + x.length);
        }
        double[] z = new double[f];
        double total = 0;
        for (int j = 0; j < f; j++) {
            z[j] = (x[j] - mean[j]) / scale[j];
            total += z[j] * z[j];
        }
        double t2 = 0;
        double explained = 0;
        for (int i = 0; i < components.length; i++) {
            double s = 0;
            double[] c = components[i];
            for (int j = 0; j < f; j++) {
                s += c[j] * z[j];
            }
            t2 += s * s / variances[i];
            explained += s * s;
        }
        return new double[] {t2, Math.max(0, total - explained)};
    }
}

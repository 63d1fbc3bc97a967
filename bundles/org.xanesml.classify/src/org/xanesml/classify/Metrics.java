/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.List;
import java.util.Random;

/**
 * Classification metrics from true and predicted class indices: accuracy, balanced accuracy (mean recall),
 * macro-F1 (mean per-class F1, a class without support and predictions counts 0 as scikit-learn does), per-class
 * precision/recall/F1 and the confusion matrix (rows true, columns predicted).
 */
public record Metrics(int n, double accuracy, double balancedAccuracy, double macroF1, double[] precision,
        double[] recall, double[] f1, int[][] confusion) {

    public static Metrics of(int[] truth, int[] predicted, int nClasses) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " predictions");
        }
        int[][] cm = new int[nClasses][nClasses];
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            cm[truth[i]][predicted[i]]++;
            if (truth[i] == predicted[i]) {
                correct++;
            }
        }
        double[] p = new double[nClasses];
        double[] r = new double[nClasses];
        double[] f = new double[nClasses];
        double recallSum = 0;
        int present = 0;
        double f1Sum = 0;
        int f1Classes = 0;
        for (int c = 0; c < nClasses; c++) {
            int tp = cm[c][c];
            int support = 0;
            int predictedC = 0;
            for (int k = 0; k < nClasses; k++) {
                support += cm[c][k];
                predictedC += cm[k][c];
            }
            p[c] = predictedC == 0 ? 0 : (double) tp / predictedC;
            r[c] = support == 0 ? 0 : (double) tp / support;
            f[c] = p[c] + r[c] == 0 ? 0 : 2 * p[c] * r[c] / (p[c] + r[c]);
            if (support > 0) {
                recallSum += r[c];
                present++;
            }
            // scikit-learn averages F1 over the labels present in truth or prediction
            if (support > 0 || predictedC > 0) {
                f1Sum += f[c];
                f1Classes++;
            }
        }
        int n = truth.length;
        return new Metrics(n, n == 0 ? 0 : (double) correct / n, present == 0 ? 0 : recallSum / present,
                f1Classes == 0 ? 0 : f1Sum / f1Classes, p, r, f, cm);
    }

    /** A 95% (or other) percentile-bootstrap interval of one metric. */
    public record Interval(double low, double high) {
    }

    /** Which metric a bootstrap interval is about. */
    public enum Kind {
        ACCURACY, BALANCED_ACCURACY, MACRO_F1;

        public double of(Metrics m) {
            return switch (this) {
                case ACCURACY -> m.accuracy();
                case BALANCED_ACCURACY -> m.balancedAccuracy();
                case MACRO_F1 -> m.macroF1();
            };
        }
    }

    /**
     * Percentile bootstrap over samples (resampling with replacement), the scheme the baseline reports.
     *
     * @return one interval per kind, in the order of {@link Kind#values()}
     */
    public static Interval[] bootstrap(int[] truth, int[] predicted, int nClasses, int resamples, double level,
            long seed) {
        Random rnd = new Random(seed);
        int n = truth.length;
        Kind[] kinds = Kind.values();
        double[][] v = new double[kinds.length][resamples];
        int[] t = new int[n];
        int[] p = new int[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                int j = rnd.nextInt(n);
                t[i] = truth[j];
                p[i] = predicted[j];
            }
            Metrics m = of(t, p, nClasses);
            for (int k = 0; k < kinds.length; k++) {
                v[k][b] = kinds[k].of(m);
            }
        }
        Interval[] out = new Interval[kinds.length];
        double alpha = (1 - level) / 2;
        for (int k = 0; k < kinds.length; k++) {
            java.util.Arrays.sort(v[k]);
            out[k] = new Interval(quantile(v[k], alpha), quantile(v[k], 1 - alpha));
        }
        return out;
    }

    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Expected calibration error: samples binned by their top probability (equal-width bins), the weighted mean of
     * |accuracy - mean confidence| over bins.
     */
    public static double expectedCalibrationError(int[] truth, double[][] probabilities, int bins) {
        double[] conf = new double[bins];
        double[] acc = new double[bins];
        int[] cnt = new int[bins];
        for (int i = 0; i < truth.length; i++) {
            double[] p = probabilities[i];
            int arg = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[arg]) {
                    arg = c;
                }
            }
            int b = Math.min(bins - 1, (int) (p[arg] * bins));
            conf[b] += p[arg];
            acc[b] += arg == truth[i] ? 1 : 0;
            cnt[b]++;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (cnt[b] > 0) {
                ece += Math.abs(acc[b] - conf[b]) / truth.length;
            }
        }
        return ece;
    }

    /** @return a plain-text table of per-class precision/recall/F1 and the confusion matrix. */
    public String report(List<String> classes) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT, "n=%d accuracy=%.4f balanced=%.4f macroF1=%.4f%n", n,
                accuracy, balancedAccuracy, macroF1));
        for (int c = 0; c < classes.size(); c++) {
            sb.append(String.format(java.util.Locale.ROOT, "  %-20s P=%.3f R=%.3f F1=%.3f  row:", classes.get(c),
                    precision[c], recall[c], f1[c]));
            for (int k = 0; k < classes.size(); k++) {
                sb.append(String.format(" %4d", confusion[c][k]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}

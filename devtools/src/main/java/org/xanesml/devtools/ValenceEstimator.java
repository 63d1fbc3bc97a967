/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.devtools;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.xanesml.classify.Example;
import org.xanesml.classify.FeatureException;
import org.xanesml.classify.FeatureExtractor;
import org.xanesml.classify.FeatureRecipe;
import org.xanesml.classify.MeasuredEvaluation;
import org.xanesml.classify.MeasuredReferences;
import org.xanesml.classify.ModelBundle;
import org.xanesml.classify.SplitRole;
import org.xanesml.classify.Task;
import org.xanesml.core.Element;
import org.xanesml.core.Spectrum;
import org.xanesml.models.PretrainedModels;
import org.xanesml.workflow.MeasuredScoring;
import org.xanesml.workflow.StepCatalog;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * {@code valence}: round 14 of the model selection (org.xanesml.models/README.md). A ridge linear regression of the
 * valence on the shipped {@code fe-k-oxidation} features, fitted on the TRAIN simulations (targets 2 and 3), ridge by
 * VAL RMSE, scored on the measured references: single-valence rows (mean |error|, side of 2.5) and mixed-valence rows
 * (within 0.3 of the average). Usage: {@code java -jar devtools/target/xanesml-devtools.jar valence <shared>}.
 */
public final class ValenceEstimator {
    static final double[] RIDGES = { 1e-2, 1e-1, 1, 10, 100, 1000 };

    private ValenceEstimator() {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args[0]);
        ModelBundle shipped;
        try (InputStream in = PretrainedModels.open(PretrainedModels.FE_OXIDATION)) {
            shipped = ModelBundle.read(in, PretrainedModels.FE_OXIDATION);
        }
        FeatureRecipe recipe = shipped.model().recipe();
        FeatureExtractor fx = new FeatureExtractor(recipe);
        BenchmarkData.Benchmark b = BenchmarkData.benchmark(BenchmarkData.loadFe(shared), Task.OXIDATION_STATE);
        List<String> classes = b.data().classes();
        double[][] trainX = features(b.data().of(SplitRole.TRAIN), fx);
        double[] trainY = targets(b.data().of(SplitRole.TRAIN), classes);
        double[][] valX = features(b.data().of(SplitRole.VAL), fx);
        double[] valY = targets(b.data().of(SplitRole.VAL), classes);
        Ridge best = null;
        double bestRmse = Double.POSITIVE_INFINITY;
        for (double ridge : RIDGES) {
            Ridge r = Ridge.fit(trainX, trainY, ridge);
            double se = 0;
            for (int i = 0; i < valX.length; i++) {
                double d = clip(r.predict(valX[i])) - valY[i];
                se += d * d;
            }
            double rmse = Math.sqrt(se / valX.length);
            System.out.println(String.format(Locale.ROOT, "ridge %-8g VAL RMSE %.4f (n %d)", ridge, rmse,
                    valX.length));
            if (rmse < bestRmse) {
                bestRmse = rmse;
                best = r;
            }
        }
        System.out.println(String.format(Locale.ROOT, "chosen ridge %g, uncertainty (VAL RMSE) %.3f", best.ridge(),
                bestRmse));

        MeasuredReferences refs = MeasuredReferences.read(shared.resolve("golden/measured/labels.csv"));
        List<MeasuredReferences.Row> rows = new ArrayList<>();
        for (MeasuredReferences.Row r : refs.rows()) {
            // the rows the measured evaluation scores: in-scope single valence and mixed-valence averages
            MeasuredEvaluation.Scope scope = MeasuredEvaluation.scopeOf(r, Task.OXIDATION_STATE, Element.Fe, classes);
            if (scope == MeasuredEvaluation.Scope.IN_SCOPE || scope == MeasuredEvaluation.Scope.MIXED_VALENCE) {
                rows.add(r);
            }
        }
        List<String> failures = new ArrayList<>();
        List<Spectrum> spectra = MeasuredScoring.normalised(StepCatalog.builtIn(), rows, shared, 2, failures);
        failures.forEach(f -> System.out.println("not read: " + f));
        List<double[]> singleRaw = new ArrayList<>();
        List<double[]> mixedRaw = new ArrayList<>();
        double errSum = 0;
        int single = 0;
        int rightSide = 0;
        int mixedWithin = 0;
        int mixedN = 0;
        for (MeasuredReferences.Row r : rows) {
            Spectrum s = spectra.stream().filter(x -> x.id().equals(r.path())).findFirst().orElse(null);
            if (s == null) {
                continue;
            }
            double truth = Double.parseDouble(r.oxidationState().strip());
            double est;
            double raw;
            try {
                raw = best.predict(fx.extract(s));
                est = clip(raw);
            } catch (FeatureException e) {
                System.out.println("  no features: " + e.getMessage());
                continue;
            }
            boolean isMixed = MeasuredEvaluation.scopeOf(r, Task.OXIDATION_STATE, Element.Fe, classes)
                    == MeasuredEvaluation.Scope.MIXED_VALENCE;
            (isMixed ? mixedRaw : singleRaw).add(new double[] { truth, raw });
            if (isMixed) {
                mixedN++;
                if (Math.abs(est - truth) <= 0.3 + 1e-9) {
                    mixedWithin++;
                }
            } else {
                single++;
                errSum += Math.abs(est - truth);
                if ((est > 2.5) == (truth == 3)) {
                    rightSide++;
                }
            }
            System.out.println(String.format(Locale.ROOT, "  %-70s %s truth %.2f estimate %.2f +- %.2f", r.path(),
                    isMixed ? "mixed " : "single", truth, est, bestRmse));
        }
        System.out.println(String.format(Locale.ROOT, "single-valence rows: %d, mean |error| %.3f, right side of 2.5"
                + " %d; mixed-valence rows within 0.3: %d of %d", single, errSum / single, rightSide, mixedWithin,
                mixedN));
        calibrationLine(singleRaw, mixedRaw);
    }

    /**
     * Round 15: v = 2.5 + k (e - c) by least squares of the known valence on the raw estimate e over the single-valence
     * rows, checked by leave-one-out on them and applied to the mixed-valence rows, which the fit never sees.
     */
    static void calibrationLine(List<double[]> single, List<double[]> mixed) {
        double errSum = 0;
        double se = 0;
        int right = 0;
        for (int i = 0; i < single.size(); i++) {
            List<double[]> rest = new ArrayList<>(single);
            rest.remove(i);
            double[] kc = line(rest);
            double v = clip(2.5 + kc[0] * (single.get(i)[1] - kc[1]));
            double truth = single.get(i)[0];
            errSum += Math.abs(v - truth);
            se += (v - truth) * (v - truth);
            if ((v > 2.5) == (truth == 3)) {
                right++;
            }
        }
        double looRmse = Math.sqrt(se / single.size());
        double[] kc = line(single);
        System.out.println(String.format(Locale.ROOT, "round 15: k %.3f, c %.4f (all %d single rows); leave-one-out"
                + " mean |error| %.3f, right side of 2.5 %d of %d, RMSE %.3f", kc[0], kc[1], single.size(),
                errSum / single.size(), right, single.size(), looRmse));
        int within = 0;
        for (double[] m : mixed) {
            double v = clip(2.5 + kc[0] * (m[1] - kc[1]));
            if (Math.abs(v - m[0]) <= 0.3 + 1e-9) {
                within++;
            }
            System.out.println(String.format(Locale.ROOT, "  mixed truth %.2f raw %.3f calibrated %.2f", m[0], m[1],
                    v));
        }
        System.out.println(String.format(Locale.ROOT, "round 15: mixed-valence rows within 0.3: %d of %d", within,
                mixed.size()));
    }

    /** @return k and c of v = 2.5 + k (e - c), least squares of v on e */
    static double[] line(List<double[]> rows) {
        double me = rows.stream().mapToDouble(r -> r[1]).average().orElseThrow();
        double mv = rows.stream().mapToDouble(r -> r[0]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (double[] r : rows) {
            sxy += (r[1] - me) * (r[0] - mv);
            sxx += (r[1] - me) * (r[1] - me);
        }
        double k = sxy / sxx;
        // v = mv + k (e - me) = 2.5 + k (e - c) with c = me - (mv - 2.5) / k
        return new double[] { k, me - (mv - 2.5) / k };
    }

    static double clip(double v) {
        return Math.max(2.0, Math.min(3.0, v));
    }

    private static double[][] features(List<Example> examples, FeatureExtractor fx) {
        return examples.stream().map(e -> fx.extract(e.item().spectrum())).toArray(double[][]::new);
    }

    private static double[] targets(List<Example> examples, List<String> classes) {
        return examples.stream().mapToDouble(e -> Double.parseDouble(classes.get(e.classIndex()))).toArray();
    }

    /** Ridge regression on standardised features; intercept = mean of y. */
    record Ridge(double[] mean, double[] scale, double[] coef, double intercept, double ridge) {
        static Ridge fit(double[][] x, double[] y, double ridge) {
            int n = x.length;
            int p = x[0].length;
            double[] mean = new double[p];
            double[] scale = new double[p];
            for (double[] row : x) {
                for (int j = 0; j < p; j++) {
                    mean[j] += row[j] / n;
                }
            }
            for (double[] row : x) {
                for (int j = 0; j < p; j++) {
                    scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
                }
            }
            for (int j = 0; j < p; j++) {
                // a constant feature carries nothing: scale 1 keeps it at zero after centring
                scale[j] = scale[j] > 1e-24 ? Math.sqrt(scale[j]) : 1.0;
            }
            double yMean = java.util.Arrays.stream(y).average().orElse(0);
            double[][] z = new double[n][p];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    z[i][j] = (x[i][j] - mean[j]) / scale[j];
                }
            }
            RealMatrix zm = new Array2DRowRealMatrix(z, false);
            RealMatrix a = zm.transpose().multiply(zm);
            for (int j = 0; j < p; j++) {
                a.addToEntry(j, j, ridge);
            }
            double[] yc = java.util.Arrays.stream(y).map(v -> v - yMean).toArray();
            double[] coef = new CholeskyDecomposition(a).getSolver()
                    .solve(zm.transpose().operate(new ArrayRealVector(yc, false))).toArray();
            return new Ridge(mean, scale, coef, yMean, ridge);
        }

        double predict(double[] f) {
            double v = intercept;
            for (int j = 0; j < coef.length; j++) {
                v += coef[j] * (f[j] - mean[j]) / scale[j];
            }
            return v;
        }
    }
}

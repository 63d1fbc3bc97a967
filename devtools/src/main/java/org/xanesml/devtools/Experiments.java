/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.devtools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.xanesml.classify.Augmentation;
import org.xanesml.classify.ClassBalance;
import org.xanesml.classify.EnergyReference;
import org.xanesml.classify.FeatureExtractor;
import org.xanesml.classify.FeatureMatrix;
import org.xanesml.classify.FeatureRecipe;
import org.xanesml.classify.LearnerSpec;
import org.xanesml.classify.Metrics;
import org.xanesml.classify.ModelSelection;
import org.xanesml.classify.ModelTrainer;
import org.xanesml.classify.SplitRole;
import org.xanesml.classify.Task;
import org.xanesml.classify.TrainedModel;
import org.xanesml.classify.TrainingOptions;

/**
 * Exploration runner used to choose recipes on the VAL split only: prints validation metrics of each configuration
 * given on the command line. Usage: {@code java -jar devtools/target/xanesml-devtools.jar experiments <shared> <cu|fe>
 * <cn|geo|ox> <config>...} where a config is {@code kind:C=10,gamma=0.005;g=2;d=0.5;s=0.3;bal=WEIGHTED;aug=2/1.0/1.0/0.005/0.02} (g = keep every g-th grid
 * point, g=3/lo/hi = every 3rd point plus all points in [lo, hi] eV, d = derivative scale, s = smoothing sigma, aug = copies/shift/broadening/noise/scale, e0=lo/hi/step =
 * uniform grid relative to Larch's find_e0 instead of the base grid, abs=lo/hi/step = uniform grid on the absolute
 * energy axis, w=lo/hi = keep grid points in [lo, hi],
 * d2=1 = append d2mu/dE2, mu=0 = leave mu itself out; put mu last; refit=1 = fit the delivered model on
 * train + val once chosen; this runner's val scores are always from the train-only fit; rn=preLo/preHi/normLo/normHi
 * = renormalise every spectrum, (mu - its mean over preLo..preHi eV) / its mean over normLo..normHi eV, windows on the
 * grid's axis; cal=shift[/sigma] = training spectra shifted by shift eV (and broadened by sigma eV) by hand, cal=est =
 * by the estimate of {@link Calibrations} (after rn=); wl=1 = with rn=, flag spectra whose white line is below that of
 * the TRAIN spectra's lowest 0.5%; dw=hi = fit the applicability domain on the grid continued to hi eV; dn=n/sd = fit
 * and threshold it with n copies of each spectrum carrying noise of sd edge steps).
 * Order matters: e0 first, then w and g, then d and s. With {@code -Dxanesml.cvRepeats=N} it prints instead the
 * macro-F1 of N repetitions of grouped 5-fold cross-validation over train + val (seeds 0 .. N-1) and their mean, the
 * criterion of the Fe models (org.xanesml.models/README.md, rounds 4-6).
 */
public final class Experiments {
    private Experiments() {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args[0]);
        BenchmarkData.Source src = args[1].equals("cu") ? BenchmarkData.loadCu(shared) : BenchmarkData.loadFe(shared);
        Task task = switch (args[2]) {
            case "cn" -> Task.COORDINATION_NUMBER;
            case "ox" -> Task.OXIDATION_STATE;
            default -> Task.GEOMETRY;
        };
        BenchmarkData.Benchmark b = BenchmarkData.benchmark(src, task);
        boolean showTest = Boolean.getBoolean("xanesml.showTest");
        int cvRepeats = Integer.getInteger("xanesml.cvRepeats", 0);
        for (int a = 3; a < args.length; a++) {
            Config c = parse(args[a], b.baseRecipe(), b, shared);
            if (cvRepeats > 0) {
                long t0 = System.nanoTime();
                ModelSelection.CvScored s = ModelSelection.byRepeatedCrossValidation(b.data(),
                        List.of(new ModelSelection.Candidate(c.recipe, c.learner, c.options)), 5, cvRepeats).best();
                StringBuilder per = new StringBuilder();
                for (double f : s.macroF1PerRepeat()) {
                    per.append(String.format(Locale.ROOT, " %.4f", f));
                }
                System.out.println(String.format(Locale.ROOT, "%s %-60s CV macro-F1 %.4f acc %.4f  per repeat%s  (%.0f s)",
                        b.key(), args[a], s.meanMacroF1(), s.meanAccuracy(), per, (System.nanoTime() - t0) / 1e9));
                continue;
            }
            long t0 = System.nanoTime();
            TrainedModel m = ModelTrainer.train(b.data(), c.recipe, c.learner, c.options);
            double trainS = (System.nanoTime() - t0) / 1e9;
            FeatureMatrix val = FeatureMatrix.of(b.data().of(SplitRole.VAL), new FeatureExtractor(c.recipe));
            Metrics mv = Metrics.of(val.y(), m.predictAll(val.x()), b.data().classes().size());
            long tp = System.nanoTime();
            int rounds = 3;
            for (int r = 0; r < rounds; r++) {
                m.predictAll(val.x());
            }
            double perS = rounds * val.rows() / ((System.nanoTime() - tp) / 1e9);
            String line = String.format(Locale.ROOT, "%s %-60s val acc %.4f bal %.4f F1 %.4f  train %.1fs  %.0f pred/s",
                    b.key(), args[a], mv.accuracy(), mv.balancedAccuracy(), mv.macroF1(), trainS, perS);
            String stress = System.getProperty("xanesml.stressShiftEv");
            if (stress != null) {
                // robustness probe: VAL spectra shifted by a fixed calibration error plus 1% noise
                double shiftEv = Double.parseDouble(stress);
                Augmentation probe = new Augmentation(1, 0, 0, 0.01, 0, 11);
                java.util.Random rnd = new java.util.Random(11);
                FeatureExtractor fx = new FeatureExtractor(c.recipe);
                List<org.xanesml.classify.Example> ex = b.data().of(SplitRole.VAL);
                int[] t = new int[ex.size()];
                int[] p = new int[ex.size()];
                for (int i = 0; i < ex.size(); i++) {
                    org.xanesml.core.Spectrum sp = ex.get(i).item().spectrum();
                    double[] e = sp.energyEv();
                    for (int j = 0; j < e.length; j++) {
                        e[j] += shiftEv;
                    }
                    sp = probe.perturb(sp.toBuilder().energyEv(e).build(), rnd);
                    t[i] = ex.get(i).classIndex();
                    p[i] = m.predict(fx.extract(sp));
                }
                Metrics ms = Metrics.of(t, p, b.data().classes().size());
                line += String.format(Locale.ROOT, " | shifted %+.1f eV + noise: acc %.4f F1 %.4f", shiftEv,
                        ms.accuracy(), ms.macroF1());
            }
            if (showTest) {
                FeatureMatrix test = FeatureMatrix.of(b.data().of(SplitRole.TEST), new FeatureExtractor(c.recipe));
                Metrics mt = Metrics.of(test.y(), m.predictAll(test.x()), b.data().classes().size());
                line += String.format(Locale.ROOT, " | TEST acc %.4f F1 %.4f", mt.accuracy(), mt.macroF1());
            }
            System.out.println(line);
        }
    }

    record Config(FeatureRecipe recipe, LearnerSpec learner, TrainingOptions options) {
    }

    /** @return lo, lo + step, ... up to hi (inclusive within rounding), rounded to 1 meV */
    static double[] uniformGrid(double loEv, double hiEv, double stepEv) {
        int n = (int) Math.floor((hiEv - loEv) / stepEv + 1e-9) + 1;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = Math.round((loEv + i * stepEv) * 1000) / 1000.0;
        }
        return g;
    }

    /** Parses the compact configuration syntax described in the class comment ({@code cal=est}, {@code wl=1} refused). */
    public static Config parse(String spec, FeatureRecipe base) {
        return parse(spec, base, null, null);
    }

    /**
     * Parses the compact configuration syntax; {@code cal=est} takes the calibration {@link Calibrations} estimates for
     * the recipe parsed so far (put it after rn=, w= and g=), {@code wl=1} the white-line floor of the benchmark's
     * TRAIN spectra for the final recipe (see {@link FeatureExtractor#withWhiteLineFloor}).
     *
     * @param b      the benchmark the configuration is for (null: cal=est and wl=1 are refused)
     * @param shared the shared data folder (the measured references of cal=est)
     */
    public static Config parse(String spec, FeatureRecipe base, BenchmarkData.Benchmark b, Path shared) {
        String[] parts = spec.split(";");
        String[] kp = parts[0].split(":", 2);
        LearnerSpec.Kind kind = LearnerSpec.Kind.valueOf(kp[0]);
        LearnerSpec learner = LearnerSpec.parse(kind, kp.length > 1 ? kp[1] : "");
        FeatureRecipe r = base;
        ClassBalance bal = ClassBalance.NONE;
        Augmentation aug = Augmentation.NONE;
        boolean refit = false;
        boolean whiteLine = false;
        double domainGridToEv = Double.NaN;
        Augmentation domainNoise = Augmentation.NONE;
        List<String> rest = new ArrayList<>(List.of(parts).subList(1, parts.length));
        for (String p : rest) {
            String[] nv = p.split("=", 2);
            switch (nv[0]) {
                case "d" -> r = r.withDerivative(true, Double.parseDouble(nv[1]));
                case "s" -> r = r.withSmoothing(Double.parseDouble(nv[1]));
                case "d2" -> r = r.withSecondDerivative(Double.parseDouble(nv[1]) != 0);
                case "mu" -> r = new FeatureRecipe(r.reference(), r.gridEv(), Double.parseDouble(nv[1]) != 0,
                        r.includeDerivative(), r.derivativeScale(), r.smoothingSigmaEv(), r.includeSecondDerivative(),
                        r.renormalisation(), r.calibration());
                case "g" -> {
                    // g=3 keeps every 3rd grid point; g=3/7108/7128 also every point in 7108..7128 eV
                    String[] v = nv[1].split("/");
                    r = v.length == 3 ? r.withGridStride(Integer.parseInt(v[0]), Double.parseDouble(v[1]),
                            Double.parseDouble(v[2])) : r.withGridStride(Integer.parseInt(v[0]));
                }
                case "e0" -> {
                    // uniform grid lo..hi (eV) with the given step, relative to Larch's find_e0 of each spectrum
                    String[] v = nv[1].split("/");
                    r = new FeatureRecipe(EnergyReference.EDGE_E0, uniformGrid(Double.parseDouble(v[0]),
                            Double.parseDouble(v[1]), Double.parseDouble(v[2])), true, false, 1.0, 0.0);
                }
                case "abs" -> {
                    // uniform grid lo..hi (eV) with the given step on the absolute energy axis (keeps the chemical shift)
                    String[] v = nv[1].split("/");
                    r = new FeatureRecipe(EnergyReference.ABSOLUTE, uniformGrid(Double.parseDouble(v[0]),
                            Double.parseDouble(v[1]), Double.parseDouble(v[2])), true, false, 1.0, 0.0);
                }
                case "w" -> {
                    String[] v = nv[1].split("/");
                    r = r.withWindow(Double.parseDouble(v[0]), Double.parseDouble(v[1]));
                }
                case "rn" -> {
                    // rn=preLo/preHi/normLo/normHi: (mu - pre-edge mean) / its post-edge mean, every spectrum
                    String[] v = nv[1].split("/");
                    r = r.withRenormalisation(new FeatureRecipe.Renormalisation(Double.parseDouble(v[0]),
                            Double.parseDouble(v[1]), Double.parseDouble(v[2]), Double.parseDouble(v[3])));
                }
                case "cal" -> {
                    // cal=shift/sigma: training spectra shifted by shift eV and broadened by sigma eV (by hand, for
                    // exploration; the shipped models take the estimate, see Calibrations)
                    String[] v = nv[1].split("/");
                    r = v[0].equals("est") ? r.withCalibration(Calibrations.calibration(shared, needs(b, spec), r))
                            : r.withCalibration(FeatureRecipe.Calibration.of(Double.parseDouble(v[0]),
                                    v.length > 1 ? Double.parseDouble(v[1]) : 0.0, "given by hand"));
                }
                case "wl" -> whiteLine = Double.parseDouble(nv[1]) != 0;
                case "bal" -> bal = ClassBalance.valueOf(nv[1]);
                case "refit" -> refit = Double.parseDouble(nv[1]) != 0;
                // dw=60: the applicability domain on the grid continued to 60 eV (TrainingOptions.domainGridToEv)
                case "dw" -> domainGridToEv = Double.parseDouble(nv[1]);
                // dn=2/0.005: the domain fitted and thresholded with 2 copies of each spectrum, noise sd 0.005
                case "dn" -> {
                    String[] v = nv[1].split("/");
                    domainNoise = Augmentation.noiseOnly(Integer.parseInt(v[0]), Double.parseDouble(v[1]));
                }
                case "aug" -> {
                    String[] v = nv[1].split("/");
                    aug = new Augmentation(Integer.parseInt(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]),
                            Double.parseDouble(v[3]), Double.parseDouble(v[4]), 7);
                }
                default -> throw new IllegalArgumentException("unknown config part '" + p + "' in " + spec);
            }
        }
        if (whiteLine) {
            // last: the floor is measured on the spectra as the final recipe places, smooths and samples them
            r = FeatureExtractor.withWhiteLineFloor(r, needs(b, spec).data().of(SplitRole.TRAIN).stream()
                    .map(e -> e.item().spectrum()).toList());
        }
        return new Config(r, learner, new TrainingOptions(bal, aug, refit, domainGridToEv, domainNoise));
    }

    private static BenchmarkData.Benchmark needs(BenchmarkData.Benchmark b, String spec) {
        if (b == null) {
            throw new IllegalArgumentException("cal=est and wl=1 in '" + spec + "' need the training data");
        }
        return b;
    }
}

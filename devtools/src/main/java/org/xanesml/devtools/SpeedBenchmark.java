/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.devtools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.xanesml.classify.FeatureExtractor;
import org.xanesml.classify.LocalEnvironmentClassifier;
import org.xanesml.classify.ModelBundle;
import org.xanesml.classify.SplitRole;
import org.xanesml.core.Spectrum;

/**
 * Classification throughput of model bundles on the TEST spectra, against the scikit-learn baseline's timings of
 * the same rows: {@code java -jar devtools/target/xanesml-devtools.jar speed <shared> <model dir> [rounds]}. "features" times the classifier on ready feature
 * vectors; "spectrum" times {@link LocalEnvironmentClassifier#classify} on an edge-normalised spectrum (grid
 * interpolation, classifier, applicability score). Batch runs split the spectra over 1 and 2 threads, each with its
 * own classifier copy. "per CPU-second" divides by the thread's CPU time instead of wall time, which is the
 * one-core rate even when other processes share the machine; the ratios against scikit-learn use it. Training time
 * is re-measured (one thread) by rebuilding the model.
 */
public final class SpeedBenchmark {
    private SpeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        BenchmarkData.Sources sources = new BenchmarkData.Sources(shared);
        System.out.println("| model | n | features/s 1 thread | spectra/s per CPU-second (1 thread) | spectra/s 1 thread"
                + " | spectra/s 2 threads | scaling"
                + " | train s (1 thread) | sklearn single ms / ours single ms | sklearn batch ms/spec / ours"
                + " | sklearn train s / ours |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (ShippedModels.Spec s : ShippedModels.ALL) {
            if (s.task() == org.xanesml.classify.Task.OXIDATION_STATE) {
                continue; // the scikit-learn baseline (results.json) has no oxidation-state task to compare with
            }
            BenchmarkData.Benchmark b = sources.benchmark(s);
            LocalEnvironmentClassifier c = new LocalEnvironmentClassifier(ModelBundle.read(dir.resolve(s.fileName())));
            List<Spectrum> spectra = b.data().of(SplitRole.TEST).stream().map(e -> e.item().spectrum()).toList();
            FeatureExtractor fx = new FeatureExtractor(c.bundle().model().recipe());
            double[][] x = spectra.stream().map(fx::extract).toArray(double[][]::new);
            // warm-up so the JIT has compiled the kernel loops before timing
            for (int r = 0; r < 5; r++) {
                for (double[] v : x) {
                    c.probabilities(v);
                }
                for (Spectrum sp : spectra) {
                    c.classify(sp);
                }
            }
            long t0 = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                for (double[] v : x) {
                    c.probabilities(v);
                }
            }
            double featPerS = rounds * x.length / ((System.nanoTime() - t0) / 1e9);
            // CPU time of this thread: on a shared machine wall time also counts other processes' turns
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = cpu.getCurrentThreadCpuTime();
            for (int r = 0; r < rounds; r++) {
                for (Spectrum sp : spectra) {
                    c.classify(sp);
                }
            }
            double specPerCpuS = rounds * spectra.size() / ((cpu.getCurrentThreadCpuTime() - c0) / 1e9);
            double spec1 = batch(c, spectra, 1, rounds);
            double spec2 = batch(c, spectra, 2, rounds);
            long tt = System.nanoTime();
            Experiments.Config cfg = Experiments.parse(s.config(), b.baseRecipe(), b, shared);
            org.xanesml.classify.ModelTrainer.train(b.data(), cfg.recipe(), cfg.learner(), cfg.options());
            double trainS = (System.nanoTime() - tt) / 1e9;
            SklearnBaseline sk = SklearnBaseline.read(shared.resolve("golden/sklearn-baseline/results.json"), s.key());
            // per spectrum on one core: CPU time, which other processes on a shared machine do not inflate
            double oursSingleMs = 1000.0 / specPerCpuS;
            System.out.println(String.format(Locale.ROOT,
                    "| %s (%s) | %d | %.0f | %.0f | %.0f | %.0f | %.2fx | %.2f | %.2f / %.3f = %.2fx | %.3f / %.3f = %.2fx"
                            + " | %.2f / %.2f = %.2fx |",
                    s.key(), s.fileName(), x.length, featPerS, specPerCpuS, spec1, spec2, spec2 / spec1, trainS,
                    sk.selectedSingleMs1(), oursSingleMs, sk.selectedSingleMs1() / oursSingleMs,
                    sk.selectedBatchMsPerSpectrum1(), oursSingleMs, sk.selectedBatchMsPerSpectrum1() / oursSingleMs,
                    sk.selectedTrainSeconds1(), trainS, sk.selectedTrainSeconds1() / trainS));
        }
        System.out.println("sklearn figures: validation-selected model of each task, n_jobs=1 (results.json)."
                + " Ratios > 1 mean xanesml is faster.");
    }

    /** @return spectra per second classifying all spectra {@code rounds} times split over {@code threads}. */
    static double batch(LocalEnvironmentClassifier c, List<Spectrum> spectra, int threads, int rounds)
            throws Exception {
        List<LocalEnvironmentClassifier> copies = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            copies.add(t == 0 ? c : c.copyForThread());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final int part = t;
                fs.add(pool.submit(() -> {
                    LocalEnvironmentClassifier mine = copies.get(part);
                    for (int r = 0; r < rounds; r++) {
                        for (int i = part; i < spectra.size(); i += threads) {
                            mine.classify(spectra.get(i));
                        }
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            return (double) rounds * spectra.size() / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdown();
        }
    }
}

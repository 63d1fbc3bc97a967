/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.devtools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.xanesml.classify.Metrics;
import org.xanesml.classify.ModelBuilder;
import org.xanesml.classify.TrainingMonitor;
import org.xanesml.classify.TrainingPlan;

/**
 * {@code train-shipped}: builds the shipped models from the shared data through the product's own training path
 * ({@link ModelBuilder}, as {@code xanesml train} and the Train Model wizard do), with the configurations of
 * {@link ShippedModels}, and writes one bundle per model.
 * <pre>
 * java -jar devtools/target/xanesml-devtools.jar train-shipped &lt;shared dir&gt; &lt;output dir&gt; [file name ...]
 * </pre>
 * Without file names all shipped models are built.
 */
public final class ShippedModelBuilder {
    /** How the tool is started, for the rebuild command recorded in each descriptor. */
    static final String TOOL = "java -jar devtools/target/xanesml-devtools.jar";

    private ShippedModelBuilder() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: train-shipped <shared dir> <output dir> [model file name ...]");
        }
        Path shared = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Set<String> only = new HashSet<>(List.of(args).subList(2, args.length));
        BenchmarkData.Sources sources = new BenchmarkData.Sources(shared);
        for (ShippedModels.Spec s : ShippedModels.ALL) {
            if (!only.isEmpty() && !only.contains(s.fileName())) {
                continue;
            }
            Path file = out.resolve(s.fileName());
            ModelBuilder.Built m = ModelBuilder.buildTo(file, sources.benchmark(s).data(),
                    plan(shared, sources.benchmark(s), s), console(s.key()));
            System.out.println(String.format(Locale.ROOT,
                    "%s -> %s (%d bytes): train %.1f s, test acc %s, macro-F1 %s, ECE %.3f, test in domain %.3f",
                    s.key(), file, Files.size(file), m.trainSeconds(), testWithCi(m, Metrics.Kind.ACCURACY),
                    testWithCi(m, Metrics.Kind.MACRO_F1), m.testEce(), m.descriptor().domain.testInDomainFraction));
        }
    }

    /** Builds one shipped model in memory (as {@code train-shipped} writes it). */
    public static ModelBuilder.Built build(Path shared, BenchmarkData.Sources sources, ShippedModels.Spec s)
            throws IOException {
        BenchmarkData.Benchmark b = sources.benchmark(s);
        return ModelBuilder.build(b.data(), plan(shared, b, s), TrainingMonitor.NONE);
    }

    /** The training plan of a shipped model: its configuration, data files and rebuild command. */
    static TrainingPlan plan(Path shared, BenchmarkData.Benchmark b, ShippedModels.Spec s) {
        Experiments.Config c = Experiments.parse(s.config(), b.baseRecipe(), b, shared);
        List<String> inputs = new java.util.ArrayList<>(BenchmarkData.sourceFiles(b.element(), s.task()));
        if (c.recipe().calibration() != null) {
            // the measured references the calibration was estimated from are an input too
            inputs.add("golden/measured/labels.csv");
        }
        List<TrainingPlan.Source> files = inputs.stream()
                .map(rel -> new TrainingPlan.Source(rel, shared.resolve(rel))).toList();
        String rebuild = TOOL + " train-shipped <shared dir> <output dir> " + s.fileName();
        return new TrainingPlan(b.key() + " " + s.config(), b.element(), s.task(), c.recipe(), List.of(c.learner()),
                TrainingPlan.Selection.VALIDATION, c.options(), new TrainingPlan.Provenance(b.data().name(), files,
                        rebuild, s.selection().text() + " (config '" + s.config() + "')"));
    }

    /** @return "0.912 [0.88, 0.94]" for one test metric */
    static String testWithCi(ModelBuilder.Built m, Metrics.Kind kind) {
        Metrics.Interval i = m.testIntervals()[kind.ordinal()];
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", kind.of(m.test()), i.low(), i.high());
    }

    private static TrainingMonitor console(String key) {
        return new TrainingMonitor() {
            @Override
            public void stage(String sentence) {
                System.err.println(key + ": " + sentence);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }
}

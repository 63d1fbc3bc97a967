/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.xanesml.classify.Metrics;
import org.xanesml.classify.ModelBundle;
import org.xanesml.core.Element;

/**
 * The {@code train} command: trains the shipped models from the shared data and writes one model bundle per model.
 * <pre>
 * java -cp ... org.xanesml.classify.internal.TrainCommand &lt;shared dir&gt; &lt;output dir&gt; [file name ...]
 * </pre>
 * Without file names all shipped models are built; configurations come from {@link ShippedModels}.
 */
public final class TrainCommand {
    private TrainCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: TrainCommand <shared dir> <output dir> [model file name ...]");
            System.exit(2);
        }
        Path shared = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        java.util.Set<String> only = new java.util.HashSet<>(java.util.List.of(args).subList(2, args.length));
        BenchmarkData.Source cu = null;
        BenchmarkData.Source fe = null;
        for (ShippedModels.Spec s : ShippedModels.ALL) {
            if (!only.isEmpty() && !only.contains(s.fileName())) {
                continue;
            }
            BenchmarkData.Source src;
            if (s.element() == Element.Cu) {
                cu = cu == null ? BenchmarkData.loadCu(shared) : cu;
                src = cu;
            } else {
                fe = fe == null ? BenchmarkData.loadFe(shared) : fe;
                src = fe;
            }
            ModelFactory.Built m = build(shared, src, s);
            Path file = out.resolve(s.fileName());
            ModelBundle.write(file, m.descriptor(), m.model().classifier());
            System.out.println(String.format(Locale.ROOT,
                    "%s -> %s (%d bytes): train %.1f s, test acc %s, macro-F1 %s, ECE %.3f, test in domain %.3f",
                    s.key(), file, Files.size(file), m.trainSeconds(),
                    ModelFactory.withCi(m.test().accuracy(), m.testIntervals()[Metrics.Kind.ACCURACY.ordinal()]),
                    ModelFactory.withCi(m.test().macroF1(), m.testIntervals()[Metrics.Kind.MACRO_F1.ordinal()]),
                    m.testEce(), m.descriptor().domain.testInDomainFraction));
        }
    }

    /** Builds one shipped model (with importance), recording the exact rebuild command in its descriptor. */
    public static ModelFactory.Built build(Path shared, BenchmarkData.Source src, ShippedModels.Spec s)
            throws java.io.IOException {
        BenchmarkData.Benchmark b = BenchmarkData.benchmark(src, s.task());
        Experiments.Config c = Experiments.parse(s.config(), b.baseRecipe());
        String rebuild = "java -cp <org.xanesml.core, org.xanesml.io, org.xanesml.preprocess, org.xanesml.classify,"
                + " weka-stable-3.8.6, commons-math3-3.6.1,"
                + " commons-compress-1.27.1, jakarta.xml.bind-api-4.0.2, jaxb-runtime-4.0.5 jars>"
                + " org.xanesml.classify.internal.TrainCommand <shared dir> <output dir> " + s.fileName();
        return ModelFactory.build(b, c, s.config(), s.selection().text(), shared, rebuild, true);
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.devtools;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.xanesml.classify.MeasuredEvaluation;
import org.xanesml.classify.MeasuredReferences;
import org.xanesml.classify.Metrics;
import org.xanesml.classify.ModelBundle;
import org.xanesml.classify.ModelDescriptor;
import org.xanesml.core.Element;
import org.xanesml.models.PretrainedModels;
import org.xanesml.workflow.MeasuredScoring;
import org.xanesml.workflow.StepCatalog;

/**
 * {@code measured}: every shipped model (or the model files given) on the measured references of
 * {@code golden/measured/labels.csv}, through the steps {@code xanesml classify} runs, next to its simulated test
 * metrics: {@code java -jar devtools/target/xanesml-devtools.jar measured <shared> [model ...]}. With
 * {@code -Dxanesml.details=true} each model's list of missed spectra follows the table.
 */
public final class MeasuredBenchmark {
    private MeasuredBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: measured <shared dir> [model file or shipped name ...]");
        }
        Path shared = Path.of(args[0]);
        MeasuredReferences refs = MeasuredReferences.read(shared.resolve("golden/measured/labels.csv"));
        List<String> models = args.length > 1 ? List.of(args).subList(1, args.length)
                : PretrainedModels.ALL.stream().map(n -> n.replace(".zip", "")).toList();
        System.out.println("| model | sim test acc [95% CI] | measured in scope | answered (coverage) | right of answered"
                + " | balanced acc of answered | forced acc | out of scope flagged | other elements flagged |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        List<String> details = new ArrayList<>();
        List<String> oxidation = new ArrayList<>();
        for (String m : models) {
            ModelBundle b = load(m);
            MeasuredEvaluation e = MeasuredScoring.score(StepCatalog.builtIn(), refs, shared, m, b,
                    Runtime.getRuntime().availableProcessors());
            ModelDescriptor.SplitMetrics test = b.descriptor().metrics.stream().filter(s -> s.split.equals("test"))
                    .findFirst().orElse(null);
            Metrics a = e.answeredMetrics();
            Metrics f = e.forcedMetrics();
            System.out.println(String.format(Locale.ROOT, "| %s | %s | %d | %d (%.2f) | %s | %s | %s | %d of %d | %d of %d |",
                    m, test == null ? "-" : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", test.accuracy,
                            test.accuracyLow, test.accuracyHigh),
                    e.inScope(), e.answered(), e.coverage(), a == null ? "-" : String.format(Locale.ROOT, "%.3f",
                            a.accuracy()), a == null ? "-" : String.format(Locale.ROOT, "%.3f", a.balancedAccuracy()),
                    f == null ? "-" : String.format(Locale.ROOT, "%.3f", f.accuracy()), e.outOfScopeFlagged(),
                    e.outOfScope(), e.otherElementsFlagged(), e.otherElements()));
            details.add("## " + m + "\n" + e.text());
            if (b.descriptor().task.equals(org.xanesml.classify.Task.OXIDATION_STATE.name())) {
                int[] w = e.mixedValenceWithin(0.3);
                oxidation.add(String.format(Locale.ROOT, "%s: mixed-valence rows (high/medium) with the continuous"
                        + " estimate within 0.3 of the known average: %d of %d", m, w[0], w[1]));
                oxidation.add(e.continuousText());
                Element el = Element.ofSymbol(b.descriptor().element);
                oxidation.add(EdgePositionMethod.score(shared, refs, el, el == Element.Cu ? 1 : 2, el == Element.Cu ? 2 : 3));
            }
        }
        oxidation.forEach(System.out::println);
        if (Boolean.getBoolean("xanesml.details")) {
            details.forEach(System.out::println);
        }
    }

    static ModelBundle load(String model) throws IOException {
        Path p = Path.of(model);
        if (Files.isRegularFile(p)) {
            return ModelBundle.read(p);
        }
        try (InputStream in = PretrainedModels.open(model.endsWith(".zip") ? model : model + ".zip")) {
            return ModelBundle.read(in, model);
        }
    }
}

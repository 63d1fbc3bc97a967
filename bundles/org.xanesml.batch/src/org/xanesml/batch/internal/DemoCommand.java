/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.xanesml.classify.LabelTable;
import org.xanesml.classify.LearnerSpec;
import org.xanesml.classify.Task;
import org.xanesml.core.Element;
import org.xanesml.workflow.PipelineRunner;
import org.xanesml.workflow.StepCatalog;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepServices;
import org.xanesml.workflow.report.AtomicFiles;
import org.xanesml.workflow.report.Report;
import org.xanesml.workflow.report.ReportFormat;
import org.xanesml.workflow.report.ReportWriters;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code xanesml demo}: the whole chain on a SYNTHETIC data set the command generates itself (see
 * {@link SyntheticData}): train, evaluate on fresh spectra, classify them and write an HTML report.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = { "Train, evaluate and classify on generated SYNTHETIC data (no download).",
                "Runs the whole chain end to end on a small SYNTHETIC Fe K-edge data set generated here (a parametric"
                        + " edge model whose pre-edge peak, edge position and white line vary with geometry and"
                        + " oxidation state; not measured data): train -> evaluate -> classify -> HTML report." },
        footer = { "", "Examples:", "  xanesml demo", "  xanesml demo -o /tmp/xanesml-demo --spectra 600",
                "  xanesml demo --generate-only --spectra 10000 -o /tmp/bench   (speed test)",
                "The same steps on real data: see 'xanesml train --help' and 'xanesml classify --help'." })
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Work folder (default ${DEFAULT-VALUE}).")
    Path dir = Path.of("xanesml-demo");

    @Option(names = "--spectra", description = "Training spectra to generate (default ${DEFAULT-VALUE}).")
    int spectra = 300;

    @Option(names = "--seed", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed = 2026;

    @Option(names = "--generate-only", description = "Only write --spectra synthetic XDI files (and labels.csv) into"
            + " the work folder, e.g. for a speed benchmark.")
    boolean generateOnly;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        try {
            if (generateOnly) {
                SyntheticData.writeMany(spectra, seed, dir);
                out.println(spectra + " synthetic spectra written to " + dir);
                return ExitCodes.OK;
            }
            if (spectra < 60) {
                err.println("demo: --spectra " + spectra + " is too few; at least 60");
                return ExitCodes.USAGE;
            }
            Path trainDir = dir.resolve("train");
            Path newDir = dir.resolve("new-measurements");
            out.println("1/4 generating " + spectra + " synthetic Fe K-edge spectra (training) and " + spectra / 5
                    + " new ones under " + dir);
            List<Path> trainFiles = SyntheticData.write(SyntheticData.generate(spectra, seed), trainDir);
            List<Path> newFiles = SyntheticData.write(SyntheticData.generate(spectra / 5, seed + 1), newDir);

            // Two models, so the report shows what a real run shows: each spectrum answered by every model of its
            // element side by side (the shipped models answer CN, geometry and oxidation state the same way).
            Path model = dir.resolve("model.zip");
            Path oxidationModel = dir.resolve("oxidation-model.zip");
            out.println("2/4 training (xanesml train --data " + trainDir + " --labels " + trainDir.resolve("labels.csv")
                    + " --task GEOMETRY --element Fe -o " + model + ", and --task OXIDATION_STATE --label-column"
                    + " oxidation_state -o " + oxidationModel + ")");
            Training.Trained t = train(trainFiles, trainDir, "geometry", Task.GEOMETRY, model);
            Training.Trained ox = train(trainFiles, trainDir, "oxidation_state", Task.OXIDATION_STATE,
                    oxidationModel);
            out.println(String.format(Locale.ROOT, "    test split: geometry accuracy %.3f, macro-F1 %.3f (n = %d);"
                    + " oxidation state accuracy %.3f", t.testMetrics().accuracy(), t.testMetrics().macroF1(),
                    t.testMetrics().n(), ox.testMetrics().accuracy()));

            out.println("3/4 evaluating on the new spectra (xanesml evaluate -m " + model + " --data " + newDir
                    + " --labels " + newDir.resolve("labels.csv") + ")");
            Training.Loaded fresh = Training.load(newFiles, LabelTable.read(newDir.resolve("labels.csv"), "geometry"),
                    run.threads(), null);
            Training.Evaluated e = Training.evaluate(t.bundle(), fresh.items());
            out.println(String.format(Locale.ROOT, "    new spectra: accuracy %.3f, balanced accuracy %.3f, macro-F1"
                    + " %.3f (n = %d)", e.evaluation().accuracy(), e.evaluation().balancedAccuracy(),
                    e.evaluation().macroF1(), e.evaluation().n()));

            Path html = dir.resolve("report.html");
            out.println("4/4 classifying them with both models (xanesml classify -m " + model + " -m "
                    + oxidationModel + " -o " + html + " " + newDir + ")");
            PipelineRunner.RunResult r;
            try (StepServices steps = StepServices.open()) {
                r = steps.catalog().runner().run(StepCatalog.classification(List.of(model.toString(),
                        oxidationModel.toString())), newFiles, new PipelineRunner.Options(run.threads(),
                        Report.MAX_PLOTS, null));
            }
            Report report = new Report("xanesml demo (SYNTHETIC data): Fe K-edge geometry and oxidation state",
                    info(t, ox, r), r.report().rows(), r.report().plots(), Optional.of(e.evaluation()));
            ReportWriters.write(report, ReportFormat.HTML, html, AtomicFiles.standard());
            ReportWriters.write(report, ReportFormat.CSV, dir.resolve("report.csv"), AtomicFiles.standard());
            out.println(String.format(Locale.ROOT, "done in %.1f s: open %s", (System.nanoTime() - t0) / 1e9,
                    html.toAbsolutePath()));
            return Reports.exitCode(report);
        } catch (StepException | IOException | IllegalArgumentException e) {
            err.println("demo: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    /** Trains one demo model on the {@code column} labels of the training spectra. */
    private Training.Trained train(List<Path> files, Path trainDir, String column, Task task, Path modelFile)
            throws IOException {
        LabelTable labels = LabelTable.read(trainDir.resolve("labels.csv"), column);
        Training.Loaded loaded = Training.load(files, labels, run.threads(), null);
        return Training.train(loaded.items(), Element.Fe, task,
                LearnerSpec.of(LearnerSpec.Kind.RANDOM_FOREST, Map.of("trees", 100.0)), "synthetic Fe K", seed,
                modelFile, "xanesml demo --seed " + seed + " --spectra " + spectra);
    }

    private Map<String, String> info(Training.Trained t, Training.Trained ox, PipelineRunner.RunResult r) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("data", "SYNTHETIC: parametric Fe K-edge model (arctan edge, 1s-3d pre-edge peak, 1s-4p shoulder,"
                + " white line, edge shift with oxidation state); labels are the generating parameters");
        m.putAll(Training.describe(t.bundle()));
        Training.describe(ox.bundle()).forEach((k, v) -> m.put("oxidation model: " + k, v));
        m.putAll(r.report().info());
        return m;
    }
}

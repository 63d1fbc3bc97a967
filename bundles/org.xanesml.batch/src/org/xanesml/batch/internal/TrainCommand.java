/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.xanesml.classify.LearnerSpec;
import org.xanesml.classify.Task;
import org.xanesml.core.Element;
import org.xanesml.workflow.report.AtomicFiles;
import org.xanesml.workflow.report.Report;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code xanesml train}: labelled folder + labels table + task + learner -> model bundle and evaluation report. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = { "Train a classifier on a labelled folder of spectra.", "Spectra are normalised as classify does,",
                "split 70/15/15 (grouped, stratified), and the model bundle records recipe, learner, metrics and",
                "the applicability domain. An evaluation report on the test split is written beside it." },
        footer = { "", "Examples:",
                "  xanesml labels --rules xanesnet-fe -o labels.csv structures/",
                "  xanesml train --data spectra/ --labels labels.csv --task GEOMETRY --element Fe -o fe-geometry.zip",
                "  xanesml train --data spectra/ --labels labels.csv --task COORDINATION_NUMBER --element Cu \\",
                "      --learner SMO_RBF --param C=10 --param gamma=0.01 -o cu-cn.zip --report cu-cn.html" })
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Folder of spectra (any format).")
    Path data;

    @Option(names = "--labels", required = true, paramLabel = "CSV",
            description = "Labels table: an 'id' column (spectrum id or file name without extension) and the task's"
                    + " column (cn, geometry or oxidation_state), as 'xanesml labels' writes it.")
    Path labels;

    @Option(names = "--task", required = true, description = "${COMPLETION-CANDIDATES}")
    Task task;

    @Option(names = "--element", required = true, description = "Absorbing element, e.g. Fe.")
    String element;

    @Option(names = "--learner", description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    LearnerSpec.Kind learner = LearnerSpec.Kind.RANDOM_FOREST;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Learner hyper-parameter (repeatable); unset ones take the learner's defaults.")
    Map<String, Double> params = new LinkedHashMap<>();

    @Option(names = "--seed", description = "Split seed (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "MODEL", description = "Model bundle (.zip).")
    Path output;

    @Option(names = "--report", paramLabel = "FILE", description = "Evaluation report (default: MODEL with .html).")
    Path report;

    @Option(names = {"-r", "--recursive"}, description = "Descend into sub-folders of --data.")
    boolean recursive;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Element el = Element.ofSymbol(element);
            LearnerSpec spec0 = LearnerSpec.of(learner, params);
            LabelTable table = LabelTable.read(labels, LabelTable.columnOf(task));
            List<Path> files = Inputs.folder(data, recursive);
            Training.Loaded loaded = Training.load(files, table, run.threads(),
                    Progress.forConsole(err, "files", run.quiet));
            Reports.listFailures(loaded.report(), err, 20);
            err.println(String.format(Locale.ROOT, "%d labelled spectra, %d without a label, %d failed",
                    loaded.items().size(), loaded.unlabelled(), loaded.report().count(
                            org.xanesml.workflow.report.ReportRow.Status.FAILED)));
            Training.Trained t = Training.train(loaded.items(), el, task, spec0, data.getFileName() + " "
                    + LabelTable.columnOf(task), seed, output, "xanesml train --data " + data + " --labels " + labels
                            + " --task " + task + " --element " + el + " --learner " + learner + " --seed " + seed);
            Path rep = report != null ? report : sibling(output, ".html");
            Report r = new Report("Training " + t.bundle().descriptor().name, Training.describe(t.bundle()),
                    loaded.report().rows(), List.of(), java.util.Optional.of(t.test()));
            Reports.emit(r, rep, null, spec.commandLine().getOut(), AtomicFiles.standard());
            spec.commandLine().getOut().println(String.format(Locale.ROOT,
                    "model %s: test accuracy %.3f, balanced accuracy %.3f, macro-F1 %.3f (n = %d); report %s",
                    output, t.testMetrics().accuracy(), t.testMetrics().balancedAccuracy(),
                    t.testMetrics().macroF1(), t.testMetrics().n(), rep));
            return loaded.report().count(org.xanesml.workflow.report.ReportRow.Status.FAILED) > 0
                    ? ExitCodes.PARTIAL : ExitCodes.OK;
        } catch (IOException | IllegalArgumentException e) {
            err.println("train: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    static Path sibling(Path file, String extension) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + extension);
    }
}

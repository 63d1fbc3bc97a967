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
import java.util.Optional;
import java.util.concurrent.Callable;

import org.xanesml.classify.ModelBundle;
import org.xanesml.classify.Task;
import org.xanesml.workflow.ModelSource;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.report.AtomicFiles;
import org.xanesml.workflow.report.Report;
import org.xanesml.workflow.report.ReportFormat;
import org.xanesml.workflow.report.ReportRow;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code xanesml evaluate}: model + labelled data -> metrics and confusion matrix. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = { "Evaluate a model on labelled spectra.", "Accuracy, balanced accuracy, macro-F1, per-class",
                "precision/recall and the confusion matrix (HTML reports draw it)." },
        footer = { "", "Examples:", "  xanesml evaluate -m fe-geometry.zip --data test-spectra/ --labels labels.csv",
                "  xanesml evaluate -m cu-k-cn --data cu-scans/ --labels cu-labels.csv -o evaluation.html" })
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = {"-m", "--model"}, required = true, description = "Model file or shipped model name.")
    String model;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Folder of labelled spectra.")
    Path data;

    @Option(names = "--labels", required = true, paramLabel = "CSV", description = "Labels table (see train).")
    Path labels;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Report file; default: text to stdout.")
    Path output;

    @Option(names = "--format", description = "${COMPLETION-CANDIDATES} (default: from the file name).")
    ReportFormat format;

    @Option(names = {"-r", "--recursive"}, description = "Descend into sub-folders of --data.")
    boolean recursive;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        try {
            ModelBundle bundle = ModelSource.load(model);
            Task task = Task.valueOf(bundle.descriptor().task);
            LabelTable table = LabelTable.read(labels, LabelTable.columnOf(task));
            Training.Loaded loaded = Training.load(Inputs.folder(data, recursive), table, run.threads(),
                    Progress.forConsole(err, "files", run.quiet));
            Reports.listFailures(loaded.report(), err, 20);
            Training.Evaluated e = Training.evaluate(bundle, loaded.items());
            out.println(String.format(Locale.ROOT, "%s on %s: n %d, accuracy %.3f, balanced accuracy %.3f, macro-F1 %.3f"
                    + " (%d not applicable, %d with labels outside the model's classes)", model, data,
                    e.evaluation().n(), e.evaluation().accuracy(), e.evaluation().balancedAccuracy(),
                    e.evaluation().macroF1(), e.notApplicable(), e.skippedUnknownClass()));
            if (output == null && format == null) {
                out.println(e.evaluation().text());
            } else {
                Report r = new Report("Evaluation of " + model, Training.describe(bundle), loaded.report().rows(),
                        List.of(), Optional.of(e.evaluation()));
                Reports.emit(r, output, format, out, AtomicFiles.standard());
            }
            return loaded.report().count(ReportRow.Status.FAILED) > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
        } catch (StepException | IOException | IllegalArgumentException e) {
            err.println("evaluate: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }
}

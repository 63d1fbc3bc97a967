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
import java.util.concurrent.Callable;

import org.xanesml.workflow.ModelSource;
import org.xanesml.workflow.Pipeline;
import org.xanesml.workflow.PipelineRunner;
import org.xanesml.workflow.PipelineXml;
import org.xanesml.workflow.StepCatalog;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.report.AtomicFiles;
import org.xanesml.workflow.report.Report;
import org.xanesml.workflow.report.ReportFormat;
import org.xanesml.workflow.report.ReportRow;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code xanesml classify}: one row per spectrum with class, probabilities and applicability. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = { "Classify the local environment of the absorber in each spectrum: one row per spectrum with",
                "id, element, predicted class, probabilities, applicability verdict, E0, edge step and warnings.",
                "Spectra are read (format detected), Larch-normalised and classified." },
        footer = { "", "Examples:",
                "  xanesml classify -m cu-k-cn my-scans/*.xdi",
                "  xanesml classify -m fe-k-geometry -o report.html --threads 2 data/",
                "  xanesml classify -m model.zip --pipeline my-pipeline.xml -o results.json scans/",
                "Shipped models: cu-k-cn, cu-k-geometry, fe-k-cn, fe-k-geometry." })
final class ClassifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "Model file or shipped model name (required unless the pipeline names one).")
    String model;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Report file (.csv, .json, .xml or .html); without it CSV goes to standard output.")
    Path output;

    @Option(names = "--format", description = "Report format: ${COMPLETION-CANDIDATES} (default: from the file name).")
    ReportFormat format;

    @Option(names = "--pipeline", paramLabel = "XML", description = "Pipeline document to run instead of read,"
            + " normalise, classify (see schema/xanesml-pipeline-1.0.xsd).")
    Path pipeline;

    @Option(names = {"-r", "--recursive"}, description = "Descend into sub-folders.")
    boolean recursive;

    @Option(names = "--timings", description = "Print the time spent per stage.")
    boolean timings;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files, folders or globs.")
    List<String> inputs;

    /** Lets tests inject a failing writer (disk full). */
    AtomicFiles files = AtomicFiles.standard();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Pipeline p = pipeline != null ? new PipelineXml().read(pipeline) : null;
            if (p == null && model == null) {
                err.println("classify: give a model with -m (shipped: " + ModelSource.shippedNames() + ")");
                return ExitCodes.USAGE;
            }
            if (p == null) {
                p = StepCatalog.classification(model);
            } else if (model != null) {
                p = p.with("classify", "model", model);
            }
            if (model != null) {
                // Fail before reading thousands of files when the model itself is unusable.
                ModelSource.load(model);
            }
            List<Path> files0 = Inputs.expand(inputs, recursive);
            if (files0.isEmpty()) {
                err.println("classify: no input files in " + inputs);
                return ExitCodes.FAILURE;
            }
            PipelineRunner runner = new PipelineRunner(StepCatalog.builtIn());
            int threads = run.threads();
            PipelineRunner.RunResult r = runner.run(p, files0, new PipelineRunner.Options(threads,
                    output != null && format != ReportFormat.CSV ? 20 : 0,
                    Progress.forConsole(err, "files", run.quiet)));
            Report report = r.report().withInfo("model", model == null ? "(from pipeline)" : model);
            long w0 = System.nanoTime();
            Reports.emit(report, output, format, out, files);
            long writeNanos = System.nanoTime() - w0;
            r.completeErrors().forEach(e -> err.println("error: " + e));
            if (timings) {
                Reports.timings(r, threads, err);
                err.println(String.format(Locale.ROOT, "  %-24s %8.2f s wall", "write report", writeNanos / 1e9));
            }
            Reports.listFailures(report, err, 20);
            return verdict(report, err, output);
        } catch (StepException | IOException | IllegalArgumentException e) {
            err.println("classify: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    static int verdict(Report report, PrintWriter err, Path output) {
        long wrongElement = report.rows().stream().filter(x -> x.verdict().equals("WRONG_ELEMENT")).count();
        if (wrongElement > 0 && wrongElement == report.rows().size()) {
            err.println("classify: every spectrum is of another element than the model: "
                    + report.rows().get(0).reason());
            return ExitCodes.FAILURE;
        }
        long failed = report.count(ReportRow.Status.FAILED);
        if (output != null) {
            err.println(report.rows().size() + " spectra: " + report.count(ReportRow.Status.OK) + " ok, "
                    + report.count(ReportRow.Status.NOT_APPLICABLE) + " not applicable, " + failed
                    + " failed; report " + output);
        }
        return Reports.exitCode(report);
    }
}

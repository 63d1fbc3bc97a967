/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.xanesml.workflow.ModelChoice;
import org.xanesml.workflow.ModelSource;
import org.xanesml.workflow.Pipeline;
import org.xanesml.workflow.PipelineRunner;
import org.xanesml.workflow.PipelineXml;
import org.xanesml.workflow.ProcessingStep;
import org.xanesml.workflow.StepCatalog;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepServices;
import org.xanesml.workflow.report.AtomicFiles;
import org.xanesml.workflow.report.Report;
import org.xanesml.workflow.report.ReportColumns;
import org.xanesml.workflow.report.ReportFormat;
import org.xanesml.workflow.report.ReportRow;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xanesml classify}: one row per spectrum with class, probabilities and applicability. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = { "Classify spectra with the models of their element: one row per spectrum.",
                "Each row holds the id, element and, side by side, each model's class, probabilities and"
                        + " applicability verdict (coordination number, geometry, oxidation state), then E0, edge step,"
                        + " warnings and how E0 was chosen. Spectra are read (format detected), Larch-normalised and"
                        + " classified; without -m every shipped model of the spectrum's element answers." },
        footer = { "", "Examples:",
                "  xanesml classify my-scans/*.xdi   (all shipped models for each element)",
                "  xanesml classify -m cu-k-cn -m cu-k-geometry my-scans/*.xdi",
                "  xanesml classify -m fe-k-geometry -o report.html --threads 2 data/",
                "  xanesml classify -m model.zip --pipeline my-pipeline.xml -o out.json scans/",
                "Shipped models: cu-k-cn, cu-k-geometry, cu-k-oxidation, fe-k-cn, fe-k-geometry, fe-k-oxidation"
                        + " ('xanesml inspect NAME' shows what each knows)." })
final class ClassifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run = new RunOptions();

    @Mixin
    InputOptions select = new InputOptions();

    @Mixin
    EnergyOptions energy = new EnergyOptions();

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "Model file or shipped model name; repeat for several. Each spectrum is answered by the"
                    + " models for its element and edge; without -m, by every shipped model for it.")
    List<String> named = new ArrayList<>();

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

    @Option(names = "--resume", description = "Keep the rows of an interrupted run (its journal beside the report)"
            + " and process only the remaining inputs.")
    boolean resume;

    /** Lets tests inject a failing writer (disk full). */
    AtomicFiles files = AtomicFiles.standard();

    /** Lets tests inject a failing model loader (out of memory). */
    Failures.ModelLoader models = ModelSource::load;

    /**
     * Lets tests inject failing steps (the first step of a name wins); null: the registered steps, or the built-in
     * ones on a plain class path.
     */
    List<ProcessingStep> steps;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter notes = run.notes(err);
        try (StepServices services = StepServices.open()) {
            List<ProcessingStep> available = steps != null ? steps : services.catalog().steps();
            Pipeline p = pipeline != null ? new PipelineXml().read(pipeline) : null;
            if (p == null) {
                p = StepCatalog.classification(named);
            } else if (!named.isEmpty()) {
                p = p.with("classify", "model", ModelChoice.join(named));
            }
            p = select.applyTo(p);
            if (energy.given()) {
                p = energy.applyTo(p);
            }
            // The models come from -m or from the pipeline's classify step (every shipped one when neither names
            // any); a pipeline without one journals rows without answers. Loading them first fails before reading
            // thousands of files when one is unusable.
            RunModels runModels = classifies(p) ? RunModels.load(ModelChoice.split(modelOf(p)), models) : null;
            Inputs.Listing listing = Inputs.list(inputs, recursive, select.selection());
            listing.notes().forEach(n -> notes.println("classify: note: " + n));
            List<Path> all = listing.files();
            if (all.isEmpty()) {
                err.println("classify: no input files in " + inputs);
                return ExitCodes.FAILURE;
            }
            if (output == null) {
                // Rows go to standard output: no report file, so no lock, journal or resume.
                return classify(available, p, all, List.of(), all, runModels, null, null, out, err);
            }
            Inputs.refuseAsOutput(all, output, "the report");
            try (RunLock lock = RunLock.acquire(output)) {
                lock.note().ifPresent(n -> notes.println("classify: note: " + n));
                // No live run holds this report (we do), so temporary files beside it are a killed run's.
                for (Path stale : AtomicFiles.removeStale(Inputs.canonical(output).getParent())) {
                    notes.println("classify: removed " + stale + ", left unfinished by a run that was killed");
                }
                RunIdentity identity = RunIdentity.of("classify", all, runModels == null ? null
                        : runModels.sha256(), p);
                Path journalFile = Journal.pathFor(output);
                List<ReportRow> previous = List.of();
                List<Path> todo = all;
                if (Files.exists(journalFile)) {
                    if (!resume) {
                        err.println("classify: " + journalFile + " holds the results of an interrupted run; rerun"
                                + " with --resume to keep them and process only the rest, or delete it");
                        return ExitCodes.FAILURE;
                    }
                    Optional<String> refusal = resumable(journalFile, identity);
                    if (refusal.isPresent()) {
                        err.println("classify: cannot resume: " + refusal.get() + "; to start over instead, delete "
                                + journalFile);
                        return ExitCodes.FAILURE;
                    }
                    previous = finishedRows(journalFile, all);
                    Set<String> finished = new HashSet<>();
                    previous.forEach(row -> finished.add(row.source()));
                    todo = all.stream().filter(f -> !finished.contains(f.toString())).toList();
                    notes.println("classify: resuming, " + (all.size() - todo.size()) + " input(s) already done");
                }
                return classify(available, p, all, previous, todo, runModels, journalFile, identity, out, err);
            }
        } catch (StepException | IOException | IllegalArgumentException e) {
            err.println("classify: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    /**
     * Runs the pipeline on {@code todo}, journals each finished input (when there is a journal), then writes the
     * report of {@code previous} and the new rows in the order of {@code all}.
     */
    private int classify(List<ProcessingStep> available, Pipeline p, List<Path> all, List<ReportRow> previous,
            List<Path> todo, RunModels runModels, Path journalFile, RunIdentity identity, PrintWriter out,
            PrintWriter err) throws IOException {
        // the journal's columns are known before the first row: the models' tasks and classes
        ReportColumns columns = runModels == null ? ReportColumns.NONE : runModels.columns();
        PipelineRunner runner = new PipelineRunner(available);
        int threads = run.threads();
        Progress progress = Progress.forConsole(err, "files", run.quiet);
        PipelineRunner.RunResult r;
        try (Journal journal = journalFile == null ? null : Journal.open(journalFile, columns, identity)) {
            IOException[] journalError = {null};
            r = runner.run(p, todo, new PipelineRunner.Options(threads,
                    plotted(), (done, total, source, rows) -> {
                        if (progress != null) {
                            progress.finished(done, total, source, rows);
                        }
                        if (journal != null && journalError[0] == null) {
                            try {
                                journal.append(rows);
                            } catch (IOException e) {
                                journalError[0] = e;
                            }
                        }
                    }));
            if (journalError[0] != null) {
                err.println("classify: cannot record finished rows in " + journalFile + ": "
                        + journalError[0].getMessage());
            }
        }
        String kept = (previous.size() + r.delivered()) + " finished input(s) are kept"
                + (journalFile == null ? "" : " in " + journalFile);
        if (r.outOfMemory().isPresent()) {
            err.println("classify: " + Failures.outOfMemory("while processing " + r.outOfMemory().get()) + "; "
                    + kept + (journalFile == null ? "" : "; rerun with --resume"));
            return ExitCodes.FAILURE;
        }
        if (r.interrupted()) {
            err.println("classify: stopped; " + kept + (journalFile == null ? "" : "; rerun with --resume"));
            return ExitCodes.FAILURE;
        }
        Report report = merge(r.report(), previous, todo, all);
        if (runModels != null) {
            report = report.withInfo("models", (modelOf(p) == null
                    ? "every shipped model for each spectrum's element and edge: " : "") + runModels.describe());
        }
        long w0 = System.nanoTime();
        Reports.emit(report, output, format, out, files);
        long writeNanos = System.nanoTime() - w0;
        if (journalFile != null) {
            // The report is complete and in place: the journal has served its purpose.
            Files.deleteIfExists(journalFile);
        }
        r.completeErrors().forEach(e -> err.println("error: " + e));
        if (timings) {
            Reports.timings(r, threads, err);
            err.println(String.format(Locale.ROOT, "  %-24s %8.2f s wall", "write report", writeNanos / 1e9));
        }
        Reports.listFailures(report, err, 20);
        return verdict(report, err, run.notes(err), output, modelOf(p) != null);
    }

    /** @return how many spectra the report keeps curves of: all for an HTML report (it plots each), else none */
    private int plotted() {
        boolean html = output != null && (format != null ? format : ReportFormat.ofFileName(output.toString()))
                == ReportFormat.HTML;
        return html ? Report.MAX_PLOTS : 0;
    }

    /** @return why the journal cannot be resumed by a run of {@code now}, or empty when it is the same run */
    private static Optional<String> resumable(Path journalFile, RunIdentity now) throws IOException {
        Optional<RunIdentity> then = Journal.identity(journalFile);
        if (then.isEmpty()) {
            return Optional.of(journalFile + " does not record the inputs, model and options of the run that wrote"
                    + " it (written by an older xanesml?), so it cannot be checked to be this run");
        }
        return then.get().differenceFrom(now);
    }

    /**
     * @return the journal's rows, each naming its input as this run does (the interrupted run may have spelled
     *         the same file otherwise: relative, absolute, through a link)
     * @throws IOException when a row belongs to no input of this run
     */
    static List<ReportRow> finishedRows(Path journalFile, List<Path> all) throws IOException {
        Path folder = Journal.identity(journalFile).map(i -> Path.of(i.folder())).orElse(Path.of(""));
        Map<Path, String> spelling = new HashMap<>();
        for (Path f : all) {
            spelling.put(Inputs.canonical(f), f.toString());
        }
        List<ReportRow> rows = new ArrayList<>();
        for (ReportRow row : Journal.read(journalFile)) {
            String now = spelling.get(Inputs.canonical(folder.resolve(row.source())));
            if (now == null) {
                throw new IOException(journalFile + " holds a row for " + row.source() + ", which is not among the"
                        + " inputs; delete the journal to start over");
            }
            rows.add(row.withSource(now));
        }
        return rows;
    }

    /** @return whether the pipeline has a classify step */
    static boolean classifies(Pipeline p) {
        return p.steps().stream().anyMatch(s -> s.name().equals("classify"));
    }

    /** @return the model parameter of the pipeline's classify step, or null when it has none */
    static String modelOf(Pipeline p) {
        for (Pipeline.Step s : p.steps()) {
            String m = s.name().equals("classify") ? s.parameters().get("model") : null;
            if (m != null && !m.isBlank()) {
                return m;
            }
        }
        return null;
    }

    /** Rows of the journal and of this run, in the order of all inputs. */
    static Report merge(Report now, List<ReportRow> previous, List<Path> todo, List<Path> all) {
        if (previous.isEmpty()) {
            return now;
        }
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            position.put(all.get(i).toString(), i);
        }
        List<ReportRow> rows = new ArrayList<>(previous);
        rows.addAll(now.rows());
        // Stable sort: the spectra of one input keep their order.
        rows.sort(Comparator.comparingInt(row -> position.getOrDefault(row.source(), Integer.MAX_VALUE)));
        Map<String, String> info = new LinkedHashMap<>(now.info());
        info.put("inputs", Integer.toString(all.size()));
        info = Report.withCounts(info, rows);
        info.put("resumed: rows from the interrupted run", Integer.toString(previous.size()));
        return new Report(now.title(), info, rows, now.plots(), now.evaluation());
    }

    /**
     * @param err   standard error, for the failure of a run in which no spectrum has a model it was given
     * @param notes where the summary line goes (nowhere under -q)
     * @param named whether the user named the models: then a run in which no spectrum has a model is a mistake
     *              (wrong models for the data) and fails; with every shipped model it is an answer about the data
     */
    static int verdict(Report report, PrintWriter err, PrintWriter notes, Path output, boolean named) {
        long noModel = report.count(ReportRow.Status.NO_MODEL);
        if (named && noModel > 0 && noModel == report.rows().size()) {
            err.println("classify: every spectrum is of another element than the model: "
                    + report.rows().get(0).warnings().get(report.rows().get(0).warnings().size() - 1));
            return ExitCodes.FAILURE;
        }
        long failed = report.count(ReportRow.Status.FAILED);
        if (output != null) {
            notes.println(report.rows().size() + " spectra: " + report.count(ReportRow.Status.OK) + " ok, "
                    + report.count(ReportRow.Status.NOT_APPLICABLE) + " not applicable, "
                    + (noModel > 0 ? noModel + " without a model, " : "") + failed + " failed; report " + output);
        }
        return Reports.exitCode(report);
    }
}

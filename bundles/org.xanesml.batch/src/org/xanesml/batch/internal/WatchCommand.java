/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.xanesml.classify.ModelBundle;
import org.xanesml.workflow.FolderWatcher;
import org.xanesml.workflow.ModelSource;
import org.xanesml.workflow.Pipeline;
import org.xanesml.workflow.PipelineRunner;
import org.xanesml.workflow.StepCatalog;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepServices;
import org.xanesml.workflow.report.ReportRow;
import org.xanesml.workflow.report.ReportWriters;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code xanesml watch}: classifies each file that appears in a folder as soon as it is complete, as the
 * {@link FolderWatcher} defines it: size and modification time unchanged over {@code --stable-polls} polls, so a file
 * still growing is never read half-way, and a file rewritten after it was classified is classified again. Results
 * are appended to a CSV report (whole lines, synced) and printed; finished files go to a state file, so a restarted
 * watch does not redo them unless they changed.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = { "Watch a folder and classify each new file as soon as it is complete.", "For experiments: each new or finished file is classified as soon as it is",
                "complete; append the results to a report and print them. Runs until stopped (Ctrl-C) and resumes",
                "without redoing finished files." },
        footer = { "", "Examples:", "  xanesml watch -m cu-k-geometry /data/beamtime/scans",
                "  xanesml watch -m model.zip -o live.csv --poll-ms 500 --stable-polls 2 scans/",
                "  xanesml watch -m cu-k-cn --max-files 10 --timeout 600 scans/   (bounded, for scripts)" })
final class WatchCommand implements Callable<Integer> {
    static final String STATE_FILE = ".xanesml-watch.state";
    static final String REPORT_FILE = "xanesml-watch.csv";

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = {"-m", "--model"}, required = true, description = "Model file or shipped model name.")
    String model;

    @Option(names = {"-o", "--output"}, paramLabel = "CSV", description = "Report to append to (default DIR/"
            + REPORT_FILE + ").")
    Path output;

    @Option(names = "--state", paramLabel = "FILE", description = "State file (default DIR/" + STATE_FILE + ").")
    Path state;

    @Option(names = "--poll-ms", description = "Poll interval, ms (default ${DEFAULT-VALUE}).")
    long pollMs = FolderWatcher.DEFAULT_POLL_INTERVAL.toMillis();

    @Option(names = "--stable-polls", description = "Polls over which a file must stay unchanged before it is read (default ${DEFAULT-VALUE}).")
    int stablePolls = FolderWatcher.DEFAULT_STABLE_POLLS;

    @Option(names = "--max-files", description = "Stop after this many files (default: never).")
    int maxFiles = Integer.MAX_VALUE;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop after this long (default: never).")
    double timeoutSeconds = Double.POSITIVE_INFINITY;

    @Parameters(paramLabel = "DIR", description = "Folder to watch.")
    Path folder;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(folder)) {
            err.println("watch: " + folder + " is not a folder");
            return ExitCodes.FAILURE;
        }
        Path report = output != null ? output : folder.resolve(REPORT_FILE);
        Path stateFile = state != null ? state : folder.resolve(STATE_FILE);
        try (StepServices steps = StepServices.open()) {
            ModelBundle bundle = ModelSource.load(model);
            List<String> classes = bundle.model().classes();
            Set<String> done = readState(stateFile);
            if (!done.isEmpty()) {
                err.println("watch: resuming, " + done.size() + " file(s) already done");
            }
            Pipeline p = StepCatalog.classification(model);
            PipelineRunner runner = steps.catalog().runner();
            PipelineRunner.Bound bound = runner.bind(p);
            Path reportFile = report.toAbsolutePath();
            Path stateAt = stateFile.toAbsolutePath();
            FolderWatcher watcher = new FolderWatcher(folder, FolderWatcher.Options.defaults()
                    .withPollInterval(Duration.ofMillis(pollMs)).withStablePolls(stablePolls)
                    .withInclude(f -> Inputs.looksLikeData(f) && !f.toAbsolutePath().equals(reportFile)
                            && !f.toAbsolutePath().equals(stateAt)));
            watcher.markReported(f -> done.contains(key(f)));
            long deadline = Double.isInfinite(timeoutSeconds) ? Long.MAX_VALUE
                    : System.nanoTime() + (long) (timeoutSeconds * 1e9);
            int processed = 0;
            int failedRows = 0;
            err.println("watch: watching " + folder + " with " + model + "; report " + report + " (Ctrl-C stops)");
            while (processed < maxFiles && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
                List<Path> ready = watcher.awaitComplete(() -> System.nanoTime() >= deadline);
                if (ready.size() > maxFiles - processed) {
                    ready = ready.subList(0, maxFiles - processed);
                }
                if (!ready.isEmpty()) {
                    int[] failedHere = {0};
                    IOException[] writeError = {null};
                    PipelineRunner.RunResult r = runner.run(bound, ready, new PipelineRunner.Options(run.threads(),
                            0, (n, total, source, rows) -> {
                                try {
                                    append(report, classes, rows);
                                    appendLine(stateFile, key(source));
                                } catch (IOException e) {
                                    writeError[0] = e;
                                }
                                for (ReportRow row : rows) {
                                    if (row.status() == ReportRow.Status.FAILED) {
                                        failedHere[0]++;
                                    }
                                    out.println(summary(row));
                                }
                                out.flush();
                            }));
                    if (writeError[0] != null) {
                        err.println("watch: cannot record results: " + writeError[0].getMessage());
                        return ExitCodes.FAILURE;
                    }
                    processed += r.delivered();
                    failedRows += failedHere[0];
                    if (r.interrupted()) {
                        break;
                    }
                }
            }
            err.println("watch: stopped after " + processed + " file(s), " + failedRows + " failed spectra");
            return failedRows > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("watch: stopped; finished files are recorded in " + stateFile);
            return ExitCodes.OK;
        } catch (StepException | IOException | IllegalArgumentException e) {
            err.println("watch: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    private static String key(Path f) {
        return f.getFileName().toString();
    }

    static Set<String> readState(Path stateFile) throws IOException {
        Set<String> done = new HashSet<>();
        if (Files.exists(stateFile)) {
            for (String line : Files.readAllLines(stateFile, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    done.add(line.strip());
                }
            }
        }
        return done;
    }

    private static void append(Path report, List<String> classes, List<ReportRow> rows) throws IOException {
        StringBuilder sb = new StringBuilder();
        if (!Files.exists(report) || Files.size(report) == 0) {
            sb.append(String.join(",", ReportWriters.csvHeader(classes))).append('\n');
        }
        for (ReportRow r : rows) {
            sb.append(ReportWriters.csvRow(r, classes)).append('\n');
        }
        appendText(report, sb.toString());
    }

    private static void appendLine(Path file, String line) throws IOException {
        appendText(file, line + "\n");
    }

    /** One write of whole lines, synced, so a killed watch leaves no partial line. */
    private static void appendText(Path file, String text) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            OutputStream o = java.nio.channels.Channels.newOutputStream(ch);
            o.write(text.getBytes(StandardCharsets.UTF_8));
            o.flush();
            ch.force(true);
        }
    }

    static String summary(ReportRow r) {
        if (r.status() == ReportRow.Status.FAILED) {
            return r.id() + ": FAILED " + r.error();
        }
        return String.format(java.util.Locale.ROOT, "%s: %s (p = %.2f)%s", r.id(), r.predicted(),
                r.probability(r.predicted()), r.status() == ReportRow.Status.OK ? "" : " NOT APPLICABLE: "
                        + r.reason());
    }
}

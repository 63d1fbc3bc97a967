/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.xanesml.workflow.FolderWatcher;
import org.xanesml.workflow.ModelSource;
import org.xanesml.workflow.Pipeline;
import org.xanesml.workflow.PipelineRunner;
import org.xanesml.workflow.StepCatalog;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepServices;
import org.xanesml.workflow.report.ReportColumns;
import org.xanesml.workflow.report.ReportRow;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code xanesml watch}: classifies each file that appears in a folder as soon as it is complete, as the
 * {@link FolderWatcher} defines it (the format's end mark where it has one, otherwise unchanged for a while), and
 * again whenever it changes afterwards. Each reading is appended to a CSV report outside the folder, which is the
 * watch's only state ({@link WatchReport}): a restarted watch, after a Ctrl-C or a kill at any point, reads nothing
 * twice for one content and misses nothing.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = { "Watch a folder and classify each file as soon as it is complete.",
                "A file is classified again when it changes. Results are appended to a CSV report and printed. Runs"
                        + " until stopped (Ctrl-C) and resumes from its report without redoing any file.",
                "",
                "When a file is complete:",
                "  * NeXus/HDF5, Athena projects and gzip files end with a mark their writer",
                "    puts there last (HDF5: the superblock's end-of-file address equals the",
                "    file size; Athena: the closing '1;'; gzip: its trailer). Such a file is",
                "    read as soon as the mark is there, however long the writer paused, and",
                "    never before. One whose mark is still missing after --incomplete-after",
                "    seconds unchanged is read anyway, its rows warning that it may be cut short.",
                "  * XDI, plain columns, FEFF xmu.dat, FDMNES and TSV files have no end mark:",
                "    such a file is read once its size and modification time stayed the same",
                "    for --stable-seconds (default " + FolderWatcher.DEFAULT_STABLE_SECONDS
                        + " s, longer than a writer's pauses).",
                "  * A file that changes after it was read (a writer that paused longer, a",
                "    scan appended to) is read again: a new reading, marked 're-read: changed",
                "    since line N'; the 'current' column is 1 on each file's latest reading,",
                "    0 on those it replaced. A file touched or copied back with the same",
                "    content (same size and SHA-256) is not read again.",
                "",
                "The report (default ./xanesml-watch/<folder name>-report.csv) is also the",
                "watch's state: each row carries the file's key (real path, size, time,",
                "SHA-256) and the model's, so a watch killed at any point reads nothing twice",
                "and misses nothing. It must be outside the watched folder (or --allow-inside);",
                "a second watch on the same report is refused while one runs. Like folder",
                "inputs of the other commands, .csv, .json, .xml, .zip and hidden files are",
                "not read.", "" },
        footer = { "", "Examples:", "  xanesml watch -m cu-k-geometry /data/beamtime/scans",
                "  xanesml watch -m model.zip -o live.csv --stable-seconds 20 scans/",
                "  xanesml watch -m cu-k-cn --max-files 10 --timeout 600 scans/  (for scripts)" })
final class WatchCommand implements Callable<Integer> {
    /** Where reports go by default, under the working folder: beside the user's work, never in the data. */
    static final String REPORT_FOLDER = "xanesml-watch";

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run = new RunOptions();

    @Mixin
    InputOptions select = new InputOptions();

    @Mixin
    EnergyOptions energy = new EnergyOptions();

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", description = "Model file or shipped model name;"
            + " repeat for several. Each spectrum is answered by the models for its element and edge; without -m, by"
            + " every shipped model for it.")
    List<String> named = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "CSV", description = "Report to append to (default "
            + REPORT_FOLDER + "/<folder name>-report.csv under the working folder); also the watch's state.")
    Path output;

    @Option(names = "--allow-inside", description = "Allow the report inside the watched folder.")
    boolean allowInside;

    /** Kept so that scripts of earlier versions still start; the report is the state now. */
    @Option(names = "--state", paramLabel = "FILE", hidden = true, description = "Ignored: the report is the state.")
    Path state;

    @Option(names = "--poll-ms", description = "Poll interval, ms (default ${DEFAULT-VALUE}).")
    long pollMs = FolderWatcher.DEFAULT_POLL_INTERVAL.toMillis();

    @Option(names = "--stable-seconds", paramLabel = "S", description = "How long a file without end mark must stay"
            + " unchanged before it is read (default " + FolderWatcher.DEFAULT_STABLE_SECONDS + ").")
    Double stableSeconds;

    @Option(names = "--stable-polls", paramLabel = "N", description = "Count N unchanged polls instead of"
            + " --stable-seconds (with both, both must hold).")
    Integer stablePolls;

    @Option(names = "--incomplete-after", paramLabel = "S", description = "Read a file whose end mark is missing"
            + " after it stayed unchanged this long, warning that it may be cut short (default ${DEFAULT-VALUE}).")
    double incompleteAfterSeconds = FolderWatcher.DEFAULT_INCOMPLETE_AFTER.toSeconds();

    @Option(names = "--max-files", description = "Stop after this many readings (default: never).")
    int maxFiles = Integer.MAX_VALUE;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop after this long (default: never).")
    double timeoutSeconds = Double.POSITIVE_INFINITY;

    @Parameters(paramLabel = "DIR", description = "Folder to watch.")
    Path folder;

    /** Where tests stop the watch as a kill would; none otherwise. */
    WatchReport.Faults faults = WatchReport.Faults.NONE;

    /** A file the watcher found ready, with its key when it was found. */
    private record Candidate(FolderWatcher.Ready ready, Path real, WatchReport.FileKey key) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(folder)) {
            err.println("watch: " + folder + " is not a folder");
            return ExitCodes.FAILURE;
        }
        String usage = checkOptions();
        if (usage != null) {
            err.println("watch: " + usage);
            return ExitCodes.USAGE;
        }
        Path folderReal = Inputs.canonical(folder);
        Path report = output != null ? output : defaultReport(folderReal);
        Path reportReal = Inputs.canonical(report);
        if (reportReal.startsWith(folderReal) && !allowInside) {
            err.println("watch: the report " + report + " would be inside the watched folder " + folder
                    + (output == null ? " (the working folder is in it)" : "") + "; a report there mixes results"
                    + " with the data and may be taken for data: give -o with a file outside it, or add"
                    + " --allow-inside");
            return ExitCodes.USAGE;
        }
        if (state != null) {
            run.notes(err).println("watch: note: --state is ignored: the report " + report + " is the watch's state");
        }
        try (StepServices steps = StepServices.open()) {
            RunModels models = RunModels.load(named, ModelSource::load);
            try (RunLock lock = RunLock.acquire(report)) {
                lock.note().ifPresent(n -> run.notes(err).println("watch: note: " + n));
                try (WatchReport records = WatchReport.open(report, models.columns(), models.sha256(), folderReal, faults,
                        n -> err.println("watch: " + n))) {
                    return watch(steps, records, models, folderReal, reportReal, out, err);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("watch: stopped; every file read is recorded in " + report);
            return ExitCodes.OK;
        } catch (StepException | IOException | IllegalArgumentException e) {
            err.println("watch: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    /** @return what is wrong with the options, or null */
    private String checkOptions() {
        if (pollMs <= 0) {
            return "--poll-ms " + pollMs + ": give a positive interval";
        }
        if (stableSeconds != null && !(stableSeconds >= 0 && Double.isFinite(stableSeconds))) {
            return "--stable-seconds " + stableSeconds + ": give 0 or more seconds";
        }
        if (stablePolls != null && stablePolls < 0) {
            return "--stable-polls " + stablePolls + ": give 0 or more polls";
        }
        if (!(incompleteAfterSeconds >= 0 && Double.isFinite(incompleteAfterSeconds))) {
            return "--incomplete-after " + incompleteAfterSeconds + ": give 0 or more seconds";
        }
        if (maxFiles < 1) {
            return "--max-files " + maxFiles + ": give 1 or more";
        }
        return null;
    }

    /** @return xanesml-watch/&lt;folder name&gt;-report.csv under the working folder */
    static Path defaultReport(Path folderReal) {
        Path name = folderReal.getFileName();
        return Path.of(REPORT_FOLDER, (name == null ? "root" : name.toString()) + "-report.csv").toAbsolutePath();
    }

    FolderWatcher.Options watcherOptions(Path reportReal) {
        FolderWatcher.Options o = FolderWatcher.Options.defaults().withPollInterval(Duration.ofMillis(pollMs));
        if (stablePolls != null) {
            // the rule of earlier versions: N polls, no minimum time unless --stable-seconds is given too
            o = o.withStablePolls(stablePolls);
        }
        if (stableSeconds != null) {
            o = o.withStableTime(Duration.ofNanos((long) (stableSeconds * 1e9)));
        }
        Path lockReal = RunLock.pathFor(reportReal);
        // --include/--exclude only: whether a file is a spectrum is judged when it is complete, by reading it
        Inputs.Selection selection = select.selection();
        return o.withIncompleteAfter(Duration.ofNanos((long) (incompleteAfterSeconds * 1e9)))
                .withInclude(f -> Inputs.looksLikeData(f) && selection.wanted(f, folder)
                        && !isOurs(f, reportReal, lockReal));
    }

    /** The report and its lock are never data, even when --allow-inside puts them in the folder. */
    private static boolean isOurs(Path f, Path reportReal, Path lockReal) {
        Path real = Inputs.canonical(f);
        return real.equals(reportReal) || real.equals(lockReal);
    }

    private int watch(StepServices steps, WatchReport records, RunModels models, Path folderReal, Path reportReal,
            PrintWriter out, PrintWriter err) throws IOException, InterruptedException, StepException {
        Map<Path, WatchReport.FileKey> done = new HashMap<>(records.done());
        if (!done.isEmpty()) {
            run.notes(err).println("watch: resuming, " + done.size() + " file(s) already done");
        }
        Pipeline p = select.applyTo(energy.given() ? energy.applyTo(StepCatalog.classification(named))
                : StepCatalog.classification(named));
        Inputs.Selection selection = select.selection();
        PipelineRunner runner = steps.catalog().runner();
        PipelineRunner.Bound bound = runner.bind(p);
        FolderWatcher watcher = new FolderWatcher(folder, watcherOptions(reportReal));
        // Files whose size and time are those of their recorded reading are done; any other is judged when ready.
        watcher.markReported(f -> {
            WatchReport.FileKey k = done.get(Inputs.canonical(f));
            try {
                return k != null && k.sameStamp(WatchReport.FileKey.stamp(f));
            } catch (IOException e) {
                // gone or unreadable since it was listed: not done; the watcher sees it anew when it can
                return false;
            }
        });
        long deadline = Double.isInfinite(timeoutSeconds) ? Long.MAX_VALUE
                : System.nanoTime() + (long) (timeoutSeconds * 1e9);
        int processed = 0;
        int failedRows = 0;
        run.notes(err).println("watch: watching " + folder + " with " + models.describe() + "; report "
                + records.path() + " (Ctrl-C stops)");
        while (processed < maxFiles && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            List<FolderWatcher.Ready> ready = watcher.awaitReady(() -> System.nanoTime() >= deadline);
            List<Candidate> todo = new ArrayList<>();
            for (FolderWatcher.Ready r : ready) {
                Path real = Inputs.canonical(r.file());
                WatchReport.FileKey key;
                try {
                    key = WatchReport.FileKey.of(r.file());
                } catch (IOException e) {
                    err.println("watch: " + r.file() + " is gone or cannot be looked at (" + e.getMessage()
                            + "); it is read when it is back");
                    continue;
                }
                // judged complete, so its head is final: a file no reader recognises is not a failed reading
                if (!selection.isSpectrum().test(r.file())) {
                    err.println("watch: skipped " + r.file() + ": no reader recognises it as a spectrum (name a"
                            + " format with --input-format if it is one)");
                    continue;
                }
                WatchReport.FileKey before = done.get(real);
                if (before != null && before.sameContent(key)) {
                    run.notes(err).println("watch: " + r.file() + " changed its time but not its content; not read"
                            + " again");
                    continue;
                }
                if (todo.size() < maxFiles - processed) {
                    todo.add(new Candidate(r, real, key));
                }
            }
            if (todo.isEmpty()) {
                continue;
            }
            Batch batch = new Batch(records, todo, done, out, err);
            PipelineRunner.RunResult r = runner.run(bound, todo.stream().map(c -> c.ready().file()).toList(),
                    new PipelineRunner.Options(run.threads(), 0, batch));
            if (batch.failure instanceof Error e) {
                // a test's kill: nothing more is written, as after a real one
                throw e;
            }
            if (batch.failure != null) {
                err.println("watch: cannot record results in " + records.path() + ": " + batch.failure.getMessage()
                        + "; the files read since the last recorded one are read again at the next start");
                return ExitCodes.FAILURE;
            }
            r.completeErrors().forEach(e -> err.println("watch: " + e));
            processed += batch.recorded;
            failedRows += batch.failedRows;
            if (r.outOfMemory().isPresent()) {
                err.println("watch: " + Failures.outOfMemory("reading " + r.outOfMemory().get())
                        + "; the files not recorded are read again at the next start");
                return ExitCodes.FAILURE;
            }
            if (r.interrupted()) {
                break;
            }
        }
        err.println("watch: stopped after " + processed + " reading(s), " + failedRows + " failed spectra; report "
                + records.path());
        return failedRows > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
    }

    /**
     * Records each finished input as the runner delivers it (in order, one at a time). A failure to record stops
     * the recording: what follows is not written, so the report never holds a reading after a missing one.
     */
    private static final class Batch implements PipelineRunner.Listener {
        private final WatchReport records;
        private final Map<Path, Candidate> bySource = new HashMap<>();
        private final Map<Path, WatchReport.FileKey> done;
        private final PrintWriter out;
        private final PrintWriter err;
        Throwable failure;
        int recorded;
        int failedRows;

        Batch(WatchReport records, List<Candidate> todo, Map<Path, WatchReport.FileKey> done, PrintWriter out,
                PrintWriter err) {
            this.records = records;
            todo.forEach(c -> bySource.put(c.ready().file(), c));
            this.done = done;
            this.out = out;
            this.err = err;
        }

        @Override
        public void finished(int n, int total, Path source, List<ReportRow> rows) {
            if (failure != null) {
                return;
            }
            try {
                Candidate c = bySource.get(source);
                WatchReport.FileKey now;
                try {
                    now = WatchReport.FileKey.stamp(source);
                } catch (IOException e) {
                    err.println("watch: " + source + " is gone since it was read; it is read when it is back");
                    return;
                }
                if (!now.sameStamp(c.key())) {
                    // what was read may mix two contents; the watcher reports the file again once complete
                    err.println("watch: " + source + " changed while it was read; it is read again when complete");
                    return;
                }
                List<ReportRow> kept = rows;
                if (c.ready().incomplete()) {
                    kept = rows.stream().map(row -> row.withWarning("may be incomplete: " + c.ready().detail()))
                            .toList();
                }
                String reading = records.record(c.real(), c.key(), kept, source);
                done.put(c.real(), c.key());
                recorded++;
                for (ReportRow row : kept) {
                    if (row.status() == ReportRow.Status.FAILED) {
                        failedRows++;
                    }
                    out.println(summary(row) + (reading.equals("new") ? "" : " [" + reading + "]"));
                }
                out.flush();
            } catch (IOException | RuntimeException | Error e) {
                // Errors too: a test's kill must stop the recording here, and reach the caller, not the runner
                failure = e;
            }
        }
    }

    /** @return one line per spectrum for the console: each model's answer, side by side */
    static String summary(ReportRow r) {
        if (r.status() == ReportRow.Status.FAILED) {
            return r.id() + ": FAILED " + r.error();
        }
        if (r.status() == ReportRow.Status.NO_MODEL) {
            return r.id() + ": " + String.join("; ", r.warnings());
        }
        List<String> parts = new ArrayList<>();
        for (ReportRow.Answer a : r.answers()) {
            parts.add(a.inDomain() ? String.format(Locale.ROOT, "%s %s (p = %.2f)",
                    ReportColumns.Group.key(a.task()), a.predicted(), a.confidence())
                    : ReportColumns.Group.key(a.task()) + " NOT APPLICABLE: " + a.reason());
        }
        return r.id() + ": " + String.join("; ", parts);
    }
}

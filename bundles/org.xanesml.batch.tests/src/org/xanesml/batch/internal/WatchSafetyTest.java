/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.classify.LabelTable;
import org.xanesml.classify.LearnerSpec;
import org.xanesml.classify.Task;
import org.xanesml.core.Element;
import org.xanesml.testing.SharedData;

import picocli.CommandLine;

/**
 * What an adversarial run of {@code xanesml watch} found, each as a test: writers that pause for seconds, formats
 * with an end mark, files that change after they were read or only have their time changed, a report inside the
 * watched folder, two watches on one report, and a kill between any two of the watch's writes.
 */
class WatchSafetyTest {
    private static final String PROJECTS = "data/experimental/larch-examples/xafsdata/AthenaProjectFiles/";

    @TempDir
    static Path shared;
    static Path model;
    static List<Path> spectra;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainModelAndMakeSpectra() throws IOException {
        Path data = shared.resolve("train");
        List<Path> files = SyntheticData.write(SyntheticData.generate(60, 7), data);
        Training.Loaded loaded = Training.load(files, LabelTable.read(data.resolve("labels.csv"), "geometry"), 1,
                null);
        model = shared.resolve("model.zip");
        Training.train(loaded.items(), Element.Fe, Task.GEOMETRY, LearnerSpec.of(LearnerSpec.Kind.J48, Map.of()),
                "watch safety test", 1, model, "test");
        spectra = SyntheticData.write(SyntheticData.generate(4, 99), shared.resolve("spectra"));
    }

    /** Thrown where a test kills the watch: nothing after it runs, as after SIGKILL. */
    static final class Killed extends Error {
        private static final long serialVersionUID = 1L;

        Killed(String where) {
            super("killed " + where);
        }
    }

    /** One watch run: its exit code (or the kill) and what it printed. */
    static final class Run {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        int code = -1;
        Killed killed;

        @Override
        public String toString() {
            return "exit " + code + (killed == null ? "" : ", " + killed.getMessage()) + "\nout:\n" + out + "err:\n"
                    + err;
        }
    }

    private static Run watch(Path folder, Path report, WatchReport.Faults faults, String... extra) {
        Run r = new Run();
        List<String> args = new ArrayList<>(List.of("watch", "-m", model.toString(), "--threads", "1"));
        if (report != null) {
            args.addAll(List.of("-o", report.toString()));
        }
        args.addAll(List.of(extra));
        args.add(folder.toString());
        CommandLine cl = XanesmlCommand.commandLine(new PrintWriter(r.out, true), new PrintWriter(r.err, true));
        WatchCommand command = (WatchCommand) cl.getSubcommands().get("watch").getCommand();
        command.faults = faults;
        try {
            cl.parseArgs(args.toArray(new String[0]));
            r.code = command.call();
        } catch (Killed k) {
            r.killed = k;
        } catch (CommandLine.ParameterException e) {
            r.err.write(e.getMessage());
            r.code = ExitCodes.USAGE;
        }
        return r;
    }

    /** A report read back: its rows as column maps, in order. */
    private static List<Map<String, String>> rows(Path report) throws IOException {
        List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
        List<String> header = LabelTable.split(lines.get(0));
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = LabelTable.split(line);
            assertEquals(header.size(), cells.size(), line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            out.add(row);
        }
        return out;
    }

    private static String name(Map<String, String> row) {
        return Path.of(row.get("file")).getFileName().toString();
    }

    private static void await(BooleanSupplier condition, double seconds, String what) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static int lines(Path f) {
        try {
            return Files.exists(f) ? Files.readAllLines(f).size() : 0;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Thread start(AtomicInteger code, Run[] holder, Path folder, Path report, String... extra) {
        Thread t = new Thread(() -> {
            holder[0] = watch(folder, report, WatchReport.Faults.NONE, extra);
            code.set(holder[0].code);
        });
        t.start();
        return t;
    }

    private static byte[] inflated(Path project) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(project))) {
            return in.readAllBytes();
        }
    }

    @Test
    void theDefaultWaitsForAWriterPausingSecondsAndReadsTheFinishedFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("beamtime"));
        Path report = dir.resolve("report.csv");
        AtomicInteger code = new AtomicInteger(-1);
        Run[] run = new Run[1];
        // the defaults: 1 s polls (here 0.2 s), no --stable-seconds or --stable-polls
        Thread w = start(code, run, folder, report, "--poll-ms", "200", "--max-files", "1", "--timeout", "60");
        byte[] scan = Files.readAllBytes(spectra.get(0));
        Path f = folder.resolve("scan_001.xdi");
        try (OutputStream o = Files.newOutputStream(f, StandardOpenOption.CREATE_NEW)) {
            o.write(scan, 0, scan.length / 2);
            o.flush();
            // the adversarial run's slow writers paused 3-5 s
            Thread.sleep(4_000);
            o.write(scan, scan.length / 2, scan.length - scan.length / 2);
        }
        w.join(60_000);
        assertEquals(ExitCodes.OK, code.get(), String.valueOf(run[0]));
        List<Map<String, String>> rows = rows(report);
        assertEquals(1, rows.size(), rows.toString());
        assertEquals(Long.toString(scan.length), rows.get(0).get("file_size"), "the finished file was read");
        assertEquals("OK", rows.get(0).get("status"), rows.toString());
        assertEquals("new", rows.get(0).get("reading"));
    }

    @Test
    void aChangedFileIsReadAgainAndTheReportSaysWhichRowIsCurrentButATouchedOneIsNot() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("beamtime"));
        Path report = dir.resolve("report.csv");
        AtomicInteger code = new AtomicInteger(-1);
        Run[] run = new Run[1];
        Thread w = start(code, run, folder, report, "--poll-ms", "100", "--stable-seconds", "0.5", "--timeout", "12");
        Path f = folder.resolve("scan_001.xdi");
        Files.copy(spectra.get(0), f);
        await(() -> lines(report) == 2, 10, "the first reading");
        // the writer comes back (a scan appended to, a file rewritten): a second reading
        Files.copy(spectra.get(1), f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        await(() -> lines(report) == 3, 10, "the re-reading");
        // only the time changes: same content, not read again
        Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 5_000));
        Thread.sleep(1_500);
        w.join(30_000);
        assertEquals(ExitCodes.OK, code.get(), String.valueOf(run[0]));
        List<Map<String, String>> rows = rows(report);
        assertEquals(2, rows.size(), rows.toString());
        assertEquals("new", rows.get(0).get("reading"));
        assertEquals("0", rows.get(0).get("current"), "replaced");
        assertEquals("re-read: changed since line 2", rows.get(1).get("reading"));
        assertEquals("1", rows.get(1).get("current"));
        assertNotEquals(rows.get(0).get("file_sha256"), rows.get(1).get("file_sha256"));
        assertTrue(run[0].err.toString().contains("changed its time but not its content; not read again"),
                run[0].toString());
        assertTrue(run[0].out.toString().contains("[re-read: changed since line 2]"), run[0].toString());

        // a restart: the touched file has another time than recorded, the same content: nothing is read
        Run again = watch(folder, report, WatchReport.Faults.NONE, "--poll-ms", "100", "--stable-seconds", "0.2",
                "--timeout", "1.5");
        assertEquals(ExitCodes.OK, again.code, again.toString());
        assertTrue(again.err.toString().contains("resuming, 1 file(s) already done"), again.toString());
        assertEquals(2, rows(report).size());
    }

    @Test
    void aProjectIsReadAtItsEndMarkAndNeverBefore() throws Exception {
        byte[] project = inflated(SharedData.require(PROJECTS + "Fe.prj"));
        Path folder = Files.createDirectory(dir.resolve("beamtime"));
        Path report = dir.resolve("report.csv");
        Path f = folder.resolve("fe.prj");
        int cut = project.length * 3 / 5;
        Files.write(f, java.util.Arrays.copyOf(project, cut));
        // unchanged for 4 s, four times the stable window: without its closing '1;' it is not read
        Run waiting = watch(folder, report, WatchReport.Faults.NONE, "--poll-ms", "100", "--stable-seconds", "1",
                "--timeout", "4");
        assertEquals(ExitCodes.OK, waiting.code, waiting.toString());
        assertFalse(Files.exists(report) && lines(report) > 1, "an unfinished project was read:\n" + waiting);
        // finished: read at once, without the (here two-minute) stable window
        try (OutputStream o = Files.newOutputStream(f, StandardOpenOption.APPEND)) {
            o.write(project, cut, project.length - cut);
        }
        long t0 = System.nanoTime();
        Run done = watch(folder, report, WatchReport.Faults.NONE, "--poll-ms", "100", "--stable-seconds", "120",
                "--max-files", "1", "--timeout", "60");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(ExitCodes.OK, done.code, done.toString());
        assertTrue(seconds < 30, "took " + seconds + " s: it waited for the stable window");
        List<Map<String, String>> rows = rows(report);
        assertEquals(5, rows.size(), "the project's five groups, one reading:\n" + rows);
        for (int i = 0; i < 5; i++) {
            assertEquals((i + 1) + "/5", rows.get(i).get("part"));
            assertEquals(Long.toString(project.length), rows.get(i).get("file_size"));
        }
    }

    @Test
    void theReportIsKeptOutsideTheWatchedFolder() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("beamtime"));
        Files.copy(spectra.get(0), folder.resolve("scan_001.xdi"));
        assertEquals(Path.of("").toAbsolutePath().resolve("xanesml-watch").resolve("beamtime-report.csv"),
                WatchCommand.defaultReport(Inputs.canonical(folder)));
        Path inside = folder.resolve("live.csv");
        Run refused = watch(folder, inside, WatchReport.Faults.NONE, "--timeout", "1");
        assertEquals(ExitCodes.USAGE, refused.code, refused.toString());
        assertTrue(refused.err.toString().contains("inside the watched folder")
                && refused.err.toString().contains("--allow-inside"), refused.toString());
        assertFalse(Files.exists(inside));
        // through another spelling of the folder too
        Path other = dir.resolve("beamtime/../beamtime/live.csv");
        assertEquals(ExitCodes.USAGE, watch(folder, other, WatchReport.Faults.NONE, "--timeout", "1").code);
        // allowed: the report and its lock are never taken for data
        Run allowed = watch(folder, inside, WatchReport.Faults.NONE, "--allow-inside", "--poll-ms", "100",
                "--stable-seconds", "0.2", "--timeout", "2");
        assertEquals(ExitCodes.OK, allowed.code, allowed.toString());
        List<Map<String, String>> rows = rows(inside);
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("scan_001.xdi", name(rows.get(0)));
    }

    @Test
    void aSecondWatchOnTheSameReportIsRefusedWhileOneRuns() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("beamtime"));
        Path report = dir.resolve("report.csv");
        AtomicInteger code = new AtomicInteger(-1);
        Run[] first = new Run[1];
        Thread w = start(code, first, folder, report, "--poll-ms", "100", "--timeout", "5");
        await(() -> Files.exists(RunLock.pathFor(report)), 10, "the first watch to hold the report");
        Run second = watch(folder, report, WatchReport.Faults.NONE, "--timeout", "1");
        assertEquals(ExitCodes.FAILURE, second.code, second.toString());
        assertTrue(second.err.toString().contains("a run is active on " + report), second.toString());
        w.join(30_000);
        assertEquals(ExitCodes.OK, code.get(), String.valueOf(first[0]));
    }

    @Test
    void aReportOfAnotherModelOrFolderIsRefused() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("beamtime"));
        Path report = dir.resolve("report.csv");
        Files.copy(spectra.get(0), folder.resolve("scan_001.xdi"));
        Run first = watch(folder, report, WatchReport.Faults.NONE, "--stable-seconds", "0.2", "--poll-ms", "100",
                "--max-files", "1", "--timeout", "20");
        assertEquals(ExitCodes.OK, first.code, first.toString());
        Path elsewhere = Files.createDirectory(dir.resolve("other"));
        Run other = watch(elsewhere, report, WatchReport.Faults.NONE, "--timeout", "1");
        assertEquals(ExitCodes.FAILURE, other.code, other.toString());
        assertTrue(other.err.toString().contains("another folder's report"), other.toString());
        Path older = dir.resolve("older.csv");
        Files.writeString(older, "source,id,element\nx,y,z\n");
        Run old = watch(folder, older, WatchReport.Faults.NONE, "--timeout", "1");
        assertEquals(ExitCodes.FAILURE, old.code, old.toString());
        assertTrue(old.err.toString().contains("no file keys"), old.toString());
    }

    // ---- kills ----

    /** The files of the kill scenarios: two XDI scans, a five-group Athena project, then changes to them. */
    private static void firstContents(Path folder) throws IOException {
        Files.copy(spectra.get(0), folder.resolve("a.xdi"));
        Files.copy(SharedData.require(PROJECTS + "Fe.prj"), folder.resolve("b.prj"));
        Files.copy(spectra.get(2), folder.resolve("c.xdi"));
    }

    private static void secondContents(Path folder) throws IOException {
        Files.copy(spectra.get(1), folder.resolve("a.xdi"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(SharedData.require(PROJECTS + "FeO.prj"), folder.resolve("b.prj"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(spectra.get(3), folder.resolve("d.xdi"));
    }

    private static final String[] FAST = {"--poll-ms", "50", "--stable-polls", "1"};

    private static String[] fast(String... more) {
        List<String> all = new ArrayList<>(List.of(FAST));
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }

    /** @return a fault that kills the watch the {@code nth} time it reaches {@code point} */
    private static WatchReport.Faults killAt(WatchReport.Point point, int nth, AtomicInteger reached) {
        return (p, file) -> {
            if (p == point && reached.incrementAndGet() == nth) {
                throw new Killed("at " + point + " #" + nth + " (" + file.getFileName() + ")");
            }
        };
    }

    /**
     * Each file has exactly one current reading, it is of the file as it is now, no content was recorded twice,
     * and each file has the number of readings its changes call for.
     */
    private static void assertOneCurrentReadingEach(Path folder, Path report, Map<String, Integer> readings,
            String scenario) throws IOException {
        List<Map<String, String>> rows = rows(report);
        Map<String, List<Map<String, String>>> firstRows = new HashMap<>();
        Map<String, Integer> current = new HashMap<>();
        for (Map<String, String> row : rows) {
            if (row.get("part").startsWith("1/")) {
                firstRows.computeIfAbsent(name(row), k -> new ArrayList<>()).add(row);
            }
            if (row.get("current").equals("1") && row.get("part").startsWith("1/")) {
                current.merge(name(row), 1, Integer::sum);
            }
        }
        String all = scenario + "\n" + String.join("\n", Files.readAllLines(report));
        assertEquals(readings.keySet(), firstRows.keySet(), all);
        for (Map.Entry<String, Integer> e : readings.entrySet()) {
            List<Map<String, String>> list = firstRows.get(e.getKey());
            assertEquals(e.getValue(), list.size(), e.getKey() + " readings\n" + all);
            assertEquals(1, current.getOrDefault(e.getKey(), 0), e.getKey() + " current readings\n" + all);
            Map<String, String> last = list.get(list.size() - 1);
            assertEquals("1", last.get("current"), "the latest reading is the current one\n" + all);
            WatchReport.FileKey now = WatchReport.FileKey.of(folder.resolve(e.getKey()));
            assertEquals(now.sha256(), last.get("file_sha256"), e.getKey() + " is current as it is now\n" + all);
            assertEquals(list.size(), list.stream().map(r -> r.get("file_sha256")).distinct().count(),
                    e.getKey() + ": one content recorded twice\n" + all);
        }
        for (Map<String, String> row : rows) {
            assertEquals(isInLatest(rows, row) ? "1" : "0", row.get("current"),
                    "a row's current flag disagrees with its reading's place\n" + all);
        }
    }

    /** @return whether the row belongs to its file's last reading */
    private static boolean isInLatest(List<Map<String, String>> rows, Map<String, String> row) {
        int index = rows.indexOf(row);
        for (int i = index + 1; i < rows.size(); i++) {
            if (name(rows.get(i)).equals(name(row)) && rows.get(i).get("part").startsWith("1/")) {
                return false;
            }
        }
        return true;
    }

    @Test
    void killedBetweenAnyTwoWritesNothingIsReadTwiceAndNothingIsMissed() throws Exception {
        SharedData.require(PROJECTS + "Fe.prj");
        int scenarios = 0;
        // while the first contents are read (the report new: its header is part of the first write)
        for (WatchReport.Point point : List.of(WatchReport.Point.BEFORE_APPEND, WatchReport.Point.MID_APPEND,
                WatchReport.Point.AFTER_APPEND, WatchReport.Point.AFTER_MARKS)) {
            for (int nth = 1; nth <= 3; nth += 2) {
                Path folder = Files.createDirectories(dir.resolve("first-" + point + "-" + nth));
                Path report = dir.resolve("first-" + point + "-" + nth + ".csv");
                firstContents(folder);
                Run killed = watch(folder, report, killAt(point, nth, new AtomicInteger()), fast("--timeout", "20"));
                assertTrue(killed.killed != null, killed.toString());
                Run restarted = watch(folder, report, WatchReport.Faults.NONE, fast("--timeout", "1.5"));
                assertTrue(restarted.killed == null && restarted.code == ExitCodes.OK, restarted.toString());
                assertOneCurrentReadingEach(folder, report, Map.of("a.xdi", 1, "b.prj", 1, "c.xdi", 1),
                        point + " #" + nth + " while reading the first contents\n" + killed + restarted);
                scenarios++;
            }
        }
        // while changed files are read again: the replaced readings' flags are written too
        for (WatchReport.Point point : WatchReport.Point.values()) {
            int times = point == WatchReport.Point.BETWEEN_MARKS ? 1 : 3;
            for (int nth = 1; nth <= times; nth++) {
                Path folder = Files.createDirectories(dir.resolve("second-" + point + "-" + nth));
                Path report = dir.resolve("second-" + point + "-" + nth + ".csv");
                firstContents(folder);
                Run first = watch(folder, report, WatchReport.Faults.NONE, fast("--max-files", "3", "--timeout",
                        "20"));
                assertEquals(ExitCodes.OK, first.code, first.toString());
                // distinct modification times, whatever the file system's clock resolution
                Thread.sleep(20);
                secondContents(folder);
                Run killed = watch(folder, report, killAt(point, nth, new AtomicInteger()), fast("--timeout", "20"));
                assertTrue(killed.killed != null, killed.toString());
                Run restarted = watch(folder, report, WatchReport.Faults.NONE, fast("--timeout", "1.5"));
                assertTrue(restarted.killed == null && restarted.code == ExitCodes.OK, restarted.toString());
                assertOneCurrentReadingEach(folder, report, Map.of("a.xdi", 2, "b.prj", 2, "c.xdi", 1, "d.xdi", 1),
                        point + " #" + nth + " while reading changed files\n" + killed + restarted);
                scenarios++;
            }
        }
        assertEquals(8 + 13, scenarios);
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.testing.LockHolder;

/**
 * A resumed run is the same run: the same inputs however spelled, the same model whatever its name, the same
 * options, or a refusal that says which differs. A live run's report, journal and temporary files are never touched
 * by another run, of this process or another.
 */
class ResumeIdentityTest {
    @TempDir
    static Path shared;
    private static Path model;
    private static Path data;

    @BeforeAll
    static void modelAndData() throws Exception {
        model = Fixtures.model(shared, "m");
        data = Fixtures.data(shared, 30);
    }

    /**
     * @return the journal a run killed after {@code done} inputs leaves for {@code report}: made by a run whose report
     *         could not be written (disk full), cut back to its identity and header, {@code done} rows and a cut line
     */
    private static List<String> interrupted(Path report, int done, String... args) throws Exception {
        Fixtures.Cli cli = new Fixtures.Cli();
        cli.classify().files = Fixtures.diskFull(0, Integer.MAX_VALUE);
        String[] all = new String[args.length + 4];
        all[0] = "classify";
        all[1] = "-q";
        all[2] = "-o";
        all[3] = report.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        assertEquals(ExitCodes.FAILURE, cli.run(all), cli.err());
        Path journal = Journal.pathFor(report);
        List<String> lines = Files.readAllLines(journal);
        Files.writeString(journal, String.join("\n", lines.subList(0, done + 1)) + "\n"
                + lines.get(done + 1).substring(0, 12));
        return Files.readAllLines(journal);
    }

    @Test
    void resumingWithAnotherSpellingOfTheFolderProcessesEachInputOnce(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.csv");
        Path relative = Path.of("").toAbsolutePath().relativize(data);
        interrupted(report, 12, "-m", model.toString(), relative.toString());
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, cli.run("classify", "--resume", "-m", model.toString(), "-o",
                report.toString(), data.toString()), cli.err());
        assertTrue(cli.err().contains("resuming, 12 input(s) already done"), cli.err());
        List<String> rows = Files.readAllLines(report);
        assertEquals(31, rows.size(), "one row per input, not " + (rows.size() - 1));
        for (int i = 1; i <= 30; i++) {
            assertTrue(rows.get(i).startsWith(data.resolve(String.format("synthetic_%04d.xdi", i - 1)) + ","),
                    "row " + i + " names its input as this run does: " + rows.get(i));
        }
        Path fresh = dir.resolve("fresh.csv");
        Fixtures.Cli once = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, once.run("classify", "-q", "-m", model.toString(), "-o", fresh.toString(),
                data.toString()), once.err());
        assertEquals(Files.readAllLines(fresh), rows, "the resumed report is the uninterrupted run's");
    }

    @Test
    void resumingWithAnotherModelOrOtherInputsIsRefusedAndSaysWhy(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.csv");
        List<String> journal = interrupted(report, 10, "-m", model.toString(), data.toString());
        Path other = Fixtures.model(dir, "other");

        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.FAILURE, cli.run("classify", "-q", "--resume", "-m", other.toString(), "-o",
                report.toString(), data.toString()));
        assertTrue(cli.err().contains("cannot resume: the model is not the interrupted run's")
                && cli.err().contains("delete " + Journal.pathFor(report)), cli.err());

        Path more = Files.createDirectory(dir.resolve("more"));
        Files.copy(data.resolve("synthetic_0000.xdi"), more.resolve("extra.xdi"));
        Fixtures.Cli inputs = new Fixtures.Cli();
        assertEquals(ExitCodes.FAILURE, inputs.run("classify", "-q", "--resume", "-m", model.toString(), "-o",
                report.toString(), data.toString(), more.toString()));
        assertTrue(inputs.err().contains("the inputs are not those of the interrupted run (30 file(s) then, 31 now"),
                inputs.err());
        assertEquals(journal, Files.readAllLines(Journal.pathFor(report)), "a refused resume leaves the journal");
        assertFalse(Files.exists(report));

        // The same model under another name (a copy) is the same model.
        Path copy = Files.copy(model, dir.resolve("renamed.zip"));
        Fixtures.Cli same = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, same.run("classify", "--resume", "-m", copy.toString(), "-o",
                report.toString(), data.toString()), same.err());
        assertTrue(same.err().contains("resuming, 10 input(s) already done"), same.err());
    }

    @Test
    void aJournalThatDoesNotSayWhichRunWroteItIsNotResumed(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.csv");
        List<String> journal = interrupted(report, 5, "-m", model.toString(), data.toString());
        // As an older version wrote it: the CSV header, without the run's identity.
        String header = org.xanesml.workflow.report.ReportWriters.csvHeaderLine(RunModels.load(
                List.of(model.toString()), org.xanesml.workflow.ModelSource::load).columns());
        List<String> old = new java.util.ArrayList<>(journal);
        old.set(0, header);
        Files.write(Journal.pathFor(report), old);
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.FAILURE, cli.run("classify", "-q", "--resume", "-m", model.toString(), "-o",
                report.toString(), data.toString()));
        assertTrue(cli.err().contains("does not record the inputs, model and options of the run that wrote it"),
                cli.err());
    }

    @Test
    void aLiveRunsReportIsNotTouchedByAnotherRunOfThisProcess(@TempDir Path dir) throws Exception {
        Path many = dir.resolve("many");
        SyntheticData.write(SyntheticData.generate(400, 5), many);
        Path report = dir.resolve("report.csv");
        Path journal = Journal.pathFor(report);
        AtomicInteger code = new AtomicInteger(-1);
        // A live run slowed down to 20 ms per input, so it is surely running while the others try.
        Fixtures.Cli liveCli = new Fixtures.Cli();
        liveCli.classify().steps = Fixtures.slowNormalise(20);
        Thread live = new Thread(() -> code.set(liveCli.run("classify", "-q", "--threads", "1", "-m",
                model.toString(), "-o", report.toString(), many.toString())));
        live.start();
        try {
            long deadline = System.currentTimeMillis() + 60_000;
            while ((!Files.exists(journal) || Files.readAllLines(journal).size() < 10)
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            for (List<String> extra : List.of(List.<String>of(), List.of("--resume"))) {
                Fixtures.Cli cli = new Fixtures.Cli();
                List<String> args = new java.util.ArrayList<>(List.of("classify", "-q"));
                args.addAll(extra);
                args.addAll(List.of("-m", model.toString(), "-o", report.toString(), many.toString()));
                assertEquals(ExitCodes.FAILURE, cli.run(args.toArray(String[]::new)));
                assertTrue(cli.err().contains("a run is active on " + report + " (pid "
                        + ProcessHandle.current().pid() + ")"), cli.err());
                assertFalse(cli.err().contains("resuming") || cli.err().contains("interrupted run"), cli.err());
            }
        } finally {
            live.interrupt();
            live.join(60_000);
        }
        assertEquals(ExitCodes.FAILURE, code.get(), liveCli.err());
        assertTrue(liveCli.err().contains("rerun with --resume"), liveCli.err());
        // The live run's journal holds its own rows only, each input once.
        List<String> lines = Files.readAllLines(journal);
        assertEquals(lines.size(), lines.stream().distinct().count());
        assertFalse(Files.exists(RunLock.pathFor(report)), "the lock file goes with its run");
    }

    @Test
    void aLiveRunOfAnotherProcessIsNamedByItsPid(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.csv");
        Path out = Files.createDirectory(dir.resolve("out"));
        try (LockHolder classifying = LockHolder.lock(RunLock.pathFor(report), "pid PID\n");
                LockHolder normalizing = LockHolder.lock(RunLock.pathFor(out.resolve("normalize-report.csv")),
                        "pid PID\n")) {
            Fixtures.Cli cli = new Fixtures.Cli();
            assertEquals(ExitCodes.FAILURE, cli.run("classify", "-q", "--resume", "-m", model.toString(), "-o",
                    report.toString(), data.toString()));
            assertTrue(cli.err().contains("a run is active on " + report + " (pid " + classifying.pid() + ")"),
                    cli.err());
            Fixtures.Cli norm = new Fixtures.Cli();
            assertEquals(ExitCodes.FAILURE, norm.run("normalize", "-q", "-o", out.toString(), data.toString()));
            assertTrue(norm.err().contains("a run is active on " + out.resolve("normalize-report.csv") + " (pid "
                    + normalizing.pid() + ")"), norm.err());
            assertEquals(List.of("normalize-report.csv.lock"), Fixtures.names(out), "nothing written meanwhile");
        }
        // Once the other process is gone (however it ended), its lock is no obstacle.
        Fixtures.Cli after = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, after.run("classify", "-q", "-m", model.toString(), "-o", report.toString(),
                data.toString()), after.err());
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.testing.NamedPipes;

/**
 * Nothing silent, nothing hangs: whatever escapes a command is one line on standard error and exit code 1; a worker
 * that fails is a failed row; running out of memory stops the run with one message; inputs that are no regular
 * files are refused, not read forever; more threads than cores are capped with a note.
 */
class FailureReportingTest {
    @TempDir
    static Path shared;
    private static Path model;
    private static Path data;

    @BeforeAll
    static void modelAndData() throws Exception {
        model = Fixtures.model(shared, "m");
        data = Fixtures.data(shared, 12);
    }

    private static void assertOneLine(String err) {
        assertEquals(1, err.lines().count(), err);
        assertFalse(err.contains("\tat ") || err.contains("Exception in thread"), err);
    }

    @Test
    void runningOutOfMemoryWhileLoadingTheModelIsOneLineAndExitCode1() {
        Fixtures.Cli cli = new Fixtures.Cli();
        cli.classify().models = reference -> {
            throw new OutOfMemoryError("Java heap space");
        };
        assertEquals(ExitCodes.FAILURE, cli.run("classify", "-q", "-m", "fe-k-cn", data.toString()));
        assertOneLine(cli.err());
        assertTrue(cli.err().startsWith("xanesml classify: out of memory loading model fe-k-cn")
                && cli.err().contains("; try -J-Xmx"), cli.err());
    }

    @Test
    void anUnexpectedErrorInACommandIsOneLineAndExitCode1() {
        Fixtures.Cli cli = new Fixtures.Cli();
        cli.classify().models = reference -> {
            throw new IllegalStateException("model cache corrupted");
        };
        assertEquals(ExitCodes.FAILURE, cli.run("classify", "-q", "-m", model.toString(), data.toString()));
        assertOneLine(cli.err());
        assertTrue(cli.err().startsWith("xanesml classify: internal error: ")
                && cli.err().contains("model cache corrupted") && cli.err().contains("please report it"), cli.err());

        Fixtures.Cli error = new Fixtures.Cli();
        error.classify().models = reference -> {
            throw new NoClassDefFoundError("weka/core/Instances");
        };
        assertEquals(ExitCodes.FAILURE, error.run("classify", "-q", "-m", model.toString(), data.toString()));
        assertOneLine(error.err());
        assertTrue(error.err().contains("weka/core/Instances"), error.err());
    }

    @Test
    void aWorkerThatFailsGivesAFailedRowAndTheOthersAreReported(@TempDir Path dir) throws Exception {
        Fixtures.Cli cli = new Fixtures.Cli();
        cli.classify().steps = Fixtures.withNormalise(item -> {
            if (item.source().endsWith("synthetic_0003.xdi")) {
                throw new StackOverflowError();
            }
        });
        Path report = dir.resolve("report.csv");
        assertEquals(ExitCodes.PARTIAL, cli.run("classify", "--threads", "2", "-m", model.toString(), "-o",
                report.toString(), data.toString()), cli.err());
        List<String> rows = Files.readAllLines(report);
        assertEquals(13, rows.size(), String.join("\n", rows));
        assertTrue(rows.get(4).contains("synthetic_0003.xdi") && rows.get(4).contains(",FAILED,")
                && rows.get(4).contains("StackOverflowError"), rows.get(4));
        assertTrue(cli.err().contains("12 spectra: ") && cli.err().contains(" 1 failed"), cli.err());
    }

    @Test
    void runningOutOfMemoryInTheWorkersStopsTheRunWithOneMessage(@TempDir Path dir) throws Exception {
        Fixtures.Cli cli = new Fixtures.Cli();
        cli.classify().steps = Fixtures.withNormalise(item -> {
            if (item.index() >= 5) {
                throw new OutOfMemoryError("Java heap space");
            }
        });
        Path report = dir.resolve("report.csv");
        assertEquals(ExitCodes.FAILURE, assertTimeoutPreemptively(Duration.ofSeconds(60), () -> cli.run("classify",
                "-q", "--threads", "2", "-m", model.toString(), "-o", report.toString(), data.toString())));
        assertOneLine(cli.err());
        assertTrue(cli.err().startsWith("classify: out of memory while processing ")
                && cli.err().contains("-J-Xmx") && cli.err().contains("5 finished input(s) are kept in "
                        + Journal.pathFor(report) + "; rerun with --resume"), cli.err());
        assertFalse(Files.exists(report));

        Fixtures.Cli norm = new Fixtures.Cli();
        norm.normalize().steps = Fixtures.withNormalise(item -> {
            if (item.index() >= 5) {
                throw new OutOfMemoryError("Java heap space");
            }
        });
        Path out = dir.resolve("out");
        assertEquals(ExitCodes.FAILURE, assertTimeoutPreemptively(Duration.ofSeconds(60), () -> norm.run(
                "normalize", "-q", "--threads", "2", "-o", out.toString(), data.toString())));
        assertTrue(norm.err().contains("normalize: out of memory while processing ")
                && norm.err().contains("stopped after 5 of 12 inputs"), norm.err());
    }

    @Test
    void aNamedPipeIsRefusedByClassifyAndNormalize(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("scan.xdi");
        assumeTrue(NamedPipes.make(fifo), "mkfifo is not available here");
        try {
            Fixtures.Cli cli = new Fixtures.Cli();
            assertEquals(ExitCodes.FAILURE, assertTimeoutPreemptively(Duration.ofSeconds(60), () -> cli.run(
                    "classify", "-q", "-m", model.toString(), fifo.toString())));
            assertTrue(cli.err().contains(fifo + ": not a regular file (a named pipe, socket or device)"),
                    cli.err());
            Fixtures.Cli norm = new Fixtures.Cli();
            assertEquals(ExitCodes.FAILURE, assertTimeoutPreemptively(Duration.ofSeconds(60), () -> norm.run(
                    "normalize", "-q", "-o", dir.resolve("out").toString(), fifo.toString())));
            assertTrue(norm.err().contains("not a regular file"), norm.err());

            // In a folder it is skipped, with a note; the real spectra are processed.
            Files.copy(data.resolve("synthetic_0000.xdi"), dir.resolve("real.xdi"));
            Fixtures.Cli folder = new Fixtures.Cli();
            assertEquals(ExitCodes.OK, assertTimeoutPreemptively(Duration.ofSeconds(60), () -> folder.run(
                    "classify", "-m", model.toString(), dir.toString())), folder.err());
            assertTrue(folder.err().contains("note: skipped 1 entry that is not a regular file: " + fifo
                    + " (a named pipe, socket or device)"), folder.err());
            assertEquals(2, folder.out.toString().lines().count(), folder.out.toString());
        } finally {
            NamedPipes.unblock(fifo);
        }
    }

    @Test
    void moreThreadsThanCoresAreCappedWithANoteUnlessForced() {
        int cores = Runtime.getRuntime().availableProcessors();
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, cli.run("classify", "--timings", "--threads", "1000", "-m",
                model.toString(), data.toString()), cli.err());
        assertTrue(cli.err().contains("classify: note: using " + cores + " thread(s), the processors available, not"
                + " --threads 1000"), cli.err());
        assertTrue(cli.err().contains("on " + cores + " thread(s)"), cli.err());

        Fixtures.Cli forced = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, forced.run("classify", "-q", "--timings", "--threads", Integer.toString(cores + 1),
                "--force-threads", "-m", model.toString(), data.toString()), forced.err());
        assertFalse(forced.err().contains("note: using"), forced.err());
        assertTrue(forced.err().contains("on " + (cores + 1) + " thread(s)"), forced.err());
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.workflow.report.AtomicFiles;

import picocli.CommandLine;

/**
 * A batch stopped half-way (here by interrupting its thread; a killed process leaves the same journal, written
 * input by input): no report file exists, finished rows are in the journal, and --resume completes the report
 * without redoing them.
 */
class ResumeTest {

    @Test
    void aStoppedBatchKeepsItsFinishedRowsAndResumes(@TempDir Path dir) throws Exception {
        Path model = Fixtures.model(dir, "m");
        Path data = Fixtures.data(dir, 400);
        Path report = dir.resolve("out/report.csv");
        Files.createDirectories(report.getParent());
        Path journal = Journal.pathFor(report);

        StringWriter err = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread t = new Thread(() -> code.set(XanesmlCommand.run(new String[] {"classify", "-q", "--threads", "1",
                "-m", model.toString(), "-o", report.toString(), data.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true))));
        t.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while ((!Files.exists(journal) || Files.readAllLines(journal).size() < 20)
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        t.interrupt();
        t.join(60_000);
        assertEquals(ExitCodes.FAILURE, code.get(), err.toString());
        assertTrue(err.toString().contains("rerun with --resume"), err.toString());
        assertFalse(Files.exists(report), "no report from a stopped run");
        List<String> kept = Files.readAllLines(journal);
        assertTrue(kept.size() >= 20 && kept.size() < 401, "journal lines " + kept.size());

        StringWriter err2 = new StringWriter();
        assertEquals(ExitCodes.FAILURE, XanesmlCommand.run(new String[] {"classify", "-q", "-m", model.toString(),
                "-o", report.toString(), data.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err2)));
        assertTrue(err2.toString().contains("interrupted run"), "refuses to overwrite silently: " + err2);

        StringWriter err3 = new StringWriter();
        assertEquals(ExitCodes.OK, XanesmlCommand.run(new String[] {"classify", "--resume", "--threads", "2",
                "-m", model.toString(), "-o", report.toString(), data.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err3)), err3.toString());
        assertTrue(err3.toString().contains("resuming, " + (kept.size() - 1) + " input(s) already done"),
                err3.toString());
        List<String> lines = Files.readAllLines(report);
        assertEquals(401, lines.size());
        for (int i = 1; i <= 400; i++) {
            assertTrue(lines.get(i).contains(String.format("synthetic_%04d.xdi", i - 1)), "order at " + i);
        }
        assertFalse(Files.exists(journal), "journal removed once the report is complete");

        // The same inputs in one uninterrupted run give the same rows.
        Path fresh = dir.resolve("out/fresh.csv");
        assertEquals(ExitCodes.OK, XanesmlCommand.run(new String[] {"classify", "-q", "-m", model.toString(), "-o",
                fresh.toString(), data.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err3)));
        assertEquals(Files.readAllLines(fresh), lines);
    }

    /** With the model named only in the pipeline document, -o alone turns on the journal and --resume. */
    @Test
    void aPipelineRunWithOutputAlsoJournalsAndResumes(@TempDir Path dir) throws Exception {
        Path model = Fixtures.model(dir, "m");
        Path pipeline = dir.resolve("pipeline.xml");
        Files.writeString(pipeline, new org.xanesml.workflow.PipelineXml().write(
                org.xanesml.workflow.StepCatalog.classification(model.toString())));
        Path data = dir.resolve("data");
        SyntheticData.write(SyntheticData.generate(30, 11), data);
        Files.delete(data.resolve("labels.csv"));
        Path full = dir.resolve("full.csv");
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.OK, XanesmlCommand.run(new String[] {"classify", "-q", "--pipeline",
                pipeline.toString(), "-o", full.toString(), data.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err)), err.toString());
        List<String> rows = Files.readAllLines(full);
        assertEquals(31, rows.size());
        assertFalse(Files.exists(Journal.pathFor(full)), "journal removed after a complete run");

        // A journal as a run killed after 12 inputs leaves it (header + 12 rows + a cut line). A journal records
        // the run that wrote it in its first line, so it is made by a run (whose report could not be written) and
        // cut back, not written by hand.
        Path report = dir.resolve("resumed.csv");
        Path journal = Journal.pathFor(report);
        CommandLine cl = XanesmlCommand.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        ((ClassifyCommand) cl.getSubcommands().get("classify").getCommand()).files = new AtomicFiles(
                o -> new FilterOutputStream(o) {
                    @Override
                    public void write(int b) throws IOException {
                        throw new IOException("No space left on device");
                    }
                });
        assertEquals(ExitCodes.FAILURE, XanesmlCommand.execute(cl, new String[] {"classify", "-q", "--pipeline",
                pipeline.toString(), "-o", report.toString(), data.toString()}));
        List<String> written = Files.readAllLines(journal);
        assertEquals(rows.subList(1, rows.size()), written.subList(1, written.size()));
        Files.writeString(journal, String.join("\n", written.subList(0, 13)) + "\n"
                + written.get(13).substring(0, 10));
        StringWriter err2 = new StringWriter();
        assertEquals(ExitCodes.FAILURE, XanesmlCommand.run(new String[] {"classify", "-q", "--pipeline",
                pipeline.toString(), "-o", report.toString(), data.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err2)));
        assertTrue(err2.toString().contains("interrupted run"), err2.toString());
        StringWriter err3 = new StringWriter();
        assertEquals(ExitCodes.OK, XanesmlCommand.run(new String[] {"classify", "--resume", "--pipeline",
                pipeline.toString(), "-o", report.toString(), data.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err3)), err3.toString());
        assertTrue(err3.toString().contains("resuming, 12 input(s) already done"), err3.toString());
        List<String> resumed = Files.readAllLines(report);
        assertEquals(rows.subList(1, rows.size()), resumed.subList(1, resumed.size()));
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.workflow.report.Report;
import org.xanesml.workflow.report.ReportFormat;
import org.xanesml.workflow.report.ReportRow;
import org.xanesml.workflow.report.ReportWriters;

class PipelineRunnerTest {
    private final PipelineRunner runner = new PipelineRunner(StepCatalog.builtIn());

    private static byte[] bytes(Report r, ReportFormat f) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ReportWriters.write(r, f, b);
        return b.toByteArray();
    }

    /** @return a listener keeping every delivered item, for tests that look at the data behind the rows */
    private static PipelineRunner.Listener collecting(List<WorkItem> items) {
        return new PipelineRunner.Listener() {
            @Override
            public void finished(int done, int total, Path source, List<ReportRow> rows) {
                // the rows are in the run's report
            }

            @Override
            public void item(WorkItem item) {
                items.add(item);
            }
        };
    }

    @Test
    void fourThreadsGiveTheReportOfOne(@TempDir Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int copy = 0; copy < 4; copy++) {
            for (Path f : TestFiles.mixed(Files.createDirectory(dir.resolve("set" + copy)))) {
                files.add(f);
            }
        }
        Pipeline p = StepCatalog.classification("cu-k-cn");
        PipelineRunner.RunResult one = runner.run(p, files, PipelineRunner.Options.threads(1));
        PipelineRunner.RunResult four = runner.run(p, files, PipelineRunner.Options.threads(4));
        assertEquals(files.size(), one.delivered());
        assertArrayEquals(bytes(one.report(), ReportFormat.CSV), bytes(four.report(), ReportFormat.CSV));
        assertArrayEquals(bytes(one.report(), ReportFormat.JSON), bytes(four.report(), ReportFormat.JSON));
        assertArrayEquals(bytes(one.report(), ReportFormat.XML), bytes(four.report(), ReportFormat.XML));
        List<Integer> order = one.report().rows().stream().map(ReportRow::index).toList();
        assertEquals(order.stream().sorted().toList(), order);
    }

    @Test
    void corruptTruncatedAndWrongElementInputsAreReportedNotFatal(@TempDir Path dir) throws Exception {
        List<Path> files = TestFiles.mixed(dir);
        PipelineRunner.RunResult r = runner.run(StepCatalog.classification("cu-k-cn"), files,
                PipelineRunner.Options.threads(2));
        List<ReportRow> rows = r.report().rows();
        assertEquals(5, rows.size(), rows.toString());
        assertEquals(ReportRow.Status.FAILED, rows.get(2).status());
        assertTrue(rows.get(2).error().startsWith("read: ") && rows.get(2).error().contains("c_corrupt.xdi"),
                rows.get(2).error());
        assertEquals(ReportRow.Status.FAILED, rows.get(3).status());
        assertTrue(rows.get(3).error().contains("d_truncated.xdi"), rows.get(3).error());
        // a Fe spectrum and only a Cu model: no model for it, said in the row, not a failure
        ReportRow fe = rows.get(4);
        assertEquals(ReportRow.Status.NO_MODEL, fe.status());
        assertEquals(List.of(), fe.answers());
        assertTrue(fe.warnings().stream().anyMatch(w -> w.startsWith("no model for Fe K") && w.contains("cu-k-cn")),
                fe.warnings().toString());
        for (int i : new int[] {0, 1}) {
            assertEquals("Cu", rows.get(i).element());
            assertFalse(rows.get(i).answers().get(0).predicted().isEmpty(), rows.get(i).toString());
            assertTrue(rows.get(i).e0Ev() > 8970 && rows.get(i).e0Ev() < 8990, rows.get(i).toString());
        }
        assertEquals(2, r.failedInputs());
    }

    @Test
    void missingModelFailsEveryInputWithTheSameClearMessage(@TempDir Path dir) throws Exception {
        PipelineRunner.RunResult r = runner.run(StepCatalog.classification(dir.resolve("nope.zip").toString()),
                List.of(Files.copy(TestFiles.shared("cu_metal_rt.xdi"), dir.resolve("cu.xdi"))),
                PipelineRunner.Options.threads(1));
        ReportRow row = r.report().rows().get(0);
        assertEquals(ReportRow.Status.FAILED, row.status());
        assertTrue(row.error().contains("neither a model file nor a shipped model"), row.error());
    }

    @Test
    void interruptingTheCallerKeepsTheInputsAlreadyDelivered(@TempDir Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        Path cu = TestFiles.shared("cu_metal_rt.xdi");
        for (int i = 0; i < 400; i++) {
            files.add(Files.copy(cu, dir.resolve(String.format("cu_%03d.xdi", i))));
        }
        CountDownLatch some = new CountDownLatch(5);
        AtomicReference<PipelineRunner.RunResult> result = new AtomicReference<>();
        Thread t = new Thread(() -> result.set(runner.run(new Pipeline("n", null, List.of()).then("read", Map.of())
                .then("normalise", Map.of()), files, new PipelineRunner.Options(1, 0,
                        (done, total, source, rows) -> some.countDown()))));
        t.start();
        some.await();
        t.interrupt();
        t.join(30_000);
        PipelineRunner.RunResult r = result.get();
        assertTrue(r.interrupted());
        assertTrue(r.delivered() >= 5 && r.delivered() < files.size(), "delivered " + r.delivered());
        assertEquals(r.delivered(), r.report().rows().size());
        assertTrue(r.report().info().containsKey("not processed (run stopped)"), r.report().info().toString());
    }

    @Test
    void deglitchInterpolateAndAlignStepsRun(@TempDir Path dir) throws Exception {
        Path ref = TestFiles.shared("cu_metal_10K.xdi");
        Path cu = Files.copy(TestFiles.shared("cu_metal_rt.xdi"), dir.resolve("cu.xdi"));
        Pipeline p = new Pipeline("all", null, List.of()).then("read", Map.of()).then("deglitch", Map.of())
                .then("align", Map.of("reference", ref.toString(), "maxShiftEv", "5"))
                .then("normalise", Map.of()).then("interpolate", Map.of("firstEv", "-20", "lastEv", "60",
                        "count", "81"));
        List<WorkItem> items = new ArrayList<>();
        PipelineRunner.RunResult r = runner.run(p, List.of(cu), new PipelineRunner.Options(1, 1, collecting(items)));
        assertEquals(ReportRow.Status.OK, r.report().rows().get(0).status(), r.report().rows().toString());
        SpectrumRecord rec = items.get(0).spectra().get(0);
        assertEquals(81, rec.current().size());
        assertEquals(rec.e0Ev() - 20, rec.current().energyEv(0), 1e-9);
        assertTrue(rec.warnings().stream().anyMatch(w -> w.contains("aligned by")), rec.warnings().toString());
        assertTrue(r.nanosPerStep().keySet().containsAll(List.of("read", "deglitch", "align", "normalise",
                "interpolate")), r.nanosPerStep().toString());
    }

    /**
     * The workbench's way: one input at a time, normalising spectra read earlier and classifying with a model found
     * by a lookup of its own; the numbers are those of the runner's classification pipeline.
     */
    @Test
    void aBoundPipelineAppliedToOneInputGivesTheRunsNumbers(@TempDir Path dir) throws Exception {
        Path cu = Files.copy(TestFiles.shared("cu_metal_rt.xdi"), dir.resolve("cu.xdi"));
        List<WorkItem> viaRun = new ArrayList<>();
        runner.run(StepCatalog.classification("cu-k-cn"), List.of(cu), new PipelineRunner.Options(1, 0,
                collecting(viaRun)));
        SpectrumRecord expected = viaRun.get(0).spectra().get(0);

        org.xanesml.classify.ModelBundle model = ModelSource.load("cu-k-cn");
        List<String> looked = new ArrayList<>();
        StepContext context = new StepContext(new StepContext.Shared(ref -> {
            looked.add(ref);
            return model;
        }));
        Pipeline read = new Pipeline("read", null, List.of()).then("read", Map.of());
        Pipeline normalise = new Pipeline("normalise", null, List.of()).then("normalise", Map.of());
        Pipeline classify = new Pipeline("classify", null, List.of()).then("classify", Map.of("model", "mine"));
        WorkItem raw = runner.bind(read).apply(WorkItem.of(0, cu), context);
        WorkItem normalised = runner.bind(normalise, DataKind.SPECTRA).apply(raw, context);
        PipelineRunner.Bound classifier = runner.bind(classify, DataKind.NORMALIZED_SPECTRA);
        SpectrumRecord got = classifier.apply(normalised, context).spectra().get(0);
        classifier.apply(normalised, context);

        assertEquals(expected.e0Ev(), got.e0Ev(), 0.0);
        assertEquals(expected.normalization().orElseThrow().edgeStep(), got.normalization().orElseThrow().edgeStep(),
                0.0);
        assertArrayEquals(expected.current().mu(), got.current().mu(), 0.0);
        assertEquals(expected.prediction().orElseThrow().label(), got.prediction().orElseThrow().label());
        assertArrayEquals(expected.prediction().orElseThrow().probabilities(),
                got.prediction().orElseThrow().probabilities(), 0.0);
        assertEquals(List.of("mine"), looked, "looked up once per context");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> runner.bind(classify));
        assertTrue(e.getMessage().contains("needs NORMALIZED_SPECTRA but gets FILE"), e.getMessage());
    }
}

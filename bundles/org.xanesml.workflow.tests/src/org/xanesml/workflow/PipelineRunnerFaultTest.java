/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.workflow.report.ReportRow;

/**
 * Faults inside a run: whatever a worker or a listener throws, every input gets its row (the report never holds
 * fewer rows than inputs), and running out of memory stops the run at once with the input named.
 */
class PipelineRunnerFaultTest {

    /**
     * A step that passes spectra on, except for the inputs on which {@code fault} throws. A record: its components
     * are the step's name, description, parameters and kinds.
     */
    private record FaultStep(String name, String description, List<ParameterSpec> parameters, DataKind inputKind,
            DataKind outputKind, Consumer<Path> fault, AtomicInteger calls) implements ProcessingStep {
        FaultStep(Consumer<Path> fault) {
            this("fault", "throws on chosen inputs", List.of(), DataKind.SPECTRA, DataKind.SPECTRA, fault,
                    new AtomicInteger());
        }

        @Override
        public WorkItem apply(WorkItem item, StepParameters parameters, StepContext context) {
            calls.incrementAndGet();
            fault.accept(item.source());
            return item;
        }
    }

    private static List<Path> copies(Path dir, int n) throws Exception {
        Path cu = TestFiles.shared("cu_metal_rt.xdi");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            files.add(Files.copy(cu, dir.resolve(String.format("cu_%03d.xdi", i))));
        }
        return files;
    }

    private static PipelineRunner runner(FaultStep step) {
        List<ProcessingStep> steps = new ArrayList<>();
        steps.add(step);
        steps.addAll(StepCatalog.builtIn());
        return new PipelineRunner(steps);
    }

    private static final Pipeline READ_FAULT = new Pipeline("faults", null, List.of()).then("read", Map.of())
            .then("fault", Map.of());

    @Test
    void anErrorInAWorkerIsAFailedRowAndTheInputsAfterItAreDelivered(@TempDir Path dir) throws Exception {
        List<Path> files = copies(dir, 7);
        FaultStep step = new FaultStep(source -> {
            if (source.endsWith("cu_002.xdi")) {
                throw new StackOverflowError();
            }
            if (source.endsWith("cu_004.xdi")) {
                throw new AssertionError("unexpected state");
            }
        });
        List<Integer> finished = new ArrayList<>();
        PipelineRunner.RunResult r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> runner(step).run(
                READ_FAULT, files, new PipelineRunner.Options(2, 0, (done, total, source, rows) -> finished.add(done))));
        List<ReportRow> rows = r.report().rows();
        assertEquals(7, rows.size(), rows.toString());
        assertEquals(7, r.delivered());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), finished);
        assertEquals(ReportRow.Status.FAILED, rows.get(2).status());
        assertTrue(rows.get(2).error().startsWith("fault: ") && rows.get(2).error().contains("cu_002.xdi")
                && rows.get(2).error().contains("StackOverflowError"), rows.get(2).error());
        assertEquals(ReportRow.Status.FAILED, rows.get(4).status());
        assertTrue(rows.get(4).error().contains("unexpected state"), rows.get(4).error());
        for (int i : new int[] {0, 1, 3, 5, 6}) {
            assertEquals(ReportRow.Status.OK, rows.get(i).status(), rows.get(i).toString());
        }
        assertFalse(r.stopped());
    }

    @Test
    void aListenerThatFailsOnOneInputMakesItAFailedRowNotAGap(@TempDir Path dir) throws Exception {
        List<Path> files = copies(dir, 7);
        PipelineRunner.RunResult r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> runner(
                new FaultStep(s -> { })).run(READ_FAULT, files, new PipelineRunner.Options(2, 0,
                        new PipelineRunner.Listener() {
                            @Override
                            public void finished(int done, int total, Path source, List<ReportRow> rows) {
                                if (done == 6) {
                                    throw new IllegalStateException("progress display broke");
                                }
                            }

                            @Override
                            public void item(WorkItem item) {
                                if (item.source().endsWith("cu_001.xdi")) {
                                    throw new java.io.UncheckedIOException(new java.io.IOException(
                                            "cannot write out/cu_001.xdi: No space left on device"));
                                }
                            }
                        })));
        List<ReportRow> rows = r.report().rows();
        assertEquals(7, rows.size(), rows.toString());
        assertEquals(ReportRow.Status.FAILED, rows.get(1).status());
        assertTrue(rows.get(1).error().startsWith("output: ") && rows.get(1).error().contains("No space left"),
                rows.get(1).error());
        assertEquals(6, r.report().count(ReportRow.Status.OK));
        assertTrue(r.completeErrors().stream().anyMatch(e -> e.contains("progress display broke")),
                r.completeErrors().toString());
    }

    @Test
    void runningOutOfMemoryStopsTheRunAndNamesTheInput(@TempDir Path dir) throws Exception {
        List<Path> files = copies(dir, 200);
        FaultStep step = new FaultStep(source -> {
            if (source.getFileName().toString().compareTo("cu_010.xdi") >= 0) {
                throw new OutOfMemoryError("Java heap space");
            }
        });
        List<Integer> finished = new ArrayList<>();
        PipelineRunner.RunResult r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> runner(step).run(
                READ_FAULT, files, new PipelineRunner.Options(2, 0, (done, total, source, rows) -> finished.add(done))));
        assertTrue(r.outOfMemory().isPresent() && r.stopped());
        assertTrue(r.outOfMemory().get().getFileName().toString().compareTo("cu_010.xdi") >= 0,
                r.outOfMemory().toString());
        assertEquals(10, r.delivered(), "the inputs before the first failure are kept");
        assertEquals(10, r.report().rows().size());
        assertEquals(10, finished.size());
        // Every later input would fail the same way: the run does not go through them.
        assertTrue(step.calls().get() < 20, "step called " + step.calls().get() + " times");
        assertTrue(r.report().info().containsKey("not processed (run stopped)"), r.report().info().toString());
    }

    @Test
    void stoppingARunLetsTheInputsInProgressFinishWithTheirRowsAndListener(@TempDir Path dir) throws Exception {
        List<Path> files = copies(dir, 100);
        CountDownLatch started = new CountDownLatch(4);
        FaultStep slow = new FaultStep(source -> {
            started.countDown();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Path journal = dir.resolve("journal.txt");
        List<Throwable> listenerErrors = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<PipelineRunner.RunResult> result = new AtomicReference<>();
        try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            // Like the batch command's journal: one line per finished input, through a file channel.
            Thread t = new Thread(() -> result.set(runner(slow).run(READ_FAULT, files, new PipelineRunner.Options(2,
                    0, (done, total, source, rows) -> {
                        try {
                            ch.write(ByteBuffer.wrap((source + "\n").getBytes(StandardCharsets.UTF_8)));
                        } catch (IOException e) {
                            listenerErrors.add(e);
                        }
                    }))));
            t.start();
            started.await();
            t.interrupt();
            t.join(30_000);
        }
        PipelineRunner.RunResult r = result.get();
        assertTrue(r.interrupted() && r.delivered() < files.size(), "delivered " + r.delivered());
        assertEquals(List.of(), listenerErrors, "the listener's channel was not closed under it");
        assertEquals(r.delivered(), Files.readAllLines(journal).size());
        assertEquals(0, r.report().count(ReportRow.Status.FAILED), "an input in progress is not failed by the stop");
    }
}

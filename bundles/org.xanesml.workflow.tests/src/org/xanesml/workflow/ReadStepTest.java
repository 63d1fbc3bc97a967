/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.testing.NamedPipes;
import org.xanesml.workflow.report.ReportRow;

/** The read step: what readers repair reaches the row's warnings; what is no regular file is refused, not read. */
class ReadStepTest {
    private final PipelineRunner runner = new PipelineRunner(StepCatalog.builtIn());

    @Test
    void energiesSortedAndDuplicatesAveragedByTheReaderAreListedInTheRowsWarnings(@TempDir Path dir)
            throws Exception {
        List<String> lines = Files.readAllLines(TestFiles.shared("cu_metal_rt.xdi"));
        List<String> header = new ArrayList<>();
        List<String> data = new ArrayList<>();
        for (String l : lines) {
            (l.startsWith("#") || l.isBlank() ? header : data).add(l);
        }
        // A scan recorded downwards, with one point measured twice.
        Collections.reverse(data);
        data.add(5, data.get(5));
        List<String> all = new ArrayList<>(header);
        all.addAll(data);
        Path f = Files.write(dir.resolve("down.xdi"), all);
        PipelineRunner.RunResult r = runner.run(new Pipeline("read", null, List.of()).then("read", Map.of())
                .then("normalise", Map.of()), List.of(f), PipelineRunner.Options.threads(1));
        ReportRow row = r.report().rows().get(0);
        assertEquals(ReportRow.Status.OK, row.status(), row.toString());
        assertTrue(row.warnings().stream().anyMatch(w -> w.contains("the points were sorted by energy")),
                row.warnings().toString());
        assertTrue(row.warnings().stream().anyMatch(w -> w.contains("duplicate energy merged, mu averaged")),
                row.warnings().toString());
    }

    @Test
    void aNamedPipeIsRefusedInsteadOfBlockingTheRun(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe.xdi");
        assumeTrue(NamedPipes.make(fifo), "mkfifo is not available here");
        try {
            PipelineRunner.RunResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> runner.run(
                    new Pipeline("read", null, List.of()).then("read", Map.of()), List.of(fifo),
                    PipelineRunner.Options.threads(1)));
            ReportRow row = r.report().rows().get(0);
            assertEquals(ReportRow.Status.FAILED, row.status());
            assertTrue(row.error().contains("pipe.xdi: not a regular file"), row.error());
        } finally {
            NamedPipes.unblock(fifo);
        }
    }
}

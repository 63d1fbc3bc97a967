/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.workflow.report.ReportRow;

/**
 * Issue 16 item 6 through the steps: the normalise step (what {@code xanesml normalize} runs) warns with the reason,
 * and the classification pipeline does not answer.
 */
class NotXanesStepsTest {
    private final PipelineRunner runner = new PipelineRunner(StepCatalog.builtIn());

    private static Path xdi(Path dir, String name, DoubleUnaryOperator mu) throws Exception {
        StringBuilder sb = new StringBuilder("# XDI/1.0\n# Column.1: energy eV\n# Column.2: mutrans\n"
                + "# Element.symbol: Cu\n# Element.edge: K\n#----\n# energy mutrans\n");
        for (double e = 8779; e <= 9379; e += 0.5) {
            sb.append(String.format(Locale.ROOT, "%.2f %.6f%n", e, mu.applyAsDouble(e)));
        }
        return Files.writeString(dir.resolve(name), sb);
    }

    @Test
    void aFeaturelessStepIsWarnedByNormalisationAndNotClassified(@TempDir Path dir) throws Exception {
        Path step = xdi(dir, "step.xdi", e -> 1.2 - 1e-4 * (e - 8779) + 0.5 + Math.atan((e - 8981) / 2) / Math.PI);
        Path flipped = xdi(dir, "flipped.xdi", e -> 1.2 - 0.5 - Math.atan((e - 8981) / 2) / Math.PI);
        Path real = Files.copy(TestFiles.shared("cu_metal_rt.xdi"), dir.resolve("cu_metal_rt.xdi"));
        Pipeline normalise = new Pipeline("normalize", "read and normalise", List.of()).then("read", Map.of())
                .then("normalise", Map.of());
        List<ReportRow> rows = runner.run(normalise, List.of(step, flipped, real), PipelineRunner.Options.threads(1))
                .report().rows();
        assertEquals(3, rows.size());
        assertTrue(rows.get(0).warnings().stream().anyMatch(w -> w.contains("not a XANES spectrum")
                && w.contains("featureless step")), rows.get(0).warnings().toString());
        assertTrue(rows.get(1).warnings().stream().anyMatch(w -> w.contains("not a XANES spectrum")),
                rows.get(1).toString());
        assertTrue(rows.get(2).warnings().stream().noneMatch(w -> w.contains("not a XANES spectrum")),
                rows.get(2).warnings().toString());

        rows = runner.run(StepCatalog.classification("cu-k-cn"), List.of(step, real),
                PipelineRunner.Options.threads(1)).report().rows();
        assertEquals(ReportRow.Status.NOT_APPLICABLE, rows.get(0).status(), rows.get(0).toString());
        ReportRow.Answer notXanes = rows.get(0).answers().get(0);
        assertEquals("NOT_XANES", notXanes.verdict());
        assertEquals("", notXanes.predicted());
        assertTrue(notXanes.reason().contains("featureless step"), notXanes.reason());
        assertTrue(!rows.get(1).answers().get(0).predicted().isEmpty(), rows.get(1).toString());
    }
}

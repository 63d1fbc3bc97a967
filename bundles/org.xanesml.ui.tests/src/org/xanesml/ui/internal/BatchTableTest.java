/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.testing.SharedData;
import org.xanesml.ui.internal.session.AnalysisEntry;
import org.xanesml.ui.internal.session.ModelFiles;
import org.xanesml.ui.internal.session.SpectrumAnalysis;
import org.xanesml.ui.internal.session.SpectrumFiles;
import org.xanesml.workflow.StepServices;

/**
 * Issue 15 item 4 and issue 17 in the Batch Results table: every loaded model's answer for the spectrum's element
 * side by side, "no model for Mn K" for an element no model covers, and two files of one name told apart.
 */
class BatchTableTest {
    private static final String LIBRARY = "data/experimental/XASDataLibrary/data/";

    @Test
    void theTableShowsEveryModelsAnswerAndTellsSameNamedFilesApart(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("run1")).resolve("scan.xdi");
        Path b = Files.createDirectories(dir.resolve("run2")).resolve("scan.xdi");
        Files.copy(SharedData.require(LIBRARY + "Cu/CuO_tenorite_13K_01.xdi"), a);
        Files.copy(SharedData.require(LIBRARY + "Fe/Fe2O3_rt_01.xdi"), b);
        Path mn = Files.copy(SharedData.require(LIBRARY + "Mn/Mn2O3_rt_01.xdi"), dir.resolve("mn.xdi"));
        try (StepServices steps = StepServices.open()) {
            SpectrumAnalysis analysis = new SpectrumAnalysis(steps.catalog(), ModelFiles.shipped());
            AnalysisEntry cu = analysis.classify(SpectrumFiles.read(a).get(0));
            AnalysisEntry fe = analysis.classify(SpectrumFiles.read(b).get(0));
            AnalysisEntry none = analysis.classify(SpectrumFiles.read(mn).get(0));

            assertEquals("run1/scan.xdi", BatchView.cell(cu, 0));
            assertEquals("run2/scan.xdi", BatchView.cell(fe, 0));
            assertEquals(a.toString(), BatchView.tooltip(cu, 0));
            assertEquals(List.of("File", "Element", "CN", "Geometry", "Oxidation state", "Status", "Warnings"),
                    BatchView.COLUMNS);
            for (AnalysisEntry e : List.of(cu, fe)) {
                for (int column = 2; column <= 4; column++) {
                    String cell = BatchView.cell(e, column);
                    assertFalse(cell.isEmpty(), e.displayName() + ", column " + BatchView.COLUMNS.get(column));
                    // the model behind the answer, its probabilities and verdict on hover
                    String tip = BatchView.tooltip(e, column);
                    assertTrue(tip.contains("p(") && tip.contains(e.prediction(List.of("COORDINATION_NUMBER",
                            "GEOMETRY", "OXIDATION_STATE").get(column - 2)).orElseThrow().model().name()), tip);
                }
                assertTrue(BatchView.cell(e, 4).matches(".*\\d\\.\\d\\d \u00b1 \\d\\.\\d\\d.*"),
                        "the oxidation state estimate: " + BatchView.cell(e, 4));
            }
            assertNotEquals(BatchView.tooltip(cu, 2), BatchView.tooltip(fe, 2), "Cu and Fe CN models differ");
            assertEquals("NO_MODEL", BatchView.cell(none, 5));
            assertEquals("", BatchView.cell(none, 2));
            assertTrue(BatchView.cell(none, 6).contains("no model for Mn K"), BatchView.cell(none, 6));
        }
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.core.Spectrum;
import org.xanesml.io.ReadOptions;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.io.Xdi;
import org.xanesml.io.XdiDocument;
import org.xanesml.testing.SharedData;
import org.xanesml.workflow.StepServices;

/**
 * Issue 17 item 1 in the workbench: XANES &gt; Open reads with the same {@link ReadOptions} as the command line
 * (the Open dialog's format, columns, mu expression, non-finite policy), and a folder's non-spectra are listed apart
 * rather than failed. No display needed: this is what the Open job runs.
 */
class OpenWithReadOptionsTest {
    static final String CU = "data/experimental/xdi-examples/data/cu_metal_rt.xdi";

    @Test
    void aFoldersNotesAndReportsAreListedApartFromItsSpectra(@TempDir Path dir) throws Exception {
        Path scan = Files.copy(SharedData.require(CU), dir.resolve("cu_metal_rt.xdi"));
        Files.writeString(dir.resolve("README.txt"), "Cu foil, room temperature; see the logbook.\n");
        Files.writeString(dir.resolve("summary.csv"), "sample,comment\ncu,fine\n");
        SpectrumFiles.Expanded e = SpectrumFiles.expand(List.of(dir), ReadOptions.DEFAULT);
        assertEquals(List.of(scan), e.files());
        assertEquals(List.of(dir.resolve("README.txt"), dir.resolve("summary.csv")), e.notSpectra());
        // a file chosen on its own is read, so its reader says why it is not a spectrum
        assertEquals(List.of(dir.resolve("README.txt")), SpectrumFiles.expand(List.of(dir.resolve("README.txt")),
                ReadOptions.DEFAULT).files());
    }

    @Test
    void theOpenDialogsMuExpressionIsWhatTheReadStepReads() throws Exception {
        Path cu = SharedData.require(CU);
        XdiDocument doc = Xdi.parse(cu);
        int i0 = doc.columnIndex("i0").orElseThrow();
        int it = doc.columnIndex("itrans").orElseThrow();
        try (StepServices steps = StepServices.open()) {
            SpectrumAnalysis analysis = new SpectrumAnalysis(steps.catalog(), List.of(),
                    ReadOptions.of("xdi", "energy", "ln(itrans/i0)", "fail"));
            AnalysisEntry entry = analysis.read(cu).get(0);
            Spectrum raw = entry.processed().raw();
            for (int r : new int[] {0, 100, doc.rowCount() - 1}) {
                assertEquals(Math.log(doc.value(it, r) / doc.value(i0, r)), raw.mu(r), 0.0, "row " + r);
            }
            assertEquals("ln(itrans/i0)", raw.metadata("Processing.mu_expression").orElseThrow());

            SpectrumAnalysis missing = new SpectrumAnalysis(steps.catalog(), List.of(),
                    ReadOptions.of(null, null, "ln(i0/iref)", null));
            SpectrumReadException e = assertThrows(SpectrumReadException.class, () -> missing.read(cu));
            assertTrue(e.getMessage().contains("no column 'iref'; the columns are [energy, i0, itrans, mutrans]"),
                    e.getMessage());
        }
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.preprocess.EnergyControl;
import org.xanesml.testing.SharedData;
import org.xanesml.workflow.ProcessingFields;
import org.xanesml.workflow.StepServices;

/**
 * The workbench's energy controls without a display: a shift and the reference calibration re-normalise through the
 * same normalise step as the command line, the operator's E0 field still fixes E0, and the choice reaches the batch
 * table's CSV and the saved session.
 */
class EnergySessionTest {
    private static StepServices steps;
    private static SpectrumAnalysis analysis;

    @BeforeAll
    static void open() throws Exception {
        steps = StepServices.open();
        analysis = new SpectrumAnalysis(steps.catalog(), List.of());
    }

    @AfterAll
    static void close() {
        steps.close();
    }

    @Test
    void shiftAndCalibrationReachTheRowAndTheSavedSession(@TempDir Path dir) throws Exception {
        AnalysisEntry e = analysis.read(SharedData.require(SessionLogicTest.CUO)).get(0);
        AnalysisEntry calibrated = analysis.renormalise(e, e.parameters(),
                EnergyControl.fromFile().withReferenceCalibration(true, null));
        assertNull(calibrated.problem());
        String energy = calibrated.processed().current().metadata(ProcessingFields.ENERGY).orElseThrow();
        assertTrue(energy.contains("calibrated to 8979.0000 eV"), energy);
        List<String> row = BatchCsv.row(calibrated);
        assertEquals(energy, row.get(BatchCsv.HEADER.indexOf("energy")));

        // the E0 field fixes E0; the entry keeps its calibration
        AnalysisEntry fixed = analysis.renormalise(calibrated, calibrated.parameters().withE0(8985.0));
        assertEquals(8985.0, fixed.e0Ev(), 1e-9);
        assertTrue(fixed.energy().calibrateReference());
        assertTrue(fixed.processed().current().metadata(ProcessingFields.ENERGY).orElseThrow()
                .startsWith("E0 8985.0000 eV fixed"));

        AnalysisEntry shifted = analysis.renormalise(e, e.parameters(), EnergyControl.automatic().withShift(2.0));
        assertEquals(e.e0Ev() + 2.0, shifted.e0Ev(), 1e-9);

        Path f = dir.resolve("s.xanesml.json");
        SessionFile.write(f, List.of(fixed, shifted), List.of());
        SessionFile.Saved saved = SessionFile.read(f);
        assertEquals(fixed.energy(), saved.entries().get(0).energy());
        assertEquals(shifted.energy(), saved.entries().get(1).energy());
    }
}

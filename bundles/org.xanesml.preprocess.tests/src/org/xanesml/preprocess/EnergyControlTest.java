/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The energy control's rules, and calibration of a reference whose edge is known. */
class EnergyControlTest {

    @Test
    void contradictoryOrImplausibleSettingsAreRefusedSayingWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EnergyControl(EnergyControl.E0Mode.AUTO, 8985.0, 0, false, null));
        assertTrue(e.getMessage().contains("use FIXED"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EnergyControl.fromFile().withShift(250));
        assertTrue(e.getMessage().contains("at most 100.0 eV"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new EnergyControl(EnergyControl.E0Mode.AUTO, null, 0, false, 8979.0));
        assertTrue(e.getMessage().contains("calibration against the reference is off"), e.getMessage());
        assertEquals(EnergyControl.E0Mode.FIXED, EnergyControl.automatic().withFixedE0(8985).e0Mode());
    }

    /** A smooth foil-like edge (arctangent) at 8981.25 eV on a 0.25 eV grid. */
    private static double[][] foil(double edgeEv) {
        int n = 801;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 8880 + 0.25 * i;
            y[i] = 0.2 + 1e-4 * (x[i] - 8880) + 0.5 + Math.atan((x[i] - edgeEv) / 1.5) / Math.PI;
        }
        return new double[][] {x, y};
    }

    @Test
    void theShiftMovesTheFoilsEdgeOntoItsTabulatedEnergy() {
        double[][] f = foil(8981.25);
        ReferenceCalibration.Result r = ReferenceCalibration.calibrate("foil", f[0], f[1], 8979.0,
                new NormalizationWorkspace());
        assertEquals(8981.25, r.foundEv(), 0.251);
        assertEquals(8979.0 - r.foundEv(), r.shiftEv(), 0);
        assertTrue(r.describe().contains("calibrated to 8979.0000 eV"), r.describe());
        PreprocessingException e = assertThrows(PreprocessingException.class, () -> ReferenceCalibration
                .calibrate("foil", f[0], f[1], 8940.0, new NormalizationWorkspace()));
        assertTrue(e.getMessage().contains("not the foil's edge"), e.getMessage());
    }
}

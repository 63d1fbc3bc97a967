/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

import java.util.Locale;

/**
 * Energy calibration against the reference channel, as Athena's "calibrate" does for the foil measured in the same
 * scan: find the foil's edge on the measured scale and shift the scan so that the edge sits at its tabulated energy.
 * The edge is found as Larch finds E0 ({@code find_e0}: the maximum of the smoothed derivative, checked to be an
 * edge), so calibration and normalisation agree on what "the edge" is.
 */
public final class ReferenceCalibration {
    /**
     * Largest |shift| believed: monochromators are off by a few eV; an edge found tens of eV from the tabulated one
     * is another feature of a noisy or missing reference (or a reference that is not the metal foil).
     */
    public static final double MAX_PLAUSIBLE_SHIFT_EV = 20.0;

    private ReferenceCalibration() {
    }

    /**
     * @param foundEv     the reference's edge on the measured scale, eV
     * @param tabulatedEv the energy it is calibrated to, eV
     */
    public record Result(double foundEv, double tabulatedEv) {
        /** @return the shift to add to the scan's energies (sample and reference alike), eV */
        public double shiftEv() {
            return tabulatedEv - foundEv;
        }

        /** @return e.g. "reference edge 8981.5 eV calibrated to 8979.0 eV: shift -2.5 eV" */
        public String describe() {
            return String.format(Locale.ROOT, "reference edge %.4f eV calibrated to %.4f eV: shift %+.4f eV",
                    foundEv, tabulatedEv, shiftEv());
        }
    }

    /**
     * @param id          names the spectrum in messages
     * @param tabulatedEv the reference's known edge energy, eV
     * @throws PreprocessingException when the edge found is more than {@value #MAX_PLAUSIBLE_SHIFT_EV} eV from
     *                                {@code tabulatedEv} (no shift is applied on a doubtful edge), or the reference
     *                                has too few points
     */
    public static Result calibrate(String id, double[] energyEv, double[] mu, double tabulatedEv,
            NormalizationWorkspace workspace) {
        if (!(tabulatedEv > 0) || !Double.isFinite(tabulatedEv)) {
            throw new IllegalArgumentException(id + ": reference edge energy = " + tabulatedEv
                    + " eV; expected a positive energy");
        }
        double found = XanesNormalization.findE0(id, energyEv, mu, workspace);
        Result r = new Result(found, tabulatedEv);
        if (Math.abs(r.shiftEv()) > MAX_PLAUSIBLE_SHIFT_EV) {
            throw new PreprocessingException(String.format(Locale.ROOT, "%s: the reference's edge was found at %.2f"
                    + " eV, %.1f eV from its edge energy %.2f eV (more than %.0f eV: not the foil's edge, or another"
                    + " reference); check the reference channel, or give the reference's own edge energy",
                    id, found, found - tabulatedEv, tabulatedEv, MAX_PLAUSIBLE_SHIFT_EV));
        }
        return r;
    }
}

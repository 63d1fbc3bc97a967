/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

import java.util.Locale;

/**
 * How the energy scale and E0 of a spectrum are set before normalisation: where E0 comes from, a fixed energy shift,
 * and whether the reference channel calibrates the scan. The answer of a classifier depends on E0 (the CuO test file
 * turns from square-planar to octahedral when its E0 moves from 8990.3 to 8985 eV), so every output records what
 * was chosen.
 * <p>
 * Order of application: the shift (the one given plus the one the reference calibration finds) moves the energies
 * first; E0 is then found on, or given for, the shifted scale. A fixed E0 is thus an energy of the calibrated scale
 * (the one written out), while an E0 read from the file is on the file's scale and moves with the shift.
 *
 * @param e0Mode             where E0 comes from
 * @param e0Ev               the E0 of {@link E0Mode#FIXED}, absolute eV; null for the other modes
 * @param shiftEv            energy shift added to every energy, eV (0: none)
 * @param calibrateReference align the reference channel's edge to {@code referenceEdgeEv} and apply that shift too
 * @param referenceEdgeEv    the reference's edge energy, eV; null: the tabulated K edge of the reference element (the
 *                           metal foil's first inflection point, {@link org.xanesml.core.Element#kEdgeEnergyEv()})
 */
public record EnergyControl(E0Mode e0Mode, Double e0Ev, double shiftEv, boolean calibrateReference,
        Double referenceEdgeEv) {

    /** Largest |shift| accepted: monochromator offsets are a few eV; tens of eV are a typing error. */
    public static final double MAX_SHIFT_EV = 100.0;

    /** Where E0 comes from. */
    public enum E0Mode {
        /** Found as Larch's find_e0 does (the maximum of the smoothed derivative, with its checks). */
        AUTO,
        /** Given. */
        FIXED,
        /**
         * Read from the file when it records one (the E0 {@code xanesml normalize} wrote, an Athena project's
         * {@code bkg_e0}); found as {@link #AUTO} otherwise, with a note saying so.
         */
        FROM_FILE
    }

    public EnergyControl {
        if (e0Mode == null) {
            throw new IllegalArgumentException("E0 mode is missing; expected AUTO, FIXED or FROM_FILE");
        }
        if ((e0Mode == E0Mode.FIXED) != (e0Ev != null)) {
            throw new IllegalArgumentException(e0Mode == E0Mode.FIXED ? "a fixed E0 needs its energy in eV"
                    : "E0 = " + e0Ev + " eV is given but the E0 mode is " + e0Mode + "; use FIXED");
        }
        if (e0Ev != null && !(e0Ev > 0 && Double.isFinite(e0Ev))) {
            throw new IllegalArgumentException("E0 = " + e0Ev + " eV; expected a positive energy in eV");
        }
        if (!Double.isFinite(shiftEv) || Math.abs(shiftEv) > MAX_SHIFT_EV) {
            throw new IllegalArgumentException("energy shift = " + shiftEv + " eV; expected at most "
                    + MAX_SHIFT_EV + " eV either way");
        }
        if (referenceEdgeEv != null && !(referenceEdgeEv > 0 && Double.isFinite(referenceEdgeEv))) {
            throw new IllegalArgumentException("reference edge = " + referenceEdgeEv
                    + " eV; expected a positive energy in eV");
        }
        if (referenceEdgeEv != null && !calibrateReference) {
            throw new IllegalArgumentException("a reference edge energy (" + referenceEdgeEv
                    + " eV) is given but calibration against the reference is off");
        }
    }

    /**
     * @return E0 from the file when it has one, else automatic; no shift, no calibration: what {@code classify} and
     *         {@code normalize} do unless told otherwise, so a file's own E0 (Athena's, or the one normalize wrote) is
     *         not silently replaced
     */
    public static EnergyControl fromFile() {
        return new EnergyControl(E0Mode.FROM_FILE, null, 0.0, false, null);
    }

    /** @return E0 found as Larch does, no shift, no calibration */
    public static EnergyControl automatic() {
        return new EnergyControl(E0Mode.AUTO, null, 0.0, false, null);
    }

    /** @return E0 fixed at {@code e0Ev}, the rest unchanged */
    public EnergyControl withFixedE0(double e0) {
        return new EnergyControl(E0Mode.FIXED, e0, shiftEv, calibrateReference, referenceEdgeEv);
    }

    /** @return E0 by {@code mode} (not FIXED: use {@link #withFixedE0}), the rest unchanged */
    public EnergyControl withE0Mode(E0Mode mode) {
        return new EnergyControl(mode, null, shiftEv, calibrateReference, referenceEdgeEv);
    }

    public EnergyControl withShift(double value) {
        return new EnergyControl(e0Mode, e0Ev, value, calibrateReference, referenceEdgeEv);
    }

    /** @param edgeEv the reference's edge energy, eV, or null for the tabulated K edge of the reference element */
    public EnergyControl withReferenceCalibration(boolean on, Double edgeEv) {
        return new EnergyControl(e0Mode, e0Ev, shiftEv, on, on ? edgeEv : null);
    }

    /** @return e.g. "e0 auto, shift 0 eV, no reference calibration", for logs and help */
    public String describe() {
        String e0 = switch (e0Mode) {
            case AUTO -> "e0 auto";
            case FIXED -> String.format(Locale.ROOT, "e0 %s eV", e0Ev);
            case FROM_FILE -> "e0 from file (else auto)";
        };
        String ref = !calibrateReference ? "no reference calibration"
                : "reference calibrated to " + (referenceEdgeEv == null ? "its tabulated edge"
                        : referenceEdgeEv + " eV");
        return e0 + ", shift " + shiftEv + " eV, " + ref;
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.util.LinkedHashMap;
import java.util.Map;

import org.xanesml.preprocess.EnergyControl;
import org.xanesml.preprocess.PreEdgeParameters;

/**
 * Larch pre-edge settings as the parameters of the {@value StepNames#NORMALISE} step, for callers that build the
 * step in code: {@code xanesml normalize} from its options, the workbench from the operator's edits in the Spectrum
 * view. Both thus normalise exactly as a pipeline document with the same values would.
 */
public final class NormaliseParameters {
    /** Parameter: where E0 comes from when {@value #E0_EV} is unset, AUTO or FROM_FILE (unset: FROM_FILE). */
    public static final String E0_SOURCE = "e0Source";
    /** Parameter: a fixed E0, absolute eV on the shifted scale. */
    public static final String E0_EV = "e0Ev";
    /** Parameter: energy shift added to every energy, eV. */
    public static final String SHIFT_EV = "shiftEv";
    /** Parameter: calibrate against the file's reference channel. */
    public static final String CALIBRATE_REFERENCE = "calibrateReference";
    /** Parameter: the reference's edge energy, eV (unset: the tabulated K edge of its element). */
    public static final String REFERENCE_EDGE_EV = "referenceEdgeEv";

    private NormaliseParameters() {
    }

    /**
     * @return the step parameters for {@code p}'s E0, pre-edge and post-edge ranges and nnorm (unset: automatic);
     *         without a given E0, E0 is the file's when it records one (see {@link EnergyControl#fromFile()})
     * @throws IllegalArgumentException when {@code p} sets what the step does not take (edge step, nvict, npre,
     *                                  calculated), rather than normalising otherwise than asked
     */
    public static Map<String, String> of(PreEdgeParameters p) {
        EnergyControl energy = p.e0Ev() == null ? EnergyControl.fromFile()
                : EnergyControl.fromFile().withFixedE0(p.e0Ev());
        return of(p.withE0(null), energy);
    }

    /**
     * @return the step parameters for {@code p}'s ranges and nnorm and the energy scale and E0 of {@code energy};
     *         what is the step's default is left out
     * @throws IllegalArgumentException when {@code p} sets E0 (it belongs to {@code energy}) or what the step does
     *                                  not take
     */
    public static Map<String, String> of(PreEdgeParameters p, EnergyControl energy) {
        if (p.e0Ev() != null) {
            throw new IllegalArgumentException("E0 = " + p.e0Ev() + " eV is set in the pre-edge parameters; give it"
                    + " as the energy control's fixed E0");
        }
        Map<String, String> m = new LinkedHashMap<>(ranges(p));
        switch (energy.e0Mode()) {
            case FIXED -> put(m, E0_EV, energy.e0Ev());
            case AUTO -> m.put(E0_SOURCE, EnergyControl.E0Mode.AUTO.name());
            case FROM_FILE -> {
                // the step's default: left out, so a default pipeline stays the one earlier versions recorded
            }
        }
        if (energy.shiftEv() != 0) {
            put(m, SHIFT_EV, energy.shiftEv());
        }
        if (energy.calibrateReference()) {
            m.put(CALIBRATE_REFERENCE, "true");
            put(m, REFERENCE_EDGE_EV, energy.referenceEdgeEv());
        }
        return m;
    }

    /**
     * @return the energy control the normalise step's parameters stand for
     * @throws IllegalArgumentException when they set both a fixed E0 and an E0 source, or a reference edge energy
     *                                  without calibration
     */
    public static EnergyControl energyControl(StepParameters p) {
        Double e0 = p.number(E0_EV);
        String source = p.text(E0_SOURCE).orElse(null);
        if (e0 != null && source != null) {
            throw new IllegalArgumentException("step '" + p.stepName() + "': " + E0_EV + " = " + e0 + " fixes E0"
                    + " and " + E0_SOURCE + " = " + source + " chooses another; give one of them");
        }
        EnergyControl c = EnergyControl.fromFile();
        c = e0 != null ? c.withFixedE0(e0)
                : c.withE0Mode(source == null ? EnergyControl.E0Mode.FROM_FILE : EnergyControl.E0Mode.valueOf(source));
        Double shift = p.number(SHIFT_EV);
        return c.withShift(shift == null ? 0.0 : shift).withReferenceCalibration(p.bool(CALIBRATE_REFERENCE),
                p.number(REFERENCE_EDGE_EV));
    }

    private static Map<String, String> ranges(PreEdgeParameters p) {
        PreEdgeParameters auto = PreEdgeParameters.automatic();
        if (p.edgeStep() != null || p.nvict() != auto.nvict() || p.npre() != auto.npre()
                || p.calculated() != auto.calculated()) {
            throw new IllegalArgumentException("the normalise step takes E0, pre-/post-edge ranges and nnorm only,"
                    + " not " + p);
        }
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "pre1Ev", p.pre1Ev());
        put(m, "pre2Ev", p.pre2Ev());
        put(m, "norm1Ev", p.norm1Ev());
        put(m, "norm2Ev", p.norm2Ev());
        if (p.nnorm() != null) {
            m.put("nnorm", Integer.toString(p.nnorm()));
        }
        return m;
    }

    private static void put(Map<String, String> m, String name, Double value) {
        if (value != null) {
            // Double.toString reads back as the same double: the step normalises with exactly the value given
            m.put(name, Double.toString(value));
        }
    }
}

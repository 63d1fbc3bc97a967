/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.xanesml.preprocess.EnergyControl;
import org.xanesml.preprocess.PreEdgeParameters;
import org.xanesml.workflow.NormaliseParameters;
import org.xanesml.workflow.Pipeline;
import org.xanesml.workflow.StepNames;

import picocli.CommandLine.Option;

/**
 * E0, energy shift and reference calibration, shared by the commands that normalise ({@code classify},
 * {@code normalize}, {@code watch}); they become the normalise step's parameters, so the command line sets what a
 * pipeline document or the workbench would.
 */
final class EnergyOptions {
    /** What {@code --calibrate-reference} without a value stands for. */
    private static final String TABULATED = "tabulated";

    @Option(names = "--e0", paramLabel = "EV|auto|file", description = "Edge energy: a fixed E0 in eV (on the"
            + " shifted scale), 'auto' (found as Larch does) or 'file' (the E0 the file records, as normalize writes"
            + " it or Athena's bkg_e0; found as Larch does when it has none). Default: file.")
    String e0;

    @Option(names = "--shift", paramLabel = "EV", description = "Energy shift added to every energy before E0 is"
            + " found, eV.")
    Double shiftEv;

    @Option(names = "--calibrate-reference", arity = "0..1", paramLabel = "EV", fallbackValue = TABULATED,
            description = "Shift each scan so that its reference channel's edge (XDI murefer or ln(itrans/irefer))"
                    + " sits at EV, by default the tabulated K edge of the reference metal foil (Cu 8979 eV);"
                    + " the shift found is added to --shift.")
    String calibrateReference;

    /** @return true when any energy option was given */
    boolean given() {
        return e0 != null || shiftEv != null || calibrateReference != null;
    }

    /** @throws IllegalArgumentException naming the option and what it takes */
    EnergyControl control() {
        EnergyControl c = EnergyControl.fromFile();
        String e = e0 == null ? "file" : e0.strip().toLowerCase(Locale.ROOT);
        switch (e) {
            case "file" -> {
                // the default
            }
            case "auto" -> c = c.withE0Mode(EnergyControl.E0Mode.AUTO);
            default -> c = c.withFixedE0(number("--e0", e0, "an energy in eV, auto or file"));
        }
        if (shiftEv != null) {
            c = c.withShift(shiftEv);
        }
        if (calibrateReference != null) {
            c = c.withReferenceCalibration(true, calibrateReference.equals(TABULATED) ? null
                    : number("--calibrate-reference", calibrateReference, "the reference's edge energy in eV"));
        }
        return c;
    }

    private static double number(String option, String text, String expected) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + text + "': expected " + expected, e);
        }
    }

    /**
     * @return {@code pipeline} with these options on its normalise step, replacing the energy parameters it had
     * @throws IllegalArgumentException when options are given and the pipeline has no normalise step
     */
    Pipeline applyTo(Pipeline pipeline) {
        Map<String, String> energy = NormaliseParameters.of(PreEdgeParameters.automatic(), control());
        List<Pipeline.Step> steps = new ArrayList<>();
        boolean found = false;
        for (Pipeline.Step s : pipeline.steps()) {
            if (s.name().equals(StepNames.NORMALISE)) {
                found = true;
                Map<String, String> p = new LinkedHashMap<>(s.parameters());
                List.of(NormaliseParameters.E0_EV, NormaliseParameters.E0_SOURCE, NormaliseParameters.SHIFT_EV,
                        NormaliseParameters.CALIBRATE_REFERENCE, NormaliseParameters.REFERENCE_EDGE_EV)
                        .forEach(p::remove);
                p.putAll(energy);
                steps.add(new Pipeline.Step(s.name(), p));
            } else {
                steps.add(s);
            }
        }
        if (!found && given()) {
            throw new IllegalArgumentException("--e0, --shift and --calibrate-reference set the normalise step, and "
                    + pipeline + " has none");
        }
        return new Pipeline(pipeline.name(), pipeline.description(), steps);
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.internal.steps;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.xanesml.preprocess.EnergyGrid;
import org.xanesml.preprocess.Interpolation;
import org.xanesml.preprocess.InterpolationKind;
import org.xanesml.preprocess.Padding;
import org.xanesml.workflow.DataKind;
import org.xanesml.workflow.ParameterSpec;
import org.xanesml.workflow.ProcessingStep;
import org.xanesml.workflow.StepContext;
import org.xanesml.workflow.StepNames;
import org.xanesml.workflow.StepParameters;
import org.xanesml.workflow.WorkItem;

/** Puts spectra on a common energy grid, absolute or relative to E0 (which a normalise step must have found). */
@Component(service = ProcessingStep.class, property = "xanesml.step=" + StepNames.INTERPOLATE)
public final class InterpolateStep implements ProcessingStep {
    public static final String NAME = StepNames.INTERPOLATE;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Interpolate onto an evenly spaced energy grid (absolute, or relative to E0 after normalise)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.number("firstEv", "eV", -100000.0, 200000.0, -30.0, "first grid energy"),
                ParameterSpec.number("lastEv", "eV", -100000.0, 200000.0, 90.0, "last grid energy"),
                ParameterSpec.integer("count", 2, 100000, 241, "number of grid points"),
                ParameterSpec.bool("relativeToE0", true, "grid energies are relative to E0"),
                ParameterSpec.choice("kind", List.of("LINEAR", "CUBIC_SPLINE"), "LINEAR", "interpolation kind"));
    }

    @Override
    public DataKind inputKind() {
        return DataKind.NORMALIZED_SPECTRA;
    }

    @Override
    public DataKind outputKind() {
        return DataKind.NORMALIZED_SPECTRA;
    }

    @Override
    public WorkItem apply(WorkItem item, StepParameters parameters, StepContext context) {
        boolean relative = parameters.bool("relativeToE0");
        EnergyGrid grid = EnergyGrid.linear(parameters.number("firstEv"), parameters.number("lastEv"),
                parameters.integer("count"), relative);
        InterpolationKind kind = InterpolationKind.valueOf(parameters.requireText("kind"));
        return item.mapSpectra(r -> Steps.guard(r, NAME, () -> {
            if (relative && Double.isNaN(r.e0Ev())) {
                throw new IllegalStateException("E0 is unknown; put a normalise step before an E0-relative grid");
            }
            double[] e = grid.resolve(r.e0Ev());
            double[] y = Interpolation.interpolate(r.current().energyEv(), r.current().mu(), e, kind, Padding.ERROR);
            return r.withCurrent(Steps.withCurve(r.current(), e, y));
        }));
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.internal.steps;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.xanesml.preprocess.Deglitching;
import org.xanesml.workflow.DataKind;
import org.xanesml.workflow.ParameterSpec;
import org.xanesml.workflow.ProcessingStep;
import org.xanesml.workflow.SpectrumRecord;
import org.xanesml.workflow.StepContext;
import org.xanesml.workflow.StepNames;
import org.xanesml.workflow.StepParameters;
import org.xanesml.workflow.WorkItem;

/** Removes isolated spikes (median filter); points are dropped, never replaced by invented values. */
@Component(service = ProcessingStep.class, property = "xanesml.step=" + StepNames.DEGLITCH)
public final class DeglitchStep implements ProcessingStep {
    public static final String NAME = StepNames.DEGLITCH;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Remove glitch points that differ from their running median by more than a threshold";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.integer("window", 3, 51, 5, "odd median window, points"),
                ParameterSpec.number("threshold", "robust sd", 1.0, 100.0, 8.0,
                        "robust standard deviations of the point-to-point noise beyond which a point is a glitch"));
    }

    @Override
    public DataKind inputKind() {
        return DataKind.SPECTRA;
    }

    @Override
    public DataKind outputKind() {
        return DataKind.SPECTRA;
    }

    @Override
    public WorkItem apply(WorkItem item, StepParameters parameters, StepContext context) {
        int window = parameters.integer("window");
        double threshold = parameters.number("threshold");
        return item.mapSpectra(r -> Steps.guard(r, NAME, () -> {
            Deglitching.Result d = Deglitching.removeSpikes(r.current().energyEv(), r.current().mu(), window,
                    threshold);
            SpectrumRecord out = r.withCurrent(Steps.withCurve(r.current(), d.curve().x(), d.curve().y()));
            int removed = d.removedIndices().length;
            return removed == 0 ? out : out.withWarnings(List.of(r.id() + ": deglitch removed " + removed
                    + " point(s) " + java.util.Arrays.toString(d.removedIndices())));
        }));
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.internal.steps;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.xanesml.core.Spectrum;
import org.xanesml.io.SpectrumReaders;
import org.xanesml.preprocess.Alignment;
import org.xanesml.preprocess.Curve;
import org.xanesml.workflow.DataKind;
import org.xanesml.workflow.ParameterSpec;
import org.xanesml.workflow.ProcessingStep;
import org.xanesml.workflow.StepContext;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepNames;
import org.xanesml.workflow.StepParameters;
import org.xanesml.workflow.WorkItem;

/** Shifts each spectrum's energies so its derivative matches a reference spectrum (e.g. a foil measured alongside). */
@Component(service = ProcessingStep.class, property = "xanesml.step=" + StepNames.ALIGN)
public final class AlignStep implements ProcessingStep {
    public static final String NAME = StepNames.ALIGN;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Align energies to a reference spectrum by matching derivatives (shift, optionally scale)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.text("reference", ParameterSpec.Type.PATH, true, null,
                "file holding the reference spectrum (its first spectrum is used)"),
                ParameterSpec.number("maxShiftEv", "eV", 0.01, 100.0, 10.0, "largest shift searched"),
                ParameterSpec.bool("fitScale", false, "also fit an amplitude factor on the derivative"));
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
    public WorkItem apply(WorkItem item, StepParameters parameters, StepContext context) throws StepException {
        String ref = parameters.requireText("reference");
        Curve reference = context.shared("align.reference:" + ref, Curve.class, () -> {
            try {
                Spectrum s = SpectrumReaders.read(Path.of(ref)).get(0);
                return new Curve(s.energyEv(), s.mu());
            } catch (IOException e) {
                throw new StepException("alignment reference " + ref + " cannot be read: " + e.getMessage(), e);
            }
        });
        Alignment.Options options = Alignment.Options.shiftOnly(parameters.number("maxShiftEv"))
                .withScale(parameters.bool("fitScale"));
        return item.mapSpectra(r -> Steps.guard(r, NAME, () -> {
            Spectrum s = r.current();
            Alignment.Result a = Alignment.align(reference, new Curve(s.energyEv(), s.mu()), options);
            return r.withCurrent(Steps.withCurve(s, a.apply(s.energyEv()), s.mu())).withWarnings(List.of(String
                    .format(Locale.ROOT, "%s: aligned by %+.3f eV (rms %.3g)", r.id(), a.shiftEv(), a.rms())));
        }));
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.internal.steps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.xanesml.classify.EnergyReference;
import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;
import org.xanesml.io.ReferenceChannels;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.preprocess.EnergyControl;
import org.xanesml.preprocess.NormalizationResult;
import org.xanesml.preprocess.NormalizationWorkspace;
import org.xanesml.preprocess.PreEdgeParameters;
import org.xanesml.preprocess.PreprocessingResult;
import org.xanesml.preprocess.Preprocessor;
import org.xanesml.preprocess.XanesShape;
import org.xanesml.preprocess.recipe.AlreadyNormalizedPolicy;
import org.xanesml.preprocess.recipe.CalibrateStep;
import org.xanesml.preprocess.recipe.NormalizeStep;
import org.xanesml.preprocess.recipe.NormalizedOutput;
import org.xanesml.preprocess.recipe.Recipe;
import org.xanesml.workflow.DataKind;
import org.xanesml.workflow.NormaliseParameters;
import org.xanesml.workflow.ParameterSpec;
import org.xanesml.workflow.ProcessingFields;
import org.xanesml.workflow.ProcessingStep;
import org.xanesml.workflow.StepContext;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepNames;
import org.xanesml.workflow.StepParameters;
import org.xanesml.workflow.WorkItem;

/**
 * Larch pre-edge/post-edge normalisation (org.xanesml.preprocess). The result records E0 under
 * {@link EnergyReference#E0_KEY}, so classifiers whose grid is relative to E0 can place the spectrum, and E0, edge
 * step and recipe under the {@link ProcessingFields} keys, so written files say how they were made. A spectrum that
 * shows no XANES ({@link XanesShape}: a featureless step, a ramp, an inverted edge, an edge far from the absorber's
 * tabulated K edge) is still normalised, with the reason among the row's warnings; classification then refuses it.
 */
@Component(service = ProcessingStep.class, property = "xanesml.step=" + StepNames.NORMALISE)
public final class NormaliseStep implements ProcessingStep {
    public static final String NAME = StepNames.NORMALISE;

    /** One per runner thread and per component instance; a workspace is never shared between threads. */
    private final ThreadLocal<NormalizationWorkspace> workspaces = ThreadLocal.withInitial(NormalizationWorkspace::new);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Edge-step normalise as Larch pre_edge does: find E0, fit pre-edge line and post-edge polynomial";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.number(NormaliseParameters.E0_EV, "eV", 0.0, 200000.0, null,
                        "fixed edge energy, on the shifted scale; unset: by " + NormaliseParameters.E0_SOURCE),
                ParameterSpec.choice(NormaliseParameters.E0_SOURCE, List.of("FROM_FILE", "AUTO"), null,
                        "E0 without a fixed one: the file's (the E0 normalize wrote, an Athena project's bkg_e0),"
                                + " found as Larch does when the file has none (FROM_FILE, the default); or always"
                                + " found (AUTO)"),
                ParameterSpec.number(NormaliseParameters.SHIFT_EV, "eV", -EnergyControl.MAX_SHIFT_EV,
                        EnergyControl.MAX_SHIFT_EV, null, "energy shift added to every energy before E0 is found"),
                ParameterSpec.bool(NormaliseParameters.CALIBRATE_REFERENCE, false, "shift the scan so that its"
                        + " reference channel's edge (XDI murefer or ln(itrans/irefer)) sits at the reference's edge"
                        + " energy"),
                ParameterSpec.number(NormaliseParameters.REFERENCE_EDGE_EV, "eV", 0.0, 200000.0, null,
                        "edge energy of the reference; unset: the tabulated K edge of its element (metal foil)"),
                ParameterSpec.number("pre1Ev", "eV", -2000.0, 0.0, null,
                        "start of the pre-edge fit range relative to E0; automatic when unset"),
                ParameterSpec.number("pre2Ev", "eV", -2000.0, 0.0, null, "end of the pre-edge fit range"),
                ParameterSpec.number("norm1Ev", "eV", 0.0, 5000.0, null, "start of the post-edge fit range"),
                ParameterSpec.number("norm2Ev", "eV", 0.0, 5000.0, null, "end of the post-edge fit range"),
                ParameterSpec.integer("nnorm", 0, PreEdgeParameters.MAX_NNORM, null,
                        "post-edge polynomial degree; automatic when unset"),
                ParameterSpec.choice("output", List.of("NORM", "FLAT"), "NORM",
                        "normalised mu (NORM) or with the post-edge curvature removed (FLAT)"),
                ParameterSpec.choice("alreadyNormalized", List.of("SKIP", "NORMALIZE", "FAIL"), "SKIP",
                        "what to do with spectra their source already normalised"),
                ParameterSpec.bool("requireEdge", true, "fail spectra without a clear edge"));
    }

    @Override
    public DataKind inputKind() {
        return DataKind.SPECTRA;
    }

    @Override
    public DataKind outputKind() {
        return DataKind.NORMALIZED_SPECTRA;
    }

    /** @return the recipe: shift the energies by {@code shiftEv}, then normalise with E0 {@code e0Ev} (null: find) */
    private static Recipe recipe(StepParameters p, double shiftEv, Double e0Ev) {
        Integer nnorm = p.text("nnorm").map(Integer::valueOf).orElse(null);
        PreEdgeParameters pre = PreEdgeParameters.automatic().withE0(e0Ev)
                .withPreEdgeRange(p.number("pre1Ev"), p.number("pre2Ev"))
                .withNormRange(p.number("norm1Ev"), p.number("norm2Ev")).withNnorm(nnorm);
        NormalizeStep normalize = new NormalizeStep(pre, NormalizedOutput.valueOf(p.requireText("output")),
                AlreadyNormalizedPolicy.valueOf(p.requireText("alreadyNormalized")), p.bool("requireEdge"));
        // the shift is a recipe step, so the recipe written with the spectrum reproduces it
        return shiftEv == 0 ? Recipe.of("xanesml normalise", normalize)
                : Recipe.of("xanesml normalise", new CalibrateStep(shiftEv), normalize);
    }

    @Override
    public WorkItem apply(WorkItem item, StepParameters parameters, StepContext context) throws StepException {
        EnergyControl control;
        try {
            control = NormaliseParameters.energyControl(parameters);
        } catch (IllegalArgumentException e) {
            throw new StepException(e.getMessage(), e);
        }
        Map<String, Spectrum> references = control.calibrateReference() ? references(item) : Map.of();
        // runner threads each keep one workspace, so a batch normalises without allocating working memory per file
        NormalizationWorkspace workspace = workspaces.get();
        return item.mapSpectra(r -> Steps.guard(r, NAME, () -> {
            Spectrum reference = references.get(r.id());
            if (control.calibrateReference() && reference == null) {
                throw new IllegalArgumentException("the file's reference channel has no spectrum '" + r.id()
                        + "'; calibrate it on its own");
            }
            EnergyScale energy = EnergyScale.resolve(control, r.current(), reference, workspace);
            Recipe recipe = recipe(parameters, energy.shiftEv(), energy.e0Ev());
            NormalizeStep step = (NormalizeStep) recipe.steps().get(recipe.steps().size() - 1);
            PreprocessingResult result = Preprocessor.run(r.current(), recipe, workspace);
            NormalizationResult n = result.normalization().orElse(null);
            double e0 = result.e0Ev();
            String e0Text = ProcessingFields.e0(e0);
            // The values Larch used, not the request: the line replays this normalisation exactly.
            String recipeLine = n != null ? NormaliseParameters.recipeLine(n.details(), step, energy.shiftEv())
                    : NormaliseParameters.recipeLine(step.parameters(), step, energy.shiftEv());
            Spectrum.Builder b = r.current().toBuilder().energyEv(result.energyEv()).mu(result.values())
                    .muScale(MuScale.EDGE_NORMALIZED).metadata(EnergyReference.E0_KEY, e0Text)
                    .metadata(ProcessingFields.RECIPE, recipeLine).metadata(ProcessingFields.E0, e0Text)
                    .metadata(ProcessingFields.ENERGY, energy.describe(e0Text))
                    .metadata(ProcessingFields.ENERGY_SHIFT, ProcessingFields.energyShift(energy.shiftEv()));
            if (n != null) {
                b.metadata(ProcessingFields.EDGE_STEP, ProcessingFields.edgeStep(n.edgeStep()));
            }
            List<String> warnings = new ArrayList<>();
            XanesShape.Result shape = n != null ? XanesShape.check(n, kEdgeEv(r.current()))
                    : XanesShape.check(result.energyEv(), result.values(), e0, kEdgeEv(r.current()));
            if (!shape.isXanes()) {
                warnings.add(r.id() + ": not a XANES spectrum: " + shape.reason());
            }
            if (n != null) {
                n.repairs().forEach(w -> warnings.add(r.id() + ": " + w));
                n.warnings().forEach(w -> warnings.add(r.id() + ": " + w));
            } else {
                warnings.add(r.id() + ": already edge-normalised by its source (" + result.state()
                        + "); only E0 determined");
            }
            return r.withNormalization(b.build(), n, e0).withShape(shape).withWarnings(warnings);
        }));
    }

    /**
     * @return the reference channel of each spectrum of the item's file, by spectrum id
     * @throws StepException when the file records none, saying what calibration needs
     */
    private static Map<String, Spectrum> references(WorkItem item) throws StepException {
        try {
            Map<String, Spectrum> out = new HashMap<>();
            ReferenceChannels.read(item.source()).forEach(s -> out.put(s.id(), s));
            return out;
        } catch (SpectrumReadException e) {
            throw new StepException(e.getMessage() + "; calibration against the reference needs it (or give the"
                    + " shift itself)", e);
        }
    }

    /** @return the tabulated K-edge energy of the absorber (NaN when unknown, or for another edge) */
    private static double kEdgeEv(Spectrum s) {
        return s.edge().orElse(Edge.K) == Edge.K ? s.absorber().map(Element::kEdgeEnergyEv).orElse(Double.NaN)
                : Double.NaN;
    }
}

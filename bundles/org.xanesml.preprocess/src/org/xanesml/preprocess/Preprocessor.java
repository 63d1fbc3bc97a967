/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.xanesml.core.Spectrum;
import org.xanesml.preprocess.recipe.AlreadyNormalizedPolicy;
import org.xanesml.preprocess.recipe.CalibrateStep;
import org.xanesml.preprocess.recipe.DeglitchStep;
import org.xanesml.preprocess.recipe.DerivativeStep;
import org.xanesml.preprocess.recipe.GridKind;
import org.xanesml.preprocess.recipe.GridPadding;
import org.xanesml.preprocess.recipe.InterpolateStep;
import org.xanesml.preprocess.recipe.NormalizeStep;
import org.xanesml.preprocess.recipe.NormalizedOutput;
import org.xanesml.preprocess.recipe.RebinStep;
import org.xanesml.preprocess.recipe.Recipe;
import org.xanesml.preprocess.recipe.RecipeStep;
import org.xanesml.preprocess.recipe.RemovePointsStep;
import org.xanesml.preprocess.recipe.SmoothStep;
import org.xanesml.preprocess.recipe.SmoothingMethod;

/**
 * Runs a {@link Recipe} on spectra. Pure: no state between calls, safe to use from many threads at once.
 */
public final class Preprocessor {
    private Preprocessor() {
    }

    /**
     * @throws PreprocessingException (or a subclass) naming the spectrum and the step that could not be applied
     */
    public static PreprocessingResult run(Spectrum spectrum, Recipe recipe) {
        return run(spectrum, recipe, new NormalizationWorkspace());
    }

    /**
     * The same reusing a thread's workspace for the normalisation step (one workspace per thread; the numbers do
     * not depend on it).
     */
    public static PreprocessingResult run(Spectrum spectrum, Recipe recipe, NormalizationWorkspace workspace) {
        String id = spectrum.id();
        double[] x = spectrum.energyEv();
        double[] y = spectrum.mu();
        double e0 = Double.NaN;
        NormalizationResult normalization = null;
        NormalizationState state = NormalizationState.of(spectrum);
        List<String> log = new ArrayList<>();
        int index = 0;
        for (RecipeStep step : recipe.steps()) {
            index++;
            String where = id + ", step " + index + " " + step.describe();
            try {
                if (step instanceof DeglitchStep d) {
                    Deglitching.Result r = Deglitching.removeSpikes(x, y, d.window(), d.threshold());
                    x = r.curve().x();
                    y = r.curve().y();
                    log.add(where + ": removed " + r.removedIndices().length + " glitch point(s) "
                            + java.util.Arrays.toString(r.removedIndices()));
                } else if (step instanceof RemovePointsStep d) {
                    Deglitching.Result r = Deglitching.removePoints(x, y, d.indices());
                    x = r.curve().x();
                    y = r.curve().y();
                    log.add(where + ": removed " + r.removedIndices().length + " point(s)");
                } else if (step instanceof CalibrateStep c) {
                    for (int i = 0; i < x.length; i++) {
                        x[i] += c.shiftEv();
                    }
                    if (!Double.isNaN(e0)) {
                        e0 += c.shiftEv();
                    }
                    log.add(where + ": energies shifted");
                } else if (step instanceof RebinStep r) {
                    Rebinning.Result b = Rebinning.rebin(x, y, r.widthEv());
                    x = b.curve().x();
                    y = b.curve().y();
                    log.add(where + ": " + x.length + " bins");
                } else if (step instanceof SmoothStep s) {
                    y = s.method() == SmoothingMethod.SAVITZKY_GOLAY ? Smoothing.savitzkyGolay(y, s.window(), s.order())
                            : Smoothing.convolve(x, y, s.fwhmEv(), s.method() == SmoothingMethod.GAUSSIAN
                                    ? Smoothing.Shape.GAUSSIAN
                                    : Smoothing.Shape.LORENTZIAN);
                    log.add(where + ": smoothed");
                } else if (step instanceof NormalizeStep n) {
                    boolean skip = !state.needsNormalization();
                    if (skip && n.alreadyNormalized() == AlreadyNormalizedPolicy.FAIL) {
                        throw new PreprocessingException(where + ": spectrum is already edge-normalised (" + state
                                + ") and the recipe forbids normalising it again");
                    }
                    if (skip && n.alreadyNormalized() == AlreadyNormalizedPolicy.SKIP) {
                        // A given E0 holds here too (as pre_edge takes it, when inside the data): an already
                        // normalised file's E0 is as much the operator's choice as a raw one's
                        Double given = n.parameters().e0Ev();
                        e0 = given != null && given >= x[0] && given <= x[x.length - 1] ? given
                                : n.parameters().calculated() ? XanesNormalization.findE0Calculated(id, x, y)
                                        : XanesNormalization.findE0(id, x, y, workspace);
                        log.add(where + ": skipped, spectrum is " + state + "; e0 = " + e0 + " eV");
                    } else {
                        NormalizationResult r = XanesNormalization.preEdge(id, x, y, n.parameters(), workspace);
                        if (n.requireEdge()) {
                            XanesNormalization.requireEdge(r);
                        }
                        normalization = r;
                        e0 = r.e0Ev();
                        x = r.energyEv();
                        y = n.output() == NormalizedOutput.FLAT ? r.flat() : r.norm();
                        log.add(where + ": e0 = " + e0 + " eV, edge step = " + r.edgeStep());
                        r.repairs().forEach(s -> log.add(where + ": repair: " + s));
                        r.warnings().forEach(s -> log.add(where + ": warning: " + s));
                    }
                } else if (step instanceof InterpolateStep g) {
                    double[] grid = g.grid().resolve(e0);
                    y = Interpolation.interpolate(x, y, grid,
                            g.kind() == GridKind.CUBIC_SPLINE ? InterpolationKind.CUBIC_SPLINE : InterpolationKind.LINEAR,
                            g.padding() == GridPadding.EDGE_VALUES ? Padding.EDGE_VALUES : Padding.ERROR);
                    x = grid;
                    log.add(where + ": " + x.length + " grid points");
                } else if (step instanceof DerivativeStep d) {
                    y = d.order() == 1 ? Derivatives.first(x, y) : Derivatives.second(x, y);
                    log.add(where + ": derivative taken");
                } else {
                    throw new PreprocessingException(where + ": unknown step type " + step.getClass().getName());
                }
            } catch (OutOfDataRangeException e) {
                throw new OutOfDataRangeException(where + ": " + e.getMessage());
            } catch (TooFewPointsException e) {
                throw new TooFewPointsException(where + ": " + e.getMessage(), e.points(), e.required());
            } catch (NoEdgeException e) {
                throw new NoEdgeException(where + ": " + e.getMessage());
            }
        }
        return new PreprocessingResult(id, new Curve(x, y), e0, Optional.ofNullable(normalization), state, recipe, log);
    }
}

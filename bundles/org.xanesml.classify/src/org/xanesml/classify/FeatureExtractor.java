/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.Objects;

import org.xanesml.core.Spectrum;
import org.xanesml.preprocess.Derivatives;
import org.xanesml.preprocess.Interpolation;
import org.xanesml.preprocess.InterpolationKind;
import org.xanesml.preprocess.Padding;
import org.xanesml.preprocess.Smoothing;
import org.xanesml.preprocess.XanesNormalization;

/**
 * Turns spectra into feature vectors by a {@link FeatureRecipe}. Stateless and thread-safe. The numerics (edge
 * energy, interpolation, smoothing, derivative) are the preprocess bundle's, so training and the product's
 * prediction path compute features with the same code.
 */
public final class FeatureExtractor {
    /** Grid points may lie this far outside the data and still count as covered (rounding of printed grids). */
    public static final double COVERAGE_TOLERANCE_EV = 0.05;
    /** Full width at half maximum of a Gaussian per unit standard deviation. */
    static final double FWHM_PER_SIGMA = 2.0 * Math.sqrt(2.0 * Math.log(2.0));

    private final FeatureRecipe recipe;
    private final double[] gridEv;

    public FeatureExtractor(FeatureRecipe recipe) {
        this.recipe = Objects.requireNonNull(recipe, "recipe");
        this.gridEv = recipe.gridEv();
    }

    public FeatureRecipe recipe() {
        return recipe;
    }

    /**
     * @return the absolute energy (eV) the recipe's grid is relative to for this spectrum
     * @throws FeatureException when the spectrum lacks the reference energy the recipe needs
     */
    public double referenceEnergyEv(Spectrum s) {
        String key = recipe.reference().metadataKey();
        if (key == null) {
            return 0.0;
        }
        if (recipe.reference() == EnergyReference.EDGE_E0 && s.metadata(key).isEmpty()) {
            // no E0 from preprocessing: Larch's find_e0, the same rule the training spectra were placed by
            return XanesNormalization.findE0(s);
        }
        String v = s.metadata(key).orElseThrow(() -> new FeatureException(s.id() + ": the model's grid is relative to "
                + recipe.reference() + " but the spectrum has no metadata '" + key + "'"));
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new FeatureException(s.id() + ": metadata '" + key + "' = '" + v + "' is not a number of eV");
        }
    }

    /** @return how many grid points the spectrum's energy range does not cover. */
    public int uncoveredPoints(Spectrum s) {
        double ref = referenceEnergyEv(s);
        double[] rel = relativeEnergies(s, ref);
        double lo = rel[0] - COVERAGE_TOLERANCE_EV;
        double hi = rel[rel.length - 1] + COVERAGE_TOLERANCE_EV;
        int n = 0;
        for (double t : gridEv) {
            if (t < lo || t > hi) {
                n++;
            }
        }
        return n;
    }

    /** @return the feature vector (held end values where the grid is not covered; check {@link #uncoveredPoints}). */
    public double[] extract(Spectrum s) {
        double ref = referenceEnergyEv(s);
        double[] rel = relativeEnergies(s, ref);
        double[] mu = s.mu();
        if (recipe.smoothingSigmaEv() > 0) {
            mu = Smoothing.convolve(rel, mu, recipe.smoothingSigmaEv() * FWHM_PER_SIGMA, Smoothing.Shape.GAUSSIAN);
        }
        // flat end values where the grid is not covered: callers check uncoveredPoints and decide
        double[] onGrid = Interpolation.interpolate(rel, mu, gridEv, InterpolationKind.LINEAR, Padding.EDGE_VALUES);
        return assemble(onGrid);
    }

    /**
     * Builds the feature vector from mu already on the recipe's grid. Values are rounded to single precision: the
     * spectra carry at most 6 significant digits, and instance-based learners (SMO keeps its training vectors, IBk
     * all of them) then store doubles with zero low mantissa bits, which halves the compressed model files.
     */
    public double[] assemble(double[] muOnGrid) {
        if (muOnGrid.length != gridEv.length) {
            throw new IllegalArgumentException("mu on grid has " + muOnGrid.length + " values, grid has "
                    + gridEv.length);
        }
        double[] out = new double[recipe.featureCount()];
        int k = 0;
        if (recipe.includeMu()) {
            for (int i = 0; i < muOnGrid.length; i++) {
                out[i] = (float) muOnGrid[i];
            }
            k = muOnGrid.length;
        }
        if (recipe.includeDerivative()) {
            double[] d = Derivatives.first(gridEv, muOnGrid);
            for (int i = 0; i < d.length; i++) {
                out[k + i] = (float) (d[i] * recipe.derivativeScale());
            }
            k += d.length;
        }
        if (recipe.includeSecondDerivative()) {
            double[] d2 = Derivatives.second(gridEv, muOnGrid);
            double scale = recipe.derivativeScale() * recipe.derivativeScale();
            for (int i = 0; i < d2.length; i++) {
                out[k + i] = (float) (d2[i] * scale);
            }
        }
        return out;
    }

    private static double[] relativeEnergies(Spectrum s, double refEv) {
        double[] e = s.energyEv();
        if (refEv != 0.0) {
            for (int i = 0; i < e.length; i++) {
                e[i] -= refEv;
            }
        }
        return e;
    }
}

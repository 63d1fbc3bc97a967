/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

    /**
     * @return how many grid points the spectrum's energy range does not cover (for a simulation, once the recipe's
     *         calibration has shifted it)
     */
    public int uncoveredPoints(Spectrum s) {
        return uncovered(placedEnergies(s));
    }

    /**
     * @return {lowest, highest} energy of a spectrum on the grid's axis, as the features see it (for a simulation,
     *         once the recipe's calibration has shifted it)
     */
    public double[] placedRangeEv(Spectrum s) {
        double[] rel = placedEnergies(s);
        return new double[] {rel[0], rel[rel.length - 1]};
    }

    private int uncovered(double[] rel) {
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

    /**
     * The features of a spectrum. A simulation (marked by its reader, {@link Spectrum#SIMULATION_KEY}) first gets the
     * recipe's simulation-to-experiment calibration (energy shift, Gaussian broadening), so training simulations and
     * measurements meet the grid on the measured energy scale; a measurement is placed as it comes.
     *
     * @return the feature vector (held end values where the grid is not covered; check {@link #uncoveredPoints}).
     * @throws FeatureException when the recipe renormalises and the spectrum has no edge step in its windows
     */
    public double[] extract(Spectrum s) {
        double[][] placed = placed(s);
        return features(s.id(), placed[0], placed[1]);
    }

    /**
     * The features of a spectrum and its white-line verdict ({@link #whiteLineProblem}) from one placement, one
     * renormalisation and one smoothing, which {@link #extract} and {@link #whiteLineProblem} would each repeat.
     *
     * @param features         as {@link #extract}
     * @param whiteLineProblem as {@link #whiteLineProblem}: null when the white line is within the training range
     */
    public record Checked(double[] features, String whiteLineProblem) {
    }

    /**
     * @return {@link #extract} and {@link #whiteLineProblem} of a spectrum at once
     * @throws FeatureException when the recipe renormalises and the spectrum has no edge step in its windows
     */
    public Checked extractChecked(Spectrum s) {
        return extractChecked(s, null);
    }

    /**
     * As {@link #extractChecked(Spectrum)}, taking the renormalised and smoothed curve from a cache when another
     * model of the same thread made it for this spectrum with the same placement, windows and smoothing.
     *
     * @param cache the thread's cache, or null for none
     */
    public Checked extractChecked(Spectrum s, SmoothedCurveCache cache) {
        double[][] placed = placed(s);
        FeatureRecipe.Renormalisation r = recipe.renormalisation();
        double[] curve;
        if (cache == null || !(recipe.smoothingSigmaEv() > 0)) {
            curve = curve(s.id(), placed[0], placed[1]);
        } else {
            // the white-line floor is a verdict on the curve, not part of it
            SmoothedCurveCache.Key key = new SmoothedCurveCache.Key(recipe.reference(), referenceEnergyEv(s),
                    calibrates(s) ? recipe.calibration() : null, r == null ? null : r.withWhiteLineMin(Double.NaN),
                    recipe.smoothingSigmaEv());
            curve = cache.get(s, key);
            if (curve == null) {
                curve = curve(s.id(), placed[0], placed[1]);
                cache.put(s, key, curve);
            }
        }
        double[] onGrid = sample(placed[0], curve);
        String problem = r == null || Double.isNaN(r.whiteLineMin()) ? null : whiteLineProblem(s.id(), whiteLine(onGrid));
        return new Checked(assemble(onGrid), problem);
    }

    /** @return whether the recipe's calibration applies to a spectrum: it has one and the spectrum is a simulation */
    public boolean calibrates(Spectrum s) {
        return recipe.calibration() != null && s.metadata(Spectrum.SIMULATION_KEY).isPresent();
    }

    /**
     * @return {energies on the grid's axis, mu}: relative to the reference and, for a simulation, after the
     *         calibration's shift and broadening
     */
    private double[][] placed(Spectrum s) {
        double[] rel = placedEnergies(s);
        double[] mu = s.mu();
        if (calibrates(s) && recipe.calibration().broadeningSigmaEv() > 0) {
            mu = Smoothing.convolve(rel, mu, recipe.calibration().broadeningSigmaEv() * FWHM_PER_SIGMA,
                    Smoothing.Shape.GAUSSIAN);
        }
        return new double[][] {rel, mu};
    }

    /** @return the spectrum's energies on the grid's axis: relative to the reference, a simulation shifted */
    private double[] placedEnergies(Spectrum s) {
        double[] rel = relativeEnergies(s, referenceEnergyEv(s));
        if (calibrates(s)) {
            double shiftEv = recipe.calibration().shiftEv();
            for (int i = 0; i < rel.length; i++) {
                rel[i] += shiftEv;
            }
        }
        return rel;
    }

    /** Renormalisation, smoothing and sampling: the steps every spectrum takes once it is on the grid's axis. */
    private double[] features(String id, double[] rel, double[] mu) {
        return assemble(muOnGrid(id, rel, mu));
    }

    private double[] muOnGrid(String id, double[] rel, double[] mu) {
        return sample(rel, curve(id, rel, mu));
    }

    /** @return mu renormalised and smoothed as the recipe says, on the spectrum's own (placed) energies */
    private double[] curve(String id, double[] rel, double[] mu) {
        if (recipe.renormalisation() != null) {
            mu = renormalise(id, rel, mu, recipe.renormalisation());
        }
        if (recipe.smoothingSigmaEv() > 0) {
            mu = Smoothing.convolve(rel, mu, recipe.smoothingSigmaEv() * FWHM_PER_SIGMA, Smoothing.Shape.GAUSSIAN);
        }
        return mu;
    }

    private double[] sample(double[] rel, double[] curve) {
        // flat end values where the grid is not covered: callers check uncoveredPoints and decide
        return Interpolation.interpolate(rel, curve, gridEv, InterpolationKind.LINEAR, Padding.EDGE_VALUES);
    }

    /**
     * @return the white line of a spectrum: its highest renormalised mu on the grid between the end of the pre-edge
     *         window and the end of the normalisation window (after calibration and smoothing, as the features see
     *         it); NaN when the recipe does not renormalise
     * @throws FeatureException when the spectrum has no edge step to renormalise by
     */
    public double whiteLineHeight(Spectrum s) {
        if (recipe.renormalisation() == null) {
            return Double.NaN;
        }
        double[][] placed = placed(s);
        return whiteLine(muOnGrid(s.id(), placed[0], placed[1]));
    }

    /**
     * @return why a spectrum lies outside the range of the training spectra by the recipe's white-line
     *         check, or null when it does not (or the recipe has no such check)
     */
    public String whiteLineProblem(Spectrum s) {
        FeatureRecipe.Renormalisation r = recipe.renormalisation();
        if (r == null || Double.isNaN(r.whiteLineMin())) {
            return null;
        }
        return whiteLineProblem(s.id(), whiteLineHeight(s));
    }

    private String whiteLineProblem(String id, double h) {
        FeatureRecipe.Renormalisation r = recipe.renormalisation();
        return h >= r.whiteLineMin() ? null : String.format(Locale.ROOT, "%s: no white line: its highest"
                + " renormalised mu over %.1f..%.1f eV is %.3f, below the lowest the model was trained on (%.3f);"
                + " a metal, or a spectrum unlike the training data", id, r.preHiEv(), r.normHiEv(), h,
                r.whiteLineMin());
    }

    private double whiteLine(double[] onGrid) {
        FeatureRecipe.Renormalisation r = recipe.renormalisation();
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < gridEv.length; i++) {
            if (gridEv[i] >= r.preHiEv() && gridEv[i] <= r.normHiEv()) {
                max = Math.max(max, onGrid[i]);
            }
        }
        return max;
    }

    /** Share of training spectra whose white line may lie below the floor {@link #withWhiteLineFloor} sets. */
    public static final double WHITE_LINE_QUANTILE = 0.005;

    /**
     * @return the recipe with its renormalisation's white-line floor set to the {@link #WHITE_LINE_QUANTILE} quantile
     *         of the white lines of the given training spectra (calibration included),
     *         like the applicability domain's thresholds, which are a quantile of spectra the model knows
     */
    public static FeatureRecipe withWhiteLineFloor(FeatureRecipe recipe, List<Spectrum> training) {
        FeatureRecipe.Renormalisation r = recipe.renormalisation();
        if (r == null) {
            throw new IllegalArgumentException("a white-line floor needs a renormalisation");
        }
        FeatureExtractor fx = new FeatureExtractor(recipe.withRenormalisation(r.withWhiteLineMin(Double.NaN)));
        double[] h = new double[training.size()];
        for (int i = 0; i < h.length; i++) {
            h[i] = fx.whiteLineHeight(training.get(i));
        }
        Arrays.sort(h);
        double floor = Math.round(Metrics.quantile(h, WHITE_LINE_QUANTILE) * 1e4) / 1e4;
        return recipe.withRenormalisation(r.withWhiteLineMin(floor));
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

    /**
     * The recipe's edge-step convention: (mu - A) / (B - A) with A, B the means of the linearly interpolated spectrum
     * over the pre-edge and post-edge windows.
     *
     * @throws FeatureException when B - A is not positive (no edge step: a flat or inverted spectrum)
     */
    static double[] renormalise(String id, double[] energyEv, double[] mu, FeatureRecipe.Renormalisation r) {
        double a = meanOver(energyEv, mu, r.preLoEv(), r.preHiEv());
        double b = meanOver(energyEv, mu, r.normLoEv(), r.normHiEv());
        double step = b - a;
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new FeatureException(String.format(Locale.ROOT, "%s: no edge step to renormalise by: mean mu %.4g"
                    + " over %.2f..%.2f eV is not above the pre-edge level %.4g over %.2f..%.2f eV", id, b,
                    r.normLoEv(), r.normHiEv(), a, r.preLoEv(), r.preHiEv()));
        }
        double[] out = new double[mu.length];
        for (int i = 0; i < mu.length; i++) {
            out[i] = (mu[i] - a) / step;
        }
        return out;
    }

    /**
     * @return the mean of the piecewise-linear interpolant of (e, y) over [lo, hi] (its integral divided by hi - lo),
     *         with the end values held outside the data, as the grid interpolation does
     */
    static double meanOver(double[] e, double[] y, double lo, double hi) {
        double integral = 0;
        double from = lo;
        // the held end value before the data
        if (from < e[0]) {
            double to = Math.min(hi, e[0]);
            integral += y[0] * (to - from);
            from = to;
        }
        for (int i = 1; i < e.length && from < hi; i++) {
            if (e[i] <= from) {
                continue;
            }
            double to = Math.min(hi, e[i]);
            double slope = (y[i] - y[i - 1]) / (e[i] - e[i - 1]);
            double ya = y[i - 1] + slope * (from - e[i - 1]);
            double yb = y[i - 1] + slope * (to - e[i - 1]);
            integral += 0.5 * (ya + yb) * (to - from);
            from = to;
        }
        if (from < hi) {
            integral += y[y.length - 1] * (hi - from);
        }
        return integral / (hi - lo);
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

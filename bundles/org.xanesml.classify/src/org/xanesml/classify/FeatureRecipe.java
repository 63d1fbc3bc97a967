/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * How a spectrum becomes a feature vector: interpolate mu onto {@code gridEv} (relative to {@code reference}),
 * optionally smooth first, optionally append dmu/dE on the same grid. The recipe travels inside a model bundle so a
 * prediction uses exactly the features the model was trained on.
 *
 * @param reference       what the grid energies are relative to
 * @param gridEv          increasing grid energies in eV (relative to the reference)
 * @param includeMu       whether mu values are features
 * @param includeDerivative whether dmu/dE values are features (appended after mu)
 * @param derivativeScale multiplies dmu/dE so it has a magnitude comparable with mu (1 keeps it as is)
 * @param smoothingSigmaEv Gaussian smoothing applied before interpolation; 0 for none
 * @param includeSecondDerivative whether d2mu/dE2 values are features (appended last, scaled by derivativeScale
 *                        squared); Larch's d2mude, the derivative of dmu/dE
 * @param renormalisation one edge-step convention applied to every spectrum (training and classified) before
 *                        smoothing and sampling, or null for none (the spectra are used at the height their source
 *                        or the normalise step gave them, as in the first model files)
 * @param calibration     the simulation-to-experiment calibration applied to simulated spectra (marked by their
 *                        reader with {@link org.xanesml.core.Spectrum#SIMULATION_KEY}) before they meet the grid, or
 *                        null for none; measured spectra are placed as they come
 */
public record FeatureRecipe(EnergyReference reference, double[] gridEv, boolean includeMu, boolean includeDerivative,
        double derivativeScale, double smoothingSigmaEv, boolean includeSecondDerivative,
        Renormalisation renormalisation, Calibration calibration) {

    /**
     * Divides (mu - pre-edge level) by its mean over a post-edge window, so spectra normalised by different rules
     * (FDMNES simulations by their source over 75 eV, measured ones by Larch over a long post-edge) reach the features
     * at the same height. Levels are means of the linearly interpolated spectrum over each window (exact integrals,
     * so they do not depend on the sampling). Both windows are on the grid's energy axis (absolute eV for an absolute
     * grid, relative to the reference otherwise) and must lie inside the grid, so a spectrum that covers the grid
     * covers them.
     *
     * <p>
     * On this scale a spectrum's white line is the highest mu' on the grid between the end of the pre-edge window and
     * the end of the normalisation window (after smoothing, as the features see it). {@code whiteLineMin} is the
     * applicability check that goes with it: a spectrum whose white line is lower than that of nearly all training
     * spectra (a metal foil, which has no white line, or a badly normalised scan) is unlike the training data.
     *
     * @param preLoEv      pre-edge window start
     * @param preHiEv      pre-edge window end
     * @param normLoEv     normalisation window start (post-edge)
     * @param normHiEv     normalisation window end
     * @param whiteLineMin lowest white line a classified spectrum may have, set from the training spectra
     *                     ({@link FeatureExtractor#withWhiteLineFloor}); NaN for no check
     */
    public record Renormalisation(double preLoEv, double preHiEv, double normLoEv, double normHiEv,
            double whiteLineMin) {
        public Renormalisation {
            if (!(preLoEv < preHiEv) || !(normLoEv < normHiEv) || !(preHiEv <= normLoEv)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "renormalisation windows must be"
                        + " increasing and the pre-edge one below the post-edge one: pre %s..%s eV, norm %s..%s eV",
                        preLoEv, preHiEv, normLoEv, normHiEv));
            }
        }

        /** Windows without a white-line check. */
        public Renormalisation(double preLoEv, double preHiEv, double normLoEv, double normHiEv) {
            this(preLoEv, preHiEv, normLoEv, normHiEv, Double.NaN);
        }

        /** @return these windows with the given white-line floor (NaN: no check) */
        public Renormalisation withWhiteLineMin(double min) {
            return new Renormalisation(preLoEv, preHiEv, normLoEv, normHiEv, min);
        }

        /** @return the convention in words, for descriptors and reports */
        public String describe() {
            return String.format(Locale.ROOT, "mu' = (mu - A) / (B - A), A = mean of mu over %.2f..%.2f eV, B = mean"
                    + " of mu over %.2f..%.2f eV (means of the linear interpolant; energies on the grid's axis);"
                    + " applied to every spectrum before smoothing and sampling", preLoEv, preHiEv, normLoEv,
                    normHiEv) + (Double.isNaN(whiteLineMin) ? "" : String.format(Locale.ROOT, "; a spectrum whose"
                            + " highest mu' on the grid over %.2f..%.2f eV is below %.3f (the white line of the"
                            + " training spectra, lowest %.1f%% left out) is unlike the training data", preHiEv,
                            normHiEv, whiteLineMin, 100 * FeatureExtractor.WHITE_LINE_QUANTILE));
        }
    }

    /**
     * How simulated training spectra are brought onto the energy scale (and resolution) of measurements: their
     * energies are shifted by {@code shiftEv} and their mu convolved with a Gaussian of {@code broadeningSigmaEv}
     * before renormalisation and sampling. Estimated from data (the basis says how and how well); applied only to
     * spectra marked as simulations ({@link org.xanesml.core.Spectrum#SIMULATION_KEY}), so the training, validation
     * and test simulations and any simulation classified later are placed alike, and measurements as they come.
     *
     * @param shiftEv           added to the energies of simulated spectra
     * @param shiftLowEv        lower end of the shift's 95% interval (NaN when not estimated)
     * @param shiftHighEv       upper end of the shift's 95% interval (NaN when not estimated)
     * @param broadeningSigmaEv standard deviation of the extra Gaussian broadening, eV; 0 for none
     * @param basis             how the numbers were estimated, in words
     */
    public record Calibration(double shiftEv, double shiftLowEv, double shiftHighEv, double broadeningSigmaEv,
            String basis) {
        public Calibration {
            if (!Double.isFinite(shiftEv) || !(broadeningSigmaEv >= 0) || !Double.isFinite(broadeningSigmaEv)) {
                throw new IllegalArgumentException("calibration shift must be finite and broadening >= 0 eV, got "
                        + shiftEv + " and " + broadeningSigmaEv);
            }
            basis = basis == null ? "" : basis;
        }

        /** @return a calibration given by hand (no interval) */
        public static Calibration of(double shiftEv, double broadeningSigmaEv, String basis) {
            return new Calibration(shiftEv, Double.NaN, Double.NaN, broadeningSigmaEv, basis);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Calibration c && Double.compare(c.shiftEv, shiftEv) == 0
                    && Double.compare(c.shiftLowEv, shiftLowEv) == 0 && Double.compare(c.shiftHighEv, shiftHighEv) == 0
                    && Double.compare(c.broadeningSigmaEv, broadeningSigmaEv) == 0 && c.basis.equals(basis);
        }

        @Override
        public int hashCode() {
            return Objects.hash(shiftEv, shiftLowEv, shiftHighEv, broadeningSigmaEv, basis);
        }
    }

    /** A recipe without the second derivative (the form of the first model files). */
    public FeatureRecipe(EnergyReference reference, double[] gridEv, boolean includeMu, boolean includeDerivative,
            double derivativeScale, double smoothingSigmaEv) {
        this(reference, gridEv, includeMu, includeDerivative, derivativeScale, smoothingSigmaEv, false);
    }

    /** A recipe without renormalisation or calibration (the form of model files before both existed). */
    public FeatureRecipe(EnergyReference reference, double[] gridEv, boolean includeMu, boolean includeDerivative,
            double derivativeScale, double smoothingSigmaEv, boolean includeSecondDerivative) {
        this(reference, gridEv, includeMu, includeDerivative, derivativeScale, smoothingSigmaEv,
                includeSecondDerivative, null, null);
    }

    public FeatureRecipe {
        Objects.requireNonNull(reference, "reference");
        gridEv = gridEv.clone();
        if (gridEv.length < 2) {
            throw new IllegalArgumentException("a feature grid needs >= 2 points, got " + gridEv.length);
        }
        for (int i = 1; i < gridEv.length; i++) {
            if (!(gridEv[i] > gridEv[i - 1])) {
                throw new IllegalArgumentException("feature grid must increase strictly; point " + i + " = "
                        + gridEv[i] + " eV follows " + gridEv[i - 1] + " eV");
            }
        }
        if (!includeMu && !includeDerivative && !includeSecondDerivative) {
            throw new IllegalArgumentException("a recipe must use mu, its derivative, its second derivative or some"
                    + " of them");
        }
        if (smoothingSigmaEv < 0 || !Double.isFinite(smoothingSigmaEv)) {
            throw new IllegalArgumentException("smoothing sigma must be >= 0 eV, got " + smoothingSigmaEv);
        }
        if (renormalisation != null && (renormalisation.preLoEv() < gridEv[0]
                || renormalisation.normHiEv() > gridEv[gridEv.length - 1])) {
            // inside the grid, so a spectrum covering the grid covers the windows and coverage stays one check
            throw new IllegalArgumentException(String.format(Locale.ROOT, "renormalisation windows %.2f..%.2f eV"
                    + " reach outside the grid %.2f..%.2f eV", renormalisation.preLoEv(), renormalisation.normHiEv(),
                    gridEv[0], gridEv[gridEv.length - 1]));
        }
    }

    /** mu only, no smoothing. */
    public static FeatureRecipe mu(EnergyReference reference, double[] gridEv) {
        return new FeatureRecipe(reference, gridEv, true, false, 1.0, 0.0);
    }

    @Override
    public double[] gridEv() {
        return gridEv.clone();
    }

    public int gridSize() {
        return gridEv.length;
    }

    /** @return the number of features a spectrum yields. */
    public int featureCount() {
        return blocks() * gridEv.length;
    }

    private int blocks() {
        return (includeMu ? 1 : 0) + (includeDerivative ? 1 : 0) + (includeSecondDerivative ? 1 : 0);
    }

    /** @return which block feature i is in: 0 mu, 1 dmu/dE, 2 d2mu/dE2 */
    private int blockOf(int i) {
        int b = i / gridEv.length;
        int[] present = new int[3];
        int k = 0;
        if (includeMu) {
            present[k++] = 0;
        }
        if (includeDerivative) {
            present[k++] = 1;
        }
        if (includeSecondDerivative) {
            present[k++] = 2;
        }
        if (i < 0 || b >= k) {
            throw new IndexOutOfBoundsException("feature " + i + " of " + featureCount());
        }
        return present[b];
    }

    /** @return a short name of feature i ("mu@12.25" or "dmu@12.25"), for ARFF headers and importance tables. */
    public String featureName(int i) {
        String prefix = switch (blockOf(i)) {
            case 0 -> "mu@";
            case 1 -> "dmu@";
            default -> "d2mu@";
        };
        return prefix + String.format(Locale.ROOT, "%.3f", gridEv[i % gridEv.length]);
    }

    /** @return grid energy (relative) of feature i. */
    public double featureEnergyEv(int i) {
        blockOf(i);
        return gridEv[i % gridEv.length];
    }

    public FeatureRecipe withDerivative(boolean on, double scale) {
        return new FeatureRecipe(reference, gridEv, includeMu, on, scale, smoothingSigmaEv, includeSecondDerivative,
                renormalisation, calibration);
    }

    /** @return this recipe with d2mu/dE2 features appended (or removed) */
    public FeatureRecipe withSecondDerivative(boolean on) {
        return new FeatureRecipe(reference, gridEv, includeMu, includeDerivative, derivativeScale, smoothingSigmaEv, on,
                renormalisation, calibration);
    }

    /** @return this recipe on every {@code stride}-th grid point (starting at the first): a coarser, smaller model. */
    public FeatureRecipe withGridStride(int stride) {
        return withGridStride(stride, Double.NaN, Double.NaN);
    }

    /**
     * @return this recipe on every {@code stride}-th grid point (starting at the first) plus every grid point within
     *         [keepLoEv, keepHiEv]: full resolution where the spectrum changes fastest (pre-edge and rising edge),
     *         coarse elsewhere. NaN bounds keep nothing extra.
     */
    public FeatureRecipe withGridStride(int stride, double keepLoEv, double keepHiEv) {
        if (stride < 1) {
            throw new IllegalArgumentException("grid stride must be >= 1, got " + stride);
        }
        if (keepLoEv > keepHiEv) {
            throw new IllegalArgumentException("full-resolution window " + keepLoEv + ".." + keepHiEv
                    + " eV: low end above high end");
        }
        double[] g = IntStream.range(0, gridEv.length)
                .filter(i -> i % stride == 0 || (gridEv[i] >= keepLoEv && gridEv[i] <= keepHiEv))
                .mapToDouble(i -> gridEv[i]).toArray();
        return new FeatureRecipe(reference, g, includeMu, includeDerivative, derivativeScale, smoothingSigmaEv,
                includeSecondDerivative, renormalisation, calibration);
    }

    /** @return this recipe on another grid (same reference, features, smoothing, renormalisation and calibration) */
    public FeatureRecipe withGridEv(double[] otherGridEv) {
        return new FeatureRecipe(reference, otherGridEv, includeMu, includeDerivative, derivativeScale,
                smoothingSigmaEv, includeSecondDerivative, renormalisation, calibration);
    }

    /**
     * @return this recipe with its grid continued past its last point, in the step between its last two points (energies
     *         rounded to 1 meV), up to {@code hiEv}: the longer stretch of spectrum an applicability domain may look at
     *         while the classifier keeps this grid
     * @throws IllegalArgumentException when {@code hiEv} does not reach one step past the grid's end
     */
    public FeatureRecipe withGridExtendedTo(double hiEv) {
        double last = gridEv[gridEv.length - 1];
        double step = last - gridEv[gridEv.length - 2];
        int extra = Double.isFinite(hiEv) ? (int) Math.floor((hiEv - last) / step + 1e-9) : 0;
        if (extra < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a longer grid must end at least one step"
                    + " (%.3f eV) past the grid's end %.3f eV, got %s eV", step, last, hiEv));
        }
        double[] g = Arrays.copyOf(gridEv, gridEv.length + extra);
        for (int i = 1; i <= extra; i++) {
            g[gridEv.length - 1 + i] = Math.round((last + i * step) * 1000) / 1000.0;
        }
        return withGridEv(g);
    }

    /** @return this recipe on the grid points within [loEv, hiEv] (relative energies), e.g. to drop the far tail. */
    public FeatureRecipe withWindow(double loEv, double hiEv) {
        double[] g = Arrays.stream(gridEv).filter(e -> e >= loEv && e <= hiEv).toArray();
        return new FeatureRecipe(reference, g, includeMu, includeDerivative, derivativeScale, smoothingSigmaEv,
                includeSecondDerivative, renormalisation, calibration);
    }

    public FeatureRecipe withSmoothing(double sigmaEv) {
        return new FeatureRecipe(reference, gridEv, includeMu, includeDerivative, derivativeScale, sigmaEv,
                includeSecondDerivative, renormalisation, calibration);
    }

    /** @return this recipe with the given renormalisation (null: none) */
    public FeatureRecipe withRenormalisation(Renormalisation r) {
        return new FeatureRecipe(reference, gridEv, includeMu, includeDerivative, derivativeScale, smoothingSigmaEv,
                includeSecondDerivative, r, calibration);
    }

    /** @return this recipe with the given simulation-to-experiment calibration (null: none) */
    public FeatureRecipe withCalibration(Calibration c) {
        return new FeatureRecipe(reference, gridEv, includeMu, includeDerivative, derivativeScale, smoothingSigmaEv,
                includeSecondDerivative, renormalisation, c);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureRecipe r && r.reference == reference && Arrays.equals(r.gridEv, gridEv)
                && r.includeMu == includeMu && r.includeDerivative == includeDerivative
                && Double.compare(r.derivativeScale, derivativeScale) == 0
                && Double.compare(r.smoothingSigmaEv, smoothingSigmaEv) == 0
                && r.includeSecondDerivative == includeSecondDerivative
                && Objects.equals(r.renormalisation, renormalisation) && Objects.equals(r.calibration, calibration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reference, Arrays.hashCode(gridEv), includeMu, includeDerivative, derivativeScale,
                smoothingSigmaEv, includeSecondDerivative, renormalisation, calibration);
    }

    @Override
    public String toString() {
        return "FeatureRecipe[" + reference + ", " + gridEv.length + " points " + gridEv[0] + ".."
                + gridEv[gridEv.length - 1] + " eV" + (includeMu ? ", mu" : "")
                + (includeDerivative ? ", dmu/dE x" + derivativeScale : "")
                + (includeSecondDerivative ? ", d2mu/dE2" : "")
                + (smoothingSigmaEv > 0 ? ", smoothed " + smoothingSigmaEv + " eV" : "")
                + (renormalisation != null ? ", renormalised " + renormalisation.preLoEv() + ".."
                        + renormalisation.preHiEv() + " / " + renormalisation.normLoEv() + ".."
                        + renormalisation.normHiEv() + " eV" : "")
                + (calibration != null ? ", simulations shifted " + calibration.shiftEv() + " eV"
                        + (calibration.broadeningSigmaEv() > 0 ? " and broadened " + calibration.broadeningSigmaEv()
                                + " eV" : "") : "") + "]";
    }
}

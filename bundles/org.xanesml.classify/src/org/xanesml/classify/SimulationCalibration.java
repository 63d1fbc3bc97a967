/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.xanesml.core.Element;
import org.xanesml.core.Spectrum;

/**
 * Estimates the energy offset between simulated training spectra and measurements from data: the median edge
 * position of measured references minus that of the simulations, with a bootstrap interval. Both sets are placed by
 * one rule, the half-height edge of the renormalised spectrum ({@link #halfHeightEdgeEv}), not Larch's maximum of
 * dmu/dE: that lands on the strong 1s-3d pre-edge peak of many FDMNES molecules (up to the edge step itself after
 * renormalisation), 10 eV below their edge, while the half-height crossing of the main rise is found in every one.
 */
public final class SimulationCalibration {
    /** The height, in renormalised units, whose crossing marks the edge. */
    public static final double EDGE_LEVEL = 0.5;

    private SimulationCalibration() {
    }

    /**
     * The half-height edge: from the maximum of mu in [loEv, hiEv] (the white line or the post-edge), walk down in
     * energy to the last point below {@link #EDGE_LEVEL} and interpolate the crossing linearly. A pre-edge peak that
     * reaches the level is below that point, so it does not move the edge.
     *
     * @param energyEv increasing energies
     * @param mu       renormalised mu (pre-edge level 0, post-edge mean 1)
     * @return the crossing energy, or NaN when mu never falls below the level before its maximum within the range
     */
    public static double halfHeightEdgeEv(double[] energyEv, double[] mu, double loEv, double hiEv) {
        int top = -1;
        for (int i = 0; i < energyEv.length; i++) {
            if (energyEv[i] >= loEv && energyEv[i] <= hiEv && (top < 0 || mu[i] > mu[top])) {
                top = i;
            }
        }
        if (top < 0 || !(mu[top] >= EDGE_LEVEL)) {
            return Double.NaN;
        }
        int j = top;
        while (j > 0 && energyEv[j - 1] >= loEv && mu[j - 1] >= EDGE_LEVEL) {
            j--;
        }
        if (j == 0 || energyEv[j - 1] < loEv) {
            return Double.NaN;
        }
        double f = (EDGE_LEVEL - mu[j - 1]) / (mu[j] - mu[j - 1]);
        return energyEv[j - 1] + f * (energyEv[j] - energyEv[j - 1]);
    }

    /**
     * The half-height edge of a spectrum on a recipe's energy axis (relative to its reference; no calibration) after
     * the recipe's renormalisation, searched between the end of the pre-edge window and the end of the normalisation
     * window.
     *
     * @throws FeatureException      when the spectrum has no edge step in the windows or lacks the reference energy
     * @throws IllegalArgumentException when the recipe does not renormalise
     */
    public static double edgeEv(Spectrum s, FeatureRecipe recipe) {
        FeatureRecipe.Renormalisation r = recipe.renormalisation();
        if (r == null) {
            throw new IllegalArgumentException("the half-height edge is measured on the renormalised spectrum: the"
                    + " recipe has no renormalisation");
        }
        FeatureExtractor fx = new FeatureExtractor(recipe);
        double ref = fx.referenceEnergyEv(s);
        double[] e = s.energyEv();
        for (int i = 0; i < e.length; i++) {
            e[i] -= ref;
        }
        double[] mu = FeatureExtractor.renormalise(s.id(), e, s.mu(), r);
        return halfHeightEdgeEv(e, mu, r.preHiEv(), r.normHiEv());
    }

    /**
     * The estimated offset and how well it is determined.
     *
     * @param shiftEv            measured median edge minus simulated median edge: add it to simulated energies
     * @param lowEv              2.5% bootstrap quantile of the shift
     * @param highEv             97.5% bootstrap quantile of the shift
     * @param simulatedMedianEv  median edge of the simulations
     * @param simulatedMadEv     median absolute deviation of the simulations' edges
     * @param simulated          simulations with an edge
     * @param measuredMedianEv   median edge of the measured references
     * @param measuredMadEv      median absolute deviation of their edges
     * @param measured           measured references with an edge
     * @param resamples          bootstrap resamples (each set resampled on its own)
     */
    public record Estimate(double shiftEv, double lowEv, double highEv, double simulatedMedianEv,
            double simulatedMadEv, int simulated, double measuredMedianEv, double measuredMadEv, int measured,
            int resamples) {

        /** @return the calibration this estimate gives, with a basis naming the data and the rule */
        public FeatureRecipe.Calibration calibration(double broadeningSigmaEv, String measuredSet,
                String simulatedSet) {
            return new FeatureRecipe.Calibration(round(shiftEv), round(lowEv), round(highEv), broadeningSigmaEv,
                    text(measuredSet, simulatedSet));
        }

        /** @return the estimate in words */
        public String text(String measuredSet, String simulatedSet) {
            return String.format(Locale.ROOT, "median half-height edge (E at mu' = %.1f on the main rise, after the"
                    + " recipe's renormalisation) of %d %s, %.2f eV (MAD %.2f), minus that of %d %s, %.2f eV"
                    + " (MAD %.2f); 95%% bootstrap interval of the difference %.2f..%.2f eV (%d resamples of each"
                    + " set)", EDGE_LEVEL, measured, measuredSet, measuredMedianEv, measuredMadEv, simulated,
                    simulatedSet, simulatedMedianEv, simulatedMadEv, lowEv, highEv, resamples);
        }

        private static double round(double v) {
            return Math.round(v * 100) / 100.0;
        }
    }

    /**
     * Median difference of the edges with a percentile bootstrap interval; spectra without an edge (NaN) are left out.
     *
     * @param simulatedEdgesEv edges of the simulated training spectra
     * @param measuredEdgesEv  edges of the measured references
     * @param resamples        bootstrap resamples
     * @param seed             bootstrap seed (the estimate is reproducible)
     */
    public static Estimate estimate(double[] simulatedEdgesEv, double[] measuredEdgesEv, int resamples, long seed) {
        double[] sim = finite(simulatedEdgesEv);
        double[] meas = finite(measuredEdgesEv);
        if (sim.length == 0 || meas.length == 0) {
            throw new IllegalArgumentException("a calibration needs edges of both simulated and measured spectra, got "
                    + sim.length + " and " + meas.length);
        }
        double simMedian = median(sim);
        double measMedian = median(meas);
        Random rnd = new Random(seed);
        double[] shifts = new double[resamples];
        double[] a = new double[sim.length];
        double[] b = new double[meas.length];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < a.length; i++) {
                a[i] = sim[rnd.nextInt(sim.length)];
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = meas[rnd.nextInt(meas.length)];
            }
            shifts[r] = median(b) - median(a);
        }
        Arrays.sort(shifts);
        return new Estimate(measMedian - simMedian, Metrics.quantile(shifts, 0.025), Metrics.quantile(shifts, 0.975),
                simMedian, mad(sim, simMedian), sim.length, measMedian, mad(meas, measMedian), meas.length, resamples);
    }

    /** Valences of the measured references a calibration uses: the ordinary oxidation states of 3d metals in minerals. */
    public static final Set<String> REFERENCE_VALENCES = Set.of("2", "3");

    /**
     * @return the rows of a measured reference table a calibration of {@code element} uses: single-site, confidence
     *         high or medium, valence 2 or 3 (no metals, no mixed valence)
     */
    public static List<MeasuredReferences.Row> referenceRows(MeasuredReferences refs, Element element) {
        return refs.rows().stream().filter(r -> r.element() == element && r.singleSite() && r.trusted()
                && REFERENCE_VALENCES.contains(r.oxidationState().strip())).toList();
    }

    /** @return how the reference set of {@link #referenceRows} is described in a calibration's basis */
    public static String referenceSet(Element element, String table) {
        return "measured single-site " + element + "(II)/" + element + "(III) references of " + table
                + " (confidence high or medium; read and normalised as xanesml classify does)";
    }

    /** @return the edges of spectra by {@link #edgeEv} (NaN where a spectrum has none) */
    public static double[] edges(List<Spectrum> spectra, FeatureRecipe recipe) {
        return spectra.stream().mapToDouble(s -> edgeEv(s, recipe)).toArray();
    }

    private static double[] finite(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static double mad(double[] v, double median) {
        return median(Arrays.stream(v).map(x -> Math.abs(x - median)).toArray());
    }
}

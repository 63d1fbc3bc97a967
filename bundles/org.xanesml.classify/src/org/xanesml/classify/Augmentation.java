/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.Random;

import org.xanesml.core.Spectrum;
import org.xanesml.preprocess.Smoothing;

/**
 * Perturbed copies of training spectra that imitate real measurements: an energy-calibration shift, extra Gaussian
 * broadening (resolution), additive noise and a small normalisation (edge-step) error. Each copy draws every
 * perturbation independently; {@code copies = 0} disables augmentation.
 *
 * @param copies           extra copies per training spectrum
 * @param shiftSigmaEv     standard deviation of the energy shift, eV
 * @param broadeningMaxEv  Gaussian broadening sigma drawn uniformly from [0, this], eV
 * @param noiseSigma       standard deviation of additive noise, in edge-step units
 * @param scaleSigma       standard deviation of the relative scale error of mu
 * @param seed             random seed, so augmented training is reproducible
 */
public record Augmentation(int copies, double shiftSigmaEv, double broadeningMaxEv, double noiseSigma,
        double scaleSigma, long seed) {

    public static final Augmentation NONE = new Augmentation(0, 0, 0, 0, 0, 0);
    /** The seed of {@link #noiseOnly}: one command line or configuration builds one domain. */
    private static final long NOISE_ONLY_SEED = 17;

    /**
     * @return {@code copies} copies of each spectrum with white noise of {@code noiseSigma} edge steps and nothing
     *         else, drawn with a fixed seed (the noisy copies an applicability domain is fitted with)
     */
    public static Augmentation noiseOnly(int copies, double noiseSigma) {
        return new Augmentation(copies, 0, 0, noiseSigma, 0, NOISE_ONLY_SEED);
    }

    public Augmentation {
        if (copies < 0 || shiftSigmaEv < 0 || broadeningMaxEv < 0 || noiseSigma < 0 || scaleSigma < 0) {
            throw new IllegalArgumentException("augmentation settings must be >= 0: " + copies + ", " + shiftSigmaEv
                    + ", " + broadeningMaxEv + ", " + noiseSigma + ", " + scaleSigma);
        }
    }

    public boolean enabled() {
        return copies > 0;
    }

    /** @return the perturbations in words, e.g. "noise sd 0.005 edge steps per point", for descriptors */
    public String describe() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (shiftSigmaEv > 0) {
            parts.add(String.format(java.util.Locale.ROOT, "energy shift sd %s eV", shiftSigmaEv));
        }
        if (broadeningMaxEv > 0) {
            parts.add(String.format(java.util.Locale.ROOT, "broadening up to %s eV", broadeningMaxEv));
        }
        if (noiseSigma > 0) {
            parts.add(String.format(java.util.Locale.ROOT, "noise sd %s edge steps per point", noiseSigma));
        }
        if (scaleSigma > 0) {
            parts.add(String.format(java.util.Locale.ROOT, "scale error sd %s", scaleSigma));
        }
        return parts.isEmpty() ? "unperturbed" : String.join(", ", parts);
    }

    /** @return one perturbed copy of the spectrum, drawn from rnd. */
    public Spectrum perturb(Spectrum s, Random rnd) {
        double[] e = s.energyEv();
        double[] mu = s.mu();
        if (broadeningMaxEv > 0) {
            double sigmaEv = rnd.nextDouble() * broadeningMaxEv;
            if (sigmaEv > 0) {
                mu = Smoothing.convolve(e, mu, sigmaEv * FeatureExtractor.FWHM_PER_SIGMA, Smoothing.Shape.GAUSSIAN);
            }
        }
        double shift = shiftSigmaEv * rnd.nextGaussian();
        double scale = 1 + scaleSigma * rnd.nextGaussian();
        for (int i = 0; i < e.length; i++) {
            e[i] += shift;
            mu[i] = mu[i] * scale + noiseSigma * rnd.nextGaussian();
        }
        return s.toBuilder().id(s.id() + "#aug").energyEv(e).mu(mu).build();
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.internal;

/**
 * Working arrays for one thread's normalisations, grown on demand and reused, so that normalising a stream of
 * spectra allocates little more than the results. Also remembers the spectrum of the last smoothing window, which
 * find_e0 needs again whenever the next spectrum has the same grid length and width. Not thread-safe: owned by one
 * thread at a time (callers get one per call unless they keep a workspace).
 */
public final class Scratch {
    private double[] fftIn = new double[0];
    private double[] zr = new double[0];
    private double[] zi = new double[0];
    private double[] specRe = new double[0];
    private double[] specIm = new double[0];
    private double[] grid = new double[0];
    private double[] gridValues = new double[0];
    private double[] energy = new double[0];
    private double[] mu = new double[0];
    private double[] derivative = new double[0];
    private double[] general = new double[0];
    private double[] fit = new double[0];

    // the cached window spectrum and what it was computed for
    private int windowPoints = -1;
    private int windowFftSize = -1;
    private LarchSmooth.Form windowForm;
    private double windowSigma = Double.NaN;
    private double[] windowRe = new double[0];
    private double[] windowIm = new double[0];

    private static double[] atLeast(double[] a, int n) {
        return a.length >= n ? a : new double[Math.max(n, a.length + (a.length >> 1))];
    }

    double[] fftIn(int n) {
        fftIn = atLeast(fftIn, n);
        return fftIn;
    }

    double[] zr(int n) {
        zr = atLeast(zr, n);
        return zr;
    }

    double[] zi(int n) {
        zi = atLeast(zi, n);
        return zi;
    }

    double[] specRe(int n) {
        specRe = atLeast(specRe, n);
        return specRe;
    }

    double[] specIm(int n) {
        specIm = atLeast(specIm, n);
        return specIm;
    }

    double[] grid(int n) {
        grid = atLeast(grid, n);
        return grid;
    }

    double[] gridValues(int n) {
        gridValues = atLeast(gridValues, n);
        return gridValues;
    }

    double[] energy(int n) {
        energy = atLeast(energy, n);
        return energy;
    }

    double[] mu(int n) {
        mu = atLeast(mu, n);
        return mu;
    }

    double[] derivative(int n) {
        derivative = atLeast(derivative, n);
        return derivative;
    }

    /** One array for short-lived use inside a single step (not across calls to other steps). */
    double[] general(int n) {
        general = atLeast(general, n);
        return general;
    }

    /** The least-squares fitter's matrix. */
    double[] fit(int n) {
        fit = atLeast(fit, n);
        return fit;
    }

    boolean hasWindow(int points, int fftSize, LarchSmooth.Form form, double sigma) {
        return points == windowPoints && fftSize == windowFftSize && form == windowForm
                && Double.compare(sigma, windowSigma) == 0;
    }

    double[] windowRe() {
        return windowRe;
    }

    double[] windowIm() {
        return windowIm;
    }

    /**
     * Makes the window arrays at least {@code n} long and records the key they are about to hold; callers fill
     * them right after (a failure in between cannot happen: the fill is plain arithmetic on sized arrays).
     */
    void storeWindowKey(int points, int fftSize, LarchSmooth.Form form, double sigma, int n) {
        windowRe = atLeast(windowRe, n);
        windowIm = atLeast(windowIm, n);
        windowPoints = points;
        windowFftSize = fftSize;
        windowForm = form;
        windowSigma = sigma;
    }
}

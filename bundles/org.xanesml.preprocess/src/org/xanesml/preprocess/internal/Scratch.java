/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.internal;

/**
 * Working arrays for one thread's normalisations, grown on demand and reused, so that normalising a stream of
 * spectra allocates little more than the results. Also remembers the spectra of the last few smoothing windows,
 * which find_e0 needs again whenever a later spectrum has the same grid length and width. Not thread-safe: owned by one
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

    /**
     * How many window spectra are kept. A run over many files meets a few grids again and again (one per scan
     * setup, or sample and reference foil scans in turn), and one kept spectrum is lost at each change of grid.
     * Eight cost at most 8 x 2 x 8,193 doubles (1 MB) per thread at the largest table size, usually 130 kB.
     */
    static final int WINDOWS = 8;

    /**
     * The kept window spectra and what each was computed for; made on the first smoothing, as most scratch
     * objects (the short-lived ones of single calls) never smooth.
     */
    private static final class Windows {
        final int[] points = new int[WINDOWS];
        /** 0 marks an empty slot: every transform has at least 4 points. */
        final int[] fftSize = new int[WINDOWS];
        final LarchSmooth.Form[] form = new LarchSmooth.Form[WINDOWS];
        final double[] sigma = new double[WINDOWS];
        final double[][] re = new double[WINDOWS][];
        final double[][] im = new double[WINDOWS][];
        /** When each slot was last used (a counter, not a clock): the least recently used one is replaced. */
        final long[] used = new long[WINDOWS];
        long uses;
        /** The slot in use. */
        int current;
    }

    private Windows windows;

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

    /** @return whether a window spectrum for this key is kept; if so it becomes the one {@link #windowRe()} gives */
    boolean hasWindow(int points, int fftSize, LarchSmooth.Form form, double sigma) {
        Windows c = windows;
        if (c == null) {
            return false;
        }
        for (int w = 0; w < WINDOWS; w++) {
            if (fftSize == c.fftSize[w] && points == c.points[w] && form == c.form[w]
                    && Double.compare(sigma, c.sigma[w]) == 0) {
                c.current = w;
                c.used[w] = ++c.uses;
                return true;
            }
        }
        return false;
    }

    /** @return the real part of the window spectrum found by {@link #hasWindow} or stored by {@link #storeWindowKey} */
    double[] windowRe() {
        return windows.re[windows.current];
    }

    /** @return the imaginary part, as {@link #windowRe()} */
    double[] windowIm() {
        return windows.im[windows.current];
    }

    /**
     * Takes the least recently used slot for a new key, makes its arrays at least {@code n} long and records the
     * key they are about to hold; callers fill them right after (a failure in between cannot happen: the fill is
     * plain arithmetic on sized arrays).
     */
    void storeWindowKey(int points, int fftSize, LarchSmooth.Form form, double sigma, int n) {
        if (windows == null) {
            windows = new Windows();
        }
        Windows c = windows;
        int w = 0;
        for (int k = 1; k < WINDOWS; k++) {
            if (c.used[k] < c.used[w]) {
                w = k;
            }
        }
        c.current = w;
        c.used[w] = ++c.uses;
        c.re[w] = c.re[w] == null ? new double[n] : atLeast(c.re[w], n);
        c.im[w] = c.im[w] == null ? new double[n] : atLeast(c.im[w], n);
        c.points[w] = points;
        c.fftSize[w] = fftSize;
        c.form[w] = form;
        c.sigma[w] = sigma;
    }
}

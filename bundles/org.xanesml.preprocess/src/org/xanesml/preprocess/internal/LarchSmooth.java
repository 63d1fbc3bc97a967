/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.internal;

/**
 * Larch's {@code larch.math.smooth(x, y, sigma, xstep)}: y(x) is put on a uniform grid of step {@code xstep}
 * (padded by 5 steps each side, capped at 50 points per input point), mirrored at both ends, convolved with a
 * normalised window (lmfit's Lorentzian or Gaussian centred in a window twice the grid long), and interpolated back
 * onto x.
 * <p>
 * The convolution is done by FFT instead of numpy's direct sum: the results differ only by rounding (about 1e-15
 * of the data scale), while the direct sum costs O(n^2) and would take most of the 100 us budget per spectrum.
 * Both real sequences go through real-input transforms of half the padded length, and the window's spectrum is
 * reused from the {@link Scratch} when the next call has the same grid length and width.
 */
public final class LarchSmooth {
    /** lmfit's {@code tiny}: the machine epsilon guarding its width divisions. */
    private static final double LMFIT_TINY = Math.ulp(1.0);
    private static final double TINY_STEP = 1.0e-12;
    private static final int NPAD = 5;

    /** The convolving window shapes Larch's smooth offers (Voigt is not needed here). */
    public enum Form {
        LORENTZIAN, GAUSSIAN
    }

    private LarchSmooth() {
    }

    /**
     * @param x     strictly increasing abscissa
     * @param y     values at x
     * @param sigma window width in x units (lmfit sigma: the Lorentzian HWHM, the Gaussian standard deviation)
     * @param xstep grid step in x units
     * @return the smoothed values at x
     */
    public static double[] smooth(double[] x, double[] y, double sigma, double xstep, Form form) {
        double[] out = new double[x.length];
        smooth(x, 0, y, 0, x.length, sigma, xstep, form, new Scratch(), out);
        return out;
    }

    /**
     * The same on {@code x[xFrom, xFrom+nx)} and {@code y[yFrom, yFrom+nx)}, writing {@code out[0, nx)} (which may
     * be y itself when yFrom is 0) and using the scratch arrays instead of allocating.
     */
    public static void smooth(double[] x, int xFrom, double[] y, int yFrom, int nx, double sigma, double xstep,
            Form form, Scratch scratch, double[] out) {
        if (!(xstep >= TINY_STEP)) {
            throw new IllegalArgumentException("cannot smooth with grid step " + xstep + "; it must be at least "
                    + TINY_STEP + " (Larch: data must be strictly increasing)");
        }
        double xMinData = x[xFrom];
        double xMaxData = x[xFrom];
        for (int i = xFrom; i < xFrom + nx; i++) {
            xMinData = Math.min(xMinData, x[i]);
            xMaxData = Math.max(xMaxData, x[i]);
        }
        // Python int() truncates toward zero, as the (long) cast does.
        double xmin = xstep * (long) ((xMinData - NPAD * xstep) / xstep);
        double xmax = xstep * (long) ((xMaxData + NPAD * xstep) / xstep);
        long npts1 = 1 + (long) (Math.abs(xmax - xmin + xstep * 0.1) / xstep);
        int npts = (int) Math.min(npts1, 50L * nx);
        double[] x0 = scratch.grid(npts);
        double step = (xmax - xmin) / (npts - 1);
        for (int i = 0; i < npts; i++) {
            x0[i] = i * step + xmin;
        }
        x0[npts - 1] = xmax;

        // y1 = concat(y0[npts-1:0:-1], y0, y0[::-1]), zero-padded to a power of two for a circular convolution
        // that equals the linear one on every output used below.
        int ny1 = 3 * npts - 1;
        int nfft = Math.max(4, Fft.nextPowerOfTwo(ny1));
        int half = nfft >> 1;
        double[] y1 = scratch.fftIn(nfft);
        int off = npts - 1;
        PyNum.interpSorted(x, xFrom, xFrom + nx, y, yFrom, x0, y1, off, npts);
        for (int k = 0; k < npts - 1; k++) {
            y1[k] = y1[off + npts - 1 - k];
        }
        for (int k = 0; k < npts; k++) {
            y1[off + npts + k] = y1[off + npts - 1 - k];
        }
        java.util.Arrays.fill(y1, ny1, nfft, 0.0);

        double sigmaUnits = sigma * (1.0 / xstep);
        double[] zr = scratch.zr(half);
        double[] zi = scratch.zi(half);
        if (!scratch.hasWindow(npts, nfft, form, sigmaUnits)) {
            // The window spectrum depends only on the grid length and the width in grid steps, which repeat from
            // spectrum to spectrum of one beamline (find_e0 smooths with sigma = xstep, i.e. one step), so it is
            // kept; the input buffer is borrowed to build it before y1 goes in.
            double[] win = scratch.general(nfft);
            int nwin = 2 * npts;
            fillWindow(win, nwin, npts, sigmaUnits, form);
            // normalised like win/win.sum()
            double winSum = PyNum.sum(win, 0, nwin);
            for (int k = 0; k < nwin; k++) {
                win[k] /= winSum;
            }
            java.util.Arrays.fill(win, nwin, nfft, 0.0);
            scratch.storeWindowKey(npts, nfft, form, sigmaUnits, half + 1);
            Fft.realForward(win, nfft, zr, zi, scratch.windowRe(), scratch.windowIm());
        }
        double[] wr = scratch.windowRe();
        double[] wi = scratch.windowIm();
        double[] pr = scratch.specRe(half + 1);
        double[] pi = scratch.specIm(half + 1);
        Fft.realForward(y1, nfft, zr, zi, pr, pi);
        for (int k = 0; k <= half; k++) {
            double ar = pr[k];
            double ai = pi[k];
            pr[k] = ar * wr[k] - ai * wi[k];
            pi[k] = ar * wi[k] + ai * wr[k];
        }
        // the product is the spectrum of a real sequence: back through a half-size complex transform
        Fft.realInverse(pr, pi, nfft, zr, zi);
        // numpy 'valid' output j sits at full-convolution index j + nwin - 1; sample m is z[m / 2] (re even, im odd)
        double[] y2 = scratch.gridValues(npts);
        double scale = 1.0 / half;
        int nwin = 2 * npts;
        for (int j = 0; j < npts; j++) {
            int m = j + nwin - 1;
            y2[j] = ((m & 1) == 0 ? zr[m >> 1] : zi[m >> 1]) * scale;
        }
        PyNum.interpSorted(x0, 0, npts, y2, 0, x, out, 0, nx, xFrom);
    }

    /**
     * The window before normalisation. lmfit's shapes carry a constant factor (1/(pi sigma) for the Lorentzian,
     * 1/(sqrt(2 pi) sigma) for the Gaussian) that the normalisation by the window's sum cancels, so it is left out:
     * the normalised window then differs from Larch's only in the last bits, and a division per point is saved.
     * Points at the same distance either side of the centre get u and -u, whose squares are the same number, so
     * each value is computed once and written to both sides.
     */
    private static void fillWindow(double[] w, int nwin, int center, double sigma, Form form) {
        double invS = 1.0 / Math.max(LMFIT_TINY, sigma);
        int last = Math.min(center, nwin - 1);
        if (form == Form.GAUSSIAN) {
            for (int k = 0; k <= last; k++) {
                double u = (k - center) * invS;
                double v = Math.exp(-0.5 * u * u);
                w[k] = v;
                int mirror = 2 * center - k;
                if (mirror > k && mirror < nwin) {
                    w[mirror] = v;
                }
            }
        } else {
            for (int k = 0; k <= last; k++) {
                double u = (k - center) * invS;
                double v = 1.0 / (1.0 + u * u);
                w[k] = v;
                int mirror = 2 * center - k;
                if (mirror > k && mirror < nwin) {
                    w[mirror] = v;
                }
            }
        }
        // a window reaching further right than left (not the case in smooth, where nwin is 2 * center)
        for (int k = Math.max(last + 1, 2 * center + 1); k < nwin; k++) {
            double u = (k - center) * invS;
            w[k] = form == Form.GAUSSIAN ? Math.exp(-0.5 * u * u) : 1.0 / (1.0 + u * u);
        }
    }
}

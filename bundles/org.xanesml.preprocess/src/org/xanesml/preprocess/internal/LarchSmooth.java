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
        if (!(xstep >= TINY_STEP)) {
            throw new IllegalArgumentException("cannot smooth with grid step " + xstep + "; it must be at least "
                    + TINY_STEP + " (Larch: data must be strictly increasing)");
        }
        int nx = x.length;
        double xMinData = x[0];
        double xMaxData = x[0];
        for (double v : x) {
            xMinData = Math.min(xMinData, v);
            xMaxData = Math.max(xMaxData, v);
        }
        // Python int() truncates toward zero, as the (long) cast does.
        double xmin = xstep * (long) ((xMinData - NPAD * xstep) / xstep);
        double xmax = xstep * (long) ((xMaxData + NPAD * xstep) / xstep);
        long npts1 = 1 + (long) (Math.abs(xmax - xmin + xstep * 0.1) / xstep);
        int npts = (int) Math.min(npts1, 50L * nx);
        double[] x0 = new double[npts];
        double step = (xmax - xmin) / (npts - 1);
        for (int i = 0; i < npts; i++) {
            x0[i] = i * step + xmin;
        }
        x0[npts - 1] = xmax;

        // y1 = concat(y0[npts-1:0:-1], y0, y0[::-1]) laid directly into the FFT buffer (real part).
        int ny1 = 3 * npts - 1;
        int nfft = Fft.nextPowerOfTwo(ny1);
        double[] re = new double[nfft];
        double[] im = new double[nfft];
        int off = npts - 1;
        PyNum.interpSorted(x, 0, nx, y, 0, x0, re, off, npts);
        for (int k = 0; k < npts - 1; k++) {
            re[k] = re[off + npts - 1 - k];
        }
        for (int k = 0; k < npts; k++) {
            re[off + npts + k] = re[off + npts - 1 - k];
        }

        // Window in the imaginary part, normalised like win/win.sum().
        double sigmaUnits = sigma * (1.0 / xstep);
        int nwin = 2 * npts;
        fillWindow(im, nwin, npts, sigmaUnits, form);
        double winSum = PyNum.sum(im, 0, nwin);
        for (int k = 0; k < nwin; k++) {
            im[k] /= winSum;
        }

        // One complex FFT carries both real sequences; split them, multiply, and transform back. The product is the
        // spectrum of a real sequence, so its inverse is done as a half-size complex FFT: even samples in the real
        // part, odd samples in the imaginary part.
        Fft.transform(re, im, nfft, false);
        int half = nfft >> 1;
        double[] pr = new double[half + 1];
        double[] pi = new double[half + 1];
        for (int k = 0; k <= half; k++) {
            int nk = (nfft - k) & (nfft - 1);
            double ar = 0.5 * (re[k] + re[nk]);
            double ai = 0.5 * (im[k] - im[nk]);
            double br = 0.5 * (im[k] + im[nk]);
            double bi = -0.5 * (re[k] - re[nk]);
            pr[k] = ar * br - ai * bi;
            pi[k] = ar * bi + ai * br;
        }
        // Z[k] = E[k] + i O[k] with E = (X[k] + conj X[M-k]) / 2 and O = (X[k] - conj X[M-k]) / 2 * exp(+2 pi i k / N)
        double[] zr = re;
        double[] zi = im;
        for (int k = 0; k < half; k++) {
            double xr = pr[k];
            double xi = pi[k];
            double yr = pr[half - k];
            double yi = -pi[half - k];
            double er = 0.5 * (xr + yr);
            double ei = 0.5 * (xi + yi);
            double dr = 0.5 * (xr - yr);
            double di = 0.5 * (xi - yi);
            double c = Fft.cosTurn(k, nfft);
            double sn = Fft.sinTurn(k, nfft);
            double or = dr * c - di * sn;
            double oi = dr * sn + di * c;
            zr[k] = er - oi;
            zi[k] = ei + or;
        }
        Fft.transform(zr, zi, half, true);
        // numpy 'valid' output j sits at full-convolution index j + nwin - 1; sample m is z[m / 2] (re even, im odd)
        double[] y2 = new double[npts];
        double scale = 1.0 / half;
        for (int j = 0; j < npts; j++) {
            int m = j + nwin - 1;
            y2[j] = ((m & 1) == 0 ? zr[m >> 1] : zi[m >> 1]) * scale;
        }
        double[] out = new double[nx];
        PyNum.interpSorted(x0, 0, npts, y2, 0, x, out, 0, nx);
        return out;
    }

    /**
     * The window before normalisation. lmfit's shapes carry a constant factor (1/(pi sigma) for the Lorentzian,
     * 1/(sqrt(2 pi) sigma) for the Gaussian) that the normalisation by the window's sum cancels, so it is left out:
     * the normalised window then differs from Larch's only in the last bits, and a division per point is saved.
     */
    private static void fillWindow(double[] w, int nwin, int center, double sigma, Form form) {
        double invS = 1.0 / Math.max(LMFIT_TINY, sigma);
        if (form == Form.GAUSSIAN) {
            for (int k = 0; k < nwin; k++) {
                double u = (k - center) * invS;
                w[k] = Math.exp(-0.5 * u * u);
            }
        } else {
            for (int k = 0; k < nwin; k++) {
                double u = (k - center) * invS;
                w[k] = 1.0 / (1.0 + u * u);
            }
        }
    }
}

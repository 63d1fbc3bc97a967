/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

/** Averaging of points into energy bins (e.g. to bring a quick-EXAFS scan to a step-scan density). */
public final class Rebinning {
    private Rebinning() {
    }

    /**
     * @param curve  the binned curve: bin centres and the mean of the points in each bin
     * @param counts points averaged in each bin
     */
    public record Result(Curve curve, int[] counts) {
        public Result {
            counts = counts.clone();
        }

        @Override
        public int[] counts() {
            return counts.clone();
        }
    }

    /**
     * Averages the points in consecutive bins of {@code widthEv}, starting at the first energy. Bins without a
     * point are left out (the result lists only occupied bins), so no value is invented.
     */
    public static Result rebin(double[] x, double[] y, double widthEv) {
        Arrays1.requireCurve("rebin input", x, y, 1);
        if (!(widthEv > 0) || !Double.isFinite(widthEv)) {
            throw new IllegalArgumentException("bin width = " + widthEv + " eV; it must be positive");
        }
        int n = x.length;
        double[] cx = new double[n];
        double[] cy = new double[n];
        int[] counts = new int[n];
        int bins = 0;
        double origin = x[0];
        int i = 0;
        while (i < n) {
            long bin = (long) Math.floor((x[i] - origin) / widthEv);
            double sy = 0;
            int c = 0;
            while (i < n && (long) Math.floor((x[i] - origin) / widthEv) == bin) {
                sy += y[i];
                c++;
                i++;
            }
            cx[bins] = origin + (bin + 0.5) * widthEv;
            cy[bins] = sy / c;
            counts[bins++] = c;
        }
        return new Result(new Curve(java.util.Arrays.copyOf(cx, bins), java.util.Arrays.copyOf(cy, bins)),
                java.util.Arrays.copyOf(counts, bins));
    }
}

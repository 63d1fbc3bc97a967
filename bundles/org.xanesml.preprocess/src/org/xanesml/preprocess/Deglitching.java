/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.xanesml.preprocess.internal.Select;

/** Removal of glitches (single-point spikes from monochromator or detector artefacts). Pure functions. */
public final class Deglitching {
    private Deglitching() {
    }

    /**
     * A curve with points removed, and which input indices went.
     *
     * @param curve          what remains
     * @param removedIndices input indices removed, increasing
     */
    public record Result(Curve curve, int[] removedIndices) {
        public Result {
            removedIndices = removedIndices.clone();
        }

        @Override
        public int[] removedIndices() {
            return removedIndices.clone();
        }
    }

    /**
     * Median-filter spike removal: a point is a glitch when it differs from the median of the {@code window}
     * points around it by more than {@code threshold} robust standard deviations of the point-to-point noise
     * (median absolute second difference, see the no-edge check). Glitch points are removed, not replaced, so no value is invented.
     *
     * @param window    odd window length, at least 3
     * @param threshold in robust standard deviations, e.g. 5
     */
    public static Result removeSpikes(double[] x, double[] y, int window, double threshold) {
        if (window < 3 || window % 2 == 0) {
            throw new IllegalArgumentException("median window = " + window + "; it must be odd and at least 3");
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("glitch threshold = " + threshold + "; it must be positive");
        }
        Arrays1.requireCurve("deglitch input", x, y, window);
        int n = y.length;
        int half = window / 2;
        double[] residual = new double[n];
        double[] buf = new double[window];
        for (int i = 0; i < n; i++) {
            int start = Math.max(0, Math.min(n - window, i - half));
            System.arraycopy(y, start, buf, 0, window);
            residual[i] = y[i] - Select.median(buf);
        }
        // Noise from second differences: the median residual itself is 0 on smooth stretches, so useless here.
        double sigma = Select.noiseSigma(y);
        List<Integer> removed = new ArrayList<>();
        if (sigma > 0) {
            for (int i = 0; i < n; i++) {
                if (Math.abs(residual[i]) > threshold * sigma) {
                    removed.add(i);
                }
            }
        }
        return removePoints(x, y, removed.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Removes points by index (for glitches a user marked).
     *
     * @throws IndexOutOfBoundsException naming an index outside the curve
     */
    public static Result removePoints(double[] x, double[] y, int... indices) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " points but y has " + y.length);
        }
        boolean[] drop = new boolean[x.length];
        for (int i : indices) {
            if (i < 0 || i >= x.length) {
                throw new IndexOutOfBoundsException("point index " + i + " is outside 0.." + (x.length - 1));
            }
            drop[i] = true;
        }
        int keep = 0;
        for (boolean d : drop) {
            keep += d ? 0 : 1;
        }
        double[] nx = new double[keep];
        double[] ny = new double[keep];
        int[] removed = new int[x.length - keep];
        int k = 0;
        int r = 0;
        for (int i = 0; i < x.length; i++) {
            if (drop[i]) {
                removed[r++] = i;
            } else {
                nx[k] = x[i];
                ny[k++] = y[i];
            }
        }
        Arrays.sort(removed);
        return new Result(new Curve(nx, ny), removed);
    }
}

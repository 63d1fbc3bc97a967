/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Energy calibration of a spectrum against a reference (usually the same metal foil measured alongside) by least
 * squares on dmu/dE, as Athena aligns: find the shift (and optionally an amplitude scale) that best lays the
 * spectrum's derivative onto the reference's over their common range.
 */
public final class Alignment {
    /** Fewest reference points the overlap must hold for the fit to mean anything. */
    public static final int MIN_OVERLAP_POINTS = 10;

    private Alignment() {
    }

    /**
     * @param maxShiftEv largest |shift| searched
     * @param fitScale   also fit an amplitude factor on the derivative (for spectra not normalised alike)
     * @param windowLoEv lowest reference energy compared (absolute eV), or NaN for the reference start
     * @param windowHiEv highest reference energy compared, or NaN for the reference end
     */
    public record Options(double maxShiftEv, boolean fitScale, double windowLoEv, double windowHiEv) {
        public Options {
            if (!(maxShiftEv > 0) || !Double.isFinite(maxShiftEv)) {
                throw new IllegalArgumentException("maximum shift = " + maxShiftEv + " eV; it must be positive");
            }
        }

        /** @return shift only, within +-maxShiftEv, over the whole common range */
        public static Options shiftOnly(double maxShiftEv) {
            return new Options(maxShiftEv, false, Double.NaN, Double.NaN);
        }

        public Options withScale(boolean value) {
            return new Options(maxShiftEv, value, windowLoEv, windowHiEv);
        }

        public Options withWindow(double loEv, double hiEv) {
            return new Options(maxShiftEv, fitScale, loEv, hiEv);
        }
    }

    /**
     * @param shiftEv add this to the spectrum's energies to align it
     * @param scale   amplitude factor on the spectrum's derivative (1 when not fitted)
     * @param rms     root mean square derivative residual at the optimum
     * @param points  reference points compared at the optimum
     */
    public record Result(double shiftEv, double scale, double rms, int points) {
        /** @return the spectrum's energies moved by the shift */
        public double[] apply(double[] energyEv) {
            double[] out = new double[energyEv.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = energyEv[i] + shiftEv;
            }
            return out;
        }
    }

    /**
     * @throws TooFewPointsException when some trial shift leaves fewer than {@value #MIN_OVERLAP_POINTS} reference
     *                               points inside the spectrum's range
     */
    public static Result align(Curve reference, Curve spectrum, Options options) {
        double[] rx = reference.x();
        double[] sx = spectrum.x();
        Arrays1.requireCurve("alignment reference", rx, reference.y(), 3);
        Arrays1.requireCurve("alignment spectrum", sx, spectrum.y(), 3);
        double[] rd = Derivatives.first(rx, reference.y());
        double[] sd = Derivatives.first(sx, spectrum.y());
        double lo = Double.isNaN(options.windowLoEv()) ? rx[0] : options.windowLoEv();
        double hi = Double.isNaN(options.windowHiEv()) ? rx[rx.length - 1] : options.windowHiEv();
        // Compare only where the spectrum covers the reference for every trial shift: same points for all trials.
        double from = Math.max(lo, sx[0] + options.maxShiftEv());
        double to = Math.min(hi, sx[sx.length - 1] - options.maxShiftEv());
        int first = -1;
        int last = -2;
        for (int i = 0; i < rx.length; i++) {
            if (rx[i] >= from && rx[i] <= to) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        int count = last - first + 1;
        if (count < MIN_OVERLAP_POINTS) {
            throw new TooFewPointsException("alignment: only " + Math.max(0, count) + " reference points lie in ["
                    + from + ", " + to + "] eV, covered by the spectrum at every shift up to +-" + options.maxShiftEv()
                    + " eV; at least " + MIN_OVERLAP_POINTS + " are needed", Math.max(0, count), MIN_OVERLAP_POINTS);
        }
        final int f = first;
        final int c = count;
        double[] target = java.util.Arrays.copyOfRange(rd, f, f + c);
        // A spline, not straight lines: linear interpolation of a sharp derivative peak biases the shift.
        PolynomialSplineFunction derivative = new SplineInterpolator().interpolate(sx, sd);
        double[] at = new double[c];
        double[] model = new double[c];
        java.util.function.DoubleUnaryOperator cost = shift -> {
            for (int i = 0; i < c; i++) {
                at[i] = rx[f + i] - shift;
            }
            for (int i = 0; i < c; i++) {
                model[i] = derivative.value(at[i]);
            }
            double scale = options.fitScale() ? bestScale(target, model) : 1.0;
            double s = 0;
            for (int i = 0; i < c; i++) {
                double r = target[i] - scale * model[i];
                s += r * r;
            }
            return s;
        };
        // A coarse scan first: the cost has local minima one oscillation apart, Brent alone could stop in one.
        double minStep = Double.POSITIVE_INFINITY;
        for (int i = 1; i < sx.length; i++) {
            minStep = Math.min(minStep, sx[i] - sx[i - 1]);
        }
        double scanStep = Math.max(options.maxShiftEv() / 400.0, Math.min(minStep / 2.0, options.maxShiftEv() / 20.0));
        double bestShift = 0;
        double bestCost = Double.POSITIVE_INFINITY;
        for (double s = -options.maxShiftEv(); s <= options.maxShiftEv() + 1e-12; s += scanStep) {
            double v = cost.applyAsDouble(s);
            if (v < bestCost) {
                bestCost = v;
                bestShift = s;
            }
        }
        double a = Math.max(-options.maxShiftEv(), bestShift - scanStep);
        double b = Math.min(options.maxShiftEv(), bestShift + scanStep);
        UnivariatePointValuePair opt = new BrentOptimizer(1e-10, 1e-12).optimize(new MaxEval(500),
                new UnivariateObjectiveFunction(cost::applyAsDouble), GoalType.MINIMIZE,
                new SearchInterval(a, b, bestShift));
        double shift = opt.getValue() <= bestCost ? opt.getPoint() : bestShift;
        double finalCost = cost.applyAsDouble(shift);
        double scale = options.fitScale() ? bestScale(target, model) : 1.0;
        return new Result(shift, scale, Math.sqrt(finalCost / c), c);
    }

    private static double bestScale(double[] target, double[] model) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < target.length; i++) {
            num += target[i] * model[i];
            den += model[i] * model[i];
        }
        return den > 0 ? num / den : 1.0;
    }
}

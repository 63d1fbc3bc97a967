/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

import java.util.Arrays;

/**
 * A least-squares polynomial in energy, kept the way numpy's {@code Polynomial.fit} keeps it: coefficients in a
 * scaled abscissa {@code x' = (2E - (min+max)) / (max-min)} over the fitted energy window. Evaluating in x' keeps
 * full precision; the coefficients in absolute energy (what Larch reports as {@code norm_c0..}) are ill-conditioned
 * at E ~ 7000 eV and offered only for display and comparison.
 */
public final class FittedPolynomial {
    private final double domainMinEv;
    private final double domainMaxEv;
    private final double[] scaledCoefficients;
    private final double scale;
    private final double offset;

    /**
     * @param domainMinEv        lowest energy of the fitted window
     * @param domainMaxEv        highest energy of the fitted window (equal to the lowest for one point)
     * @param scaledCoefficients c0, c1, ... of the polynomial in x'
     */
    public FittedPolynomial(double domainMinEv, double domainMaxEv, double[] scaledCoefficients) {
        if (!(domainMaxEv >= domainMinEv) || scaledCoefficients.length == 0) {
            throw new IllegalArgumentException("polynomial domain [" + domainMinEv + ", " + domainMaxEv
                    + "] or its " + scaledCoefficients.length + " coefficients are invalid");
        }
        this.domainMinEv = domainMinEv;
        this.domainMaxEv = domainMaxEv;
        this.scaledCoefficients = scaledCoefficients.clone();
        double width = domainMaxEv - domainMinEv;
        this.scale = width == 0 ? 0 : 2.0 / width;
        this.offset = width == 0 ? 0 : -(domainMaxEv + domainMinEv) / width;
    }

    /** @return the polynomial constant c (degree 0, no scaling needed) */
    public static FittedPolynomial constant(double c) {
        return new FittedPolynomial(0, 0, new double[] { c });
    }

    public int degree() {
        return scaledCoefficients.length - 1;
    }

    public double domainMinEv() {
        return domainMinEv;
    }

    public double domainMaxEv() {
        return domainMaxEv;
    }

    public double[] scaledCoefficients() {
        return scaledCoefficients.clone();
    }

    /** @return x' for an energy; 0 for a one-point domain */
    public double scaled(double energyEv) {
        return offset + scale * energyEv;
    }

    public double valueAt(double energyEv) {
        double x = scaled(energyEv);
        double v = 0;
        for (int k = scaledCoefficients.length - 1; k >= 0; k--) {
            v = v * x + scaledCoefficients[k];
        }
        return v;
    }

    /** @return c0, c1, ... such that value = sum c_i E^i in absolute eV (numpy {@code .convert().coef}) */
    public double[] absoluteCoefficients() {
        int p = scaledCoefficients.length;
        double width = domainMaxEv - domainMinEv;
        if (width == 0) {
            double[] c = new double[p];
            c[0] = scaledCoefficients[0];
            return c;
        }
        double scl = 2.0 / width;
        double off = -(domainMaxEv + domainMinEv) / width;
        double[] out = new double[p];
        // (off + scl E)^k expanded binomially, accumulated per power of E.
        double[] power = new double[p];
        power[0] = 1;
        for (int k = 0; k < p; k++) {
            if (k > 0) {
                for (int j = k; j >= 1; j--) {
                    power[j] = power[j] * off + power[j - 1] * scl;
                }
                power[0] *= off;
            }
            for (int j = 0; j <= k; j++) {
                out[j] += scaledCoefficients[k] * power[j];
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FittedPolynomial f && f.domainMinEv == domainMinEv && f.domainMaxEv == domainMaxEv
                && Arrays.equals(f.scaledCoefficients, scaledCoefficients);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(domainMinEv) * 31 + Arrays.hashCode(scaledCoefficients);
    }

    @Override
    public String toString() {
        return "FittedPolynomial[absolute coefficients " + Arrays.toString(absoluteCoefficients()) + " on ["
                + domainMinEv + ", " + domainMaxEv + "] eV]";
    }
}

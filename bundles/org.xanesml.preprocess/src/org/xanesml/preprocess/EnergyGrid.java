/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

import java.util.Arrays;

/**
 * Target energies for interpolation: absolute eV, or relative to e0 (so spectra with different edges line up
 * for a classifier). Immutable.
 */
public final class EnergyGrid {
    private final double[] energiesEv;
    private final boolean relativeToE0;

    private EnergyGrid(double[] energiesEv, boolean relativeToE0) {
        if (energiesEv.length < 1) {
            throw new IllegalArgumentException("an energy grid needs at least one energy");
        }
        for (int i = 0; i < energiesEv.length; i++) {
            if (!Double.isFinite(energiesEv[i]) || (i > 0 && !(energiesEv[i] > energiesEv[i - 1]))) {
                throw new IllegalArgumentException("grid energy [" + i + "] = " + energiesEv[i]
                        + " eV; grid energies must be finite and strictly increasing");
            }
        }
        this.energiesEv = energiesEv;
        this.relativeToE0 = relativeToE0;
    }

    /** @return the given energies, absolute eV */
    public static EnergyGrid absolute(double... energiesEv) {
        return new EnergyGrid(energiesEv.clone(), false);
    }

    /** @return the given energies, eV relative to e0 */
    public static EnergyGrid relativeToE0(double... offsetsEv) {
        return new EnergyGrid(offsetsEv.clone(), true);
    }

    /**
     * @return {@code count} evenly spaced energies from {@code firstEv} to {@code lastEv} inclusive, relative to e0
     *         when {@code relative}
     */
    public static EnergyGrid linear(double firstEv, double lastEv, int count, boolean relative) {
        if (count < 2 || !(lastEv > firstEv)) {
            throw new IllegalArgumentException("a linear grid needs count >= 2 and last > first; got " + count
                    + " points from " + firstEv + " to " + lastEv + " eV");
        }
        double[] e = new double[count];
        double step = (lastEv - firstEv) / (count - 1);
        for (int i = 0; i < count; i++) {
            e[i] = firstEv + i * step;
        }
        e[count - 1] = lastEv;
        return new EnergyGrid(e, relative);
    }

    public boolean isRelativeToE0() {
        return relativeToE0;
    }

    public int size() {
        return energiesEv.length;
    }

    /** @return the grid as stored (offsets when relative) */
    public double[] energiesEv() {
        return energiesEv.clone();
    }

    /**
     * @param e0Ev edge energy; used only when the grid is relative (pass NaN for an absolute grid)
     * @return absolute energies, eV
     */
    public double[] resolve(double e0Ev) {
        if (!relativeToE0) {
            return energiesEv.clone();
        }
        if (!Double.isFinite(e0Ev)) {
            throw new PreprocessingException("an e0-relative grid needs e0, but e0 is " + e0Ev
                    + " (normalise or find e0 first)");
        }
        double[] out = new double[energiesEv.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = e0Ev + energiesEv[i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnergyGrid g && g.relativeToE0 == relativeToE0 && Arrays.equals(g.energiesEv, energiesEv);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(energiesEv) * 2 + (relativeToE0 ? 1 : 0);
    }

    @Override
    public String toString() {
        return "EnergyGrid[" + energiesEv.length + " points " + energiesEv[0] + ".." + energiesEv[energiesEv.length - 1]
                + " eV" + (relativeToE0 ? " relative to e0" : "") + "]";
    }
}

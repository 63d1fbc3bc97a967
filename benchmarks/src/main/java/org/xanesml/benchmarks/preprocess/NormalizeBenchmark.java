/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.benchmarks.preprocess;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.xanesml.preprocess.EnergyGrid;
import org.xanesml.preprocess.Interpolation;
import org.xanesml.preprocess.InterpolationKind;
import org.xanesml.preprocess.NormalizationResult;
import org.xanesml.preprocess.NormalizationWorkspace;
import org.xanesml.preprocess.Padding;
import org.xanesml.preprocess.PreEdgeParameters;
import org.xanesml.preprocess.XanesNormalization;

/**
 * Issue 4 item 5: one 500-point spectrum normalised end to end (cleaning, find_e0 with its smoothed second pass,
 * pre-edge line, post-edge polynomial, norm/flat/dmude, then interpolation of norm onto 100 e0-relative points),
 * on one thread.
 * <p>
 * Three ways in: the plain call (a fresh workspace each time, as a one-off caller gets), a thread's reused
 * {@link NormalizationWorkspace} (as batch workers run), and the same with spectra whose smoothing grids differ from
 * one call to the next, so find_e0's cached window spectrum never helps ({@code Varied}: the honest worst case).
 * <ul>
 * <li>{@code stepScan}: a beamline step scan: 5 eV steps before the edge, 0.25 eV across it, about 3.5 eV after.</li>
 * <li>{@code uniform}: 500 points evenly over 1000 eV, the worst case for find_e0's smoothing grid.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class NormalizeBenchmark {
    private static final double E0 = 7112.0;
    private static final EnergyGrid GRID = EnergyGrid.linear(-20, 80, 100, true);

    @Param({ "stepScan", "uniform" })
    public String layout;

    /** Variants of the spectrum, each smoothed on a grid of another length. */
    private static final int VARIANTS = 8;

    private double[] energy;
    private double[] mu;
    private final double[][] variedEnergy = new double[VARIANTS][];
    private final double[][] variedMu = new double[VARIANTS][];
    private int next;
    private final NormalizationWorkspace workspace = new NormalizationWorkspace();

    @Setup
    public void setUp() {
        makeSpectrum(500);
        for (int v = 0; v < VARIANTS; v++) {
            // the same scan stretched by 1..8% about e0: every step, and so find_e0's smoothing grid, differs
            double stretch = 1.0 + 0.01 * (v + 1);
            variedEnergy[v] = new double[500];
            for (int i = 0; i < 500; i++) {
                variedEnergy[v][i] = E0 + (energy[i] - E0) * stretch;
            }
            variedMu[v] = mu.clone();
        }
    }

    private void makeSpectrum(int points) {
        energy = new double[points];
        if ("uniform".equals(layout)) {
            for (int i = 0; i < points; i++) {
                energy[i] = E0 - 200 + i * 2.0;
            }
        } else {
            int k = 0;
            for (int i = 0; i < 40; i++) {
                energy[k++] = E0 - 230 + 5.0 * i;
            }
            for (int i = 0; i < 320; i++) {
                energy[k++] = E0 - 30 + 0.25 * i;
            }
            double e = E0 + 50;
            while (k < points) {
                energy[k++] = e;
                e += 3.5;
            }
        }
        Random r = new Random(42);
        mu = new double[points];
        for (int i = 0; i < points; i++) {
            double x = energy[i] - E0;
            double onset = 1.0 / (1.0 + Math.exp(-(x - 5.0) / 2.0));
            mu[i] = 0.8 - 2e-4 * x + 1.3 * (0.5 + Math.atan(x / 1.5) / Math.PI)
                    + onset * 0.06 * Math.sin(x / 8.0) * Math.exp(-Math.abs(x) / 150.0) + 1e-3 * r.nextGaussian();
        }
    }

    /** @return the 100 interpolated normalised values (returned so the JIT cannot drop the work) */
    @Benchmark
    public double[] normalizeAndInterpolate() {
        NormalizationResult r = XanesNormalization.preEdge("bench", energy, mu, PreEdgeParameters.automatic());
        return Interpolation.interpolate(r.energyEv(), r.norm(), GRID, r.e0Ev(), InterpolationKind.LINEAR,
                Padding.ERROR);
    }

    /** The same reusing this thread's workspace; {@link NormalizationResult#normOn} reads the arrays in place. */
    @Benchmark
    public double[] normalizeAndInterpolateWorkspace() {
        NormalizationResult r = XanesNormalization.preEdge("bench", energy, mu, PreEdgeParameters.automatic(),
                workspace);
        return r.normOn(GRID, InterpolationKind.LINEAR, Padding.ERROR);
    }

    /** With a workspace, but a different smoothing grid on every call (no reuse of the window spectrum). */
    @Benchmark
    public double[] normalizeAndInterpolateWorkspaceVaried() {
        int v = next;
        next = (v + 1) % VARIANTS;
        NormalizationResult r = XanesNormalization.preEdge("bench", variedEnergy[v], variedMu[v],
                PreEdgeParameters.automatic(), workspace);
        return r.normOn(GRID, InterpolationKind.LINEAR, Padding.ERROR);
    }

    /** Only find_e0, the most expensive part (two derivative passes, one Lorentzian convolution). */
    @Benchmark
    public double findE0() {
        return XanesNormalization.findE0("bench", energy, mu);
    }

    /** find_e0 reusing this thread's workspace. */
    @Benchmark
    public double findE0Workspace() {
        return XanesNormalization.findE0("bench", energy, mu, workspace);
    }
}

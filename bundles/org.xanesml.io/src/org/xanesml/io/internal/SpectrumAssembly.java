/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.xanesml.core.InvalidSpectrumException;
import org.xanesml.core.Spectrum;
import org.xanesml.io.EnergyOrderPolicy;
import org.xanesml.io.NonFinitePolicy;
import org.xanesml.io.SpectrumReadException;

/**
 * The last step of every text reader: applies the {@link EnergyOrderPolicy} to the energy and mu arrays, adds the
 * warnings collected while parsing as {@code xanesml.warning.N} metadata, and builds the {@link Spectrum}, turning any
 * remaining validation failure into a {@link SpectrumReadException} that names the file line of the bad point.
 */
public final class SpectrumAssembly {
    /** Metadata key prefix of the repairs and oddities a reader noticed ({@code xanesml.warning.1}, ...). */
    public static final String WARNING_PREFIX = "xanesml.warning.";

    private final Path file;
    private final Spectrum.Builder builder;
    private final List<String> warnings = new ArrayList<>();

    public SpectrumAssembly(Path file, Spectrum.Builder builder) {
        this.file = file;
        this.builder = builder;
    }

    public Spectrum.Builder builder() {
        return builder;
    }

    public void warn(String message) {
        warnings.add(message);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * @param energyEv    energies in file order
     * @param mu          absorption in file order
     * @param lineNumbers the 1-based file line of each point
     */
    public Spectrum finish(double[] energyEv, double[] mu, long[] lineNumbers, EnergyOrderPolicy policy)
            throws SpectrumReadException {
        // Container formats (Athena, JSON, NeXus) come here: a NaN in a structured document is the writer's bug,
        // not a detector's dropout, so they keep refusing it; the text formats take the user's policy.
        return finish(energyEv, mu, lineNumbers, policy, NonFinitePolicy.FAIL);
    }

    /**
     * As {@link #finish(double[], double[], long[], EnergyOrderPolicy)}, with points whose energy or mu is not finite
     * dropped (with a warning naming how many and their lines) or refused, as {@code nonFinite} says.
     */
    public Spectrum finish(double[] energyEv, double[] mu, long[] lineNumbers, EnergyOrderPolicy policy,
            NonFinitePolicy nonFinite) throws SpectrumReadException {
        double[] e = energyEv;
        double[] m = mu;
        long[] lines = lineNumbers;
        // the file line of each point, until sorting reorders the points
        boolean linesAligned = true;
        int bad = 0;
        for (int i = 0; i < m.length; i++) {
            if (!Double.isFinite(m[i]) || !Double.isFinite(e[i])) {
                if (nonFinite == NonFinitePolicy.FAIL) {
                    throw new SpectrumReadException(file, lines[i], (Double.isFinite(e[i]) ? "mu is " + m[i] + " at "
                            + e[i] + " eV" : "energy is " + e[i]) + "; expected a finite number");
                }
                bad++;
            }
        }
        if (bad > 0) {
            int n = m.length - bad;
            double[] keptE = new double[n];
            double[] keptM = new double[n];
            long[] keptLines = new long[n];
            List<Long> dropped = new ArrayList<>();
            int k = 0;
            for (int i = 0; i < m.length; i++) {
                if (Double.isFinite(m[i]) && Double.isFinite(e[i])) {
                    keptE[k] = e[i];
                    keptM[k] = m[i];
                    keptLines[k++] = lines[i];
                } else {
                    dropped.add(lines[i]);
                }
            }
            int shown = Math.min(dropped.size(), 10);
            warn(bad + " point" + (bad == 1 ? "" : "s") + " with a non-finite energy or mu left out (line"
                    + (bad == 1 ? " " : "s ") + String.join(", ", dropped.subList(0, shown).stream()
                            .map(String::valueOf).toList()) + (dropped.size() > shown ? ", ..." : "") + ")");
            e = keptE;
            m = keptM;
            lines = keptLines;
        }
        if (!strictlyIncreasing(e)) {
            if (policy == EnergyOrderPolicy.REJECT) {
                for (int i = 1; i < e.length; i++) {
                    if (!(e[i] > e[i - 1])) {
                        throw new SpectrumReadException(file, lines[i], "energy " + e[i] + " is "
                                + (e[i] == e[i - 1] ? "a duplicate of" : "below") + " the energy " + e[i - 1]
                                + " on line " + lines[i - 1] + "; expected strictly increasing energies");
                    }
                }
            }
            double[][] sorted = sortAndMerge(e, m, lines);
            linesAligned = false;
            e = sorted[0];
            m = sorted[1];
        }
        for (int i = 0; i < warnings.size(); i++) {
            builder.metadata(WARNING_PREFIX + (i + 1), warnings.get(i));
        }
        try {
            return builder.energyEv(e).mu(m).build();
        } catch (InvalidSpectrumException ex) {
            long line = ex.pointIndex() >= 0 && ex.pointIndex() < lines.length && linesAligned
                    ? lines[ex.pointIndex()] : 0;
            throw new SpectrumReadException(file, line, ex.getMessage(), ex);
        }
    }

    private static boolean strictlyIncreasing(double[] e) {
        for (int i = 1; i < e.length; i++) {
            if (!(e[i] > e[i - 1])) {
                return false;
            }
        }
        return true;
    }

    private static boolean strictlyDecreasing(double[] e) {
        for (int i = 1; i < e.length; i++) {
            if (!(e[i] < e[i - 1])) {
                return false;
            }
        }
        return true;
    }

    private double[][] sortAndMerge(double[] e, double[] m, long[] lines) {
        int n = e.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (strictlyDecreasing(e)) {
            warn("energies decrease from line " + lines[0] + " to line " + lines[n - 1]
                    + " (scan recorded downwards); the points were reversed");
        } else {
            int firstBad = 1;
            while (firstBad < n && e[firstBad] > e[firstBad - 1]) {
                firstBad++;
            }
            if (firstBad < n && e[firstBad] < e[firstBad - 1]) {
                warn("energy " + e[firstBad] + " on line " + lines[firstBad] + " is below " + e[firstBad - 1]
                        + " on line " + lines[firstBad - 1] + "; the points were sorted by energy");
            }
        }
        // Stable sort: equal energies keep file order, so merging below is deterministic.
        Arrays.sort(order, Comparator.comparingDouble(i -> e[i]));
        double[] outE = new double[n];
        double[] outM = new double[n];
        int k = 0;
        int i = 0;
        List<String> merged = new ArrayList<>();
        while (i < n) {
            int j = i;
            double sum = 0;
            while (j < n && e[order[j]] == e[order[i]]) {
                sum += m[order[j]];
                j++;
            }
            if (j - i > 1) {
                StringBuilder where = new StringBuilder();
                for (int t = i; t < j; t++) {
                    where.append(t > i ? ", " : "").append(lines[order[t]]);
                }
                merged.add(e[order[i]] + " eV on lines " + where);
            }
            outE[k] = e[order[i]];
            outM[k] = sum / (j - i);
            k++;
            i = j;
        }
        if (!merged.isEmpty()) {
            int shown = Math.min(merged.size(), 5);
            warn(merged.size() + " duplicate energ" + (merged.size() == 1 ? "y" : "ies")
                    + " merged, mu averaged: " + String.join("; ", merged.subList(0, shown))
                    + (merged.size() > shown ? "; ..." : ""));
        }
        return new double[][] {Arrays.copyOf(outE, k), Arrays.copyOf(outM, k)};
    }
}

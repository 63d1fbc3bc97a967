/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;
import org.xanesml.io.Xdi;
import org.xanesml.workflow.report.AtomicFiles;

/**
 * A SYNTHETIC Fe K-edge data set for the demo and tests: not measured, not simulated from structures, but drawn from
 * a parametric edge model whose features vary with geometry and oxidation state the way the literature describes
 * qualitatively:
 * <ul>
 * <li>pre-edge 1s-3d peak about 14 eV below the edge: strong for tetrahedral sites (no inversion centre, 3d-4p
 * mixing), weak for square-planar and octahedral ones;</li>
 * <li>a 1s-4p shoulder on the rising edge for square-planar sites;</li>
 * <li>white line above the edge: weak (tetrahedral) to strong (octahedral, more neighbours);</li>
 * <li>edge position: about 3 eV higher for Fe(III) than for Fe(II).</li>
 * </ul>
 * Each spectrum gets random variations of every parameter, a random raw scale and offset, a sloping pre-edge,
 * a damped post-edge oscillation and Gaussian noise, so the classes overlap a little as real ones do.
 */
final class SyntheticData {
    static final List<String> GEOMETRIES = List.of("tetrahedral", "square-planar", "octahedral");
    static final double FE_K_EDGE_EV = 7112.0;

    /** One generated spectrum with its labels. */
    record Sample(Spectrum spectrum, String geometry, int oxidationState, int coordinationNumber) {
    }

    private SyntheticData() {
    }

    /** @return {@code n} spectra, classes balanced, reproducible for a seed */
    static List<Sample> generate(int n, long seed) {
        return generate(0, n, new Random(seed));
    }

    private static List<Sample> generate(int first, int n, Random rnd) {
        double[] energy = grid();
        List<Sample> out = new ArrayList<>(n);
        for (int i = first; i < first + n; i++) {
            String geometry = GEOMETRIES.get(i % GEOMETRIES.size());
            int ox = rnd.nextBoolean() ? 2 : 3;
            String id = String.format(Locale.ROOT, i < 10000 ? "synthetic_%04d" : "synthetic_%d", i);
            out.add(new Sample(spectrum(id, energy, geometry, ox, rnd),
                    geometry, ox, geometry.equals("tetrahedral") ? 4 : geometry.equals("square-planar") ? 4 : 6));
        }
        return out;
    }

    /** Beamline-like grid: coarse before the edge, 0.25 eV through it, 1.5 eV after. */
    static double[] grid() {
        List<Double> e = new ArrayList<>();
        for (double x = FE_K_EDGE_EV - 150; x < FE_K_EDGE_EV - 25; x += 2.0) {
            e.add(x);
        }
        for (double x = FE_K_EDGE_EV - 25; x < FE_K_EDGE_EV + 50; x += 0.25) {
            e.add(x);
        }
        for (double x = FE_K_EDGE_EV + 50; x <= FE_K_EDGE_EV + 350; x += 1.5) {
            e.add(x);
        }
        return e.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static Spectrum spectrum(String id, double[] energy, String geometry, int ox, Random rnd) {
        double preEdge;
        double shoulder;
        double whiteLine;
        switch (geometry) {
            case "tetrahedral" -> {
                preEdge = 0.22;
                shoulder = 0.05;
                whiteLine = 0.35;
            }
            case "square-planar" -> {
                preEdge = 0.07;
                shoulder = 0.35;
                whiteLine = 0.65;
            }
            default -> {
                preEdge = 0.04;
                shoulder = 0.05;
                whiteLine = 1.05;
            }
        }
        double e0 = FE_K_EDGE_EV + (ox == 3 ? 3.0 : 0.0) + rnd.nextGaussian() * 0.6;
        preEdge *= 1 + 0.2 * rnd.nextGaussian();
        shoulder *= 1 + 0.2 * rnd.nextGaussian();
        whiteLine *= 1 + 0.15 * rnd.nextGaussian();
        double width = 1.8 + 0.3 * rnd.nextDouble();
        double scale = 0.5 + 2.0 * rnd.nextDouble();
        double offset = -0.5 + rnd.nextDouble();
        double slope = -4e-4 * rnd.nextDouble();
        double exafsPeriod = 38 + 6 * rnd.nextDouble();
        double[] mu = new double[energy.length];
        for (int i = 0; i < energy.length; i++) {
            double d = energy[i] - e0;
            double edge = 0.5 + Math.atan(d / width) / Math.PI;
            double pre = preEdge * gauss(d, -14.0 + (ox == 3 ? -0.8 : 0.0), 1.1);
            double sh = shoulder * gauss(d, -4.0, 1.8);
            double wl = whiteLine * gauss(d, 9.0, 5.0);
            double post = d > 15 ? 0.08 * Math.exp(-(d - 15) / 120) * Math.sin((d - 15) / exafsPeriod * 2 * Math.PI)
                    : 0;
            double noise = 0.004 * rnd.nextGaussian();
            mu[i] = offset + slope * (energy[i] - FE_K_EDGE_EV) + scale * (edge + pre + sh + wl + post + noise);
        }
        return Spectrum.builder().id(id).energyEv(energy).mu(mu).absorber(Element.Fe).edge(Edge.K)
                .muScale(MuScale.RAW).metadata("Sample.name", id + " (synthetic)")
                .metadata("Sample.synthetic_model", "parametric K edge: arctan step, pre-edge, shoulder, white line")
                .build();
    }

    private static double gauss(double x, double centre, double sigma) {
        double z = (x - centre) / sigma;
        return Math.exp(-0.5 * z * z);
    }

    /**
     * Writes {@code n} spectra in chunks (memory stays flat for large benchmark sets), labels included.
     *
     * @return the number of files written
     */
    static int writeMany(int n, long seed, Path dir) throws IOException {
        Random rnd = new Random(seed);
        StringBuilder labels = new StringBuilder("id,geometry,oxidation_state,cn\n");
        for (int first = 0; first < n; first += 1000) {
            List<Sample> chunk = generate(first, Math.min(1000, n - first), rnd);
            write(chunk, dir);
            List<String> lines = java.nio.file.Files.readAllLines(dir.resolve("labels.csv"));
            lines.stream().skip(1).forEach(l -> labels.append(l).append('\n'));
        }
        AtomicFiles.standard().write(dir.resolve("labels.csv"), labels.toString());
        return n;
    }

    /**
     * Writes the samples as XDI files plus {@code labels.csv} (id, geometry, oxidation_state, cn) into {@code dir}.
     *
     * @return the XDI files, in sample order
     */
    static List<Path> write(List<Sample> samples, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        StringBuilder labels = new StringBuilder("id,geometry,oxidation_state,cn\n");
        for (Sample s : samples) {
            Path f = dir.resolve(s.spectrum().id() + ".xdi");
            AtomicFiles.standard().write(f, Xdi.toText(Xdi.fromSpectrum(s.spectrum())));
            files.add(f);
            labels.append(s.spectrum().id()).append(',').append(s.geometry()).append(',').append(s.oxidationState())
                    .append(',').append(s.coordinationNumber()).append('\n');
        }
        AtomicFiles.standard().write(dir.resolve("labels.csv"), out -> out.write(labels.toString()
                .getBytes(StandardCharsets.UTF_8)));
        return files;
    }
}

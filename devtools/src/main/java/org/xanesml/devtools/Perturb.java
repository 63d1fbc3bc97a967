/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.devtools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.xanesml.classify.MeasuredEvaluation;
import org.xanesml.classify.MeasuredReferences;
import org.xanesml.classify.Metrics;
import org.xanesml.classify.ModelBundle;
import org.xanesml.core.Element;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;
import org.xanesml.io.Xdi;
import org.xanesml.preprocess.Smoothing;
import org.xanesml.workflow.MeasuredScoring;
import org.xanesml.workflow.StepCatalog;

/**
 * {@code perturb}: how the models' answers on the measured references of one element hold up when the spectra are
 * noisier or coarser than these (round 17). Each reference is read and normalised as {@code xanesml classify} does it;
 * copies are made with white noise of {@link #NOISE_SD} (fractions of the edge step) on the normalised mu,
 * {@value #DRAWS} draws each (seeds 1..{@value #DRAWS}), and with Gaussian broadening of {@link #BROADENING_EV}; each
 * copy is written as an edge-normalised XDI file without the original's E0 (so E0 is found again on the copy) and the
 * copies are scored by the same read, normalise and classify steps as the originals, per model:
 * {@code java -jar xanesml-devtools.jar perturb <shared dir> <element> <model> ...} (a model file or a shipped name).
 */
public final class Perturb {
    /** Noise standard deviations, in units of the edge step (normalised mu). */
    static final double[] NOISE_SD = {0.005, 0.01, 0.02};
    static final int DRAWS = 10;
    /** Gaussian broadening sigmas, eV. */
    static final double[] BROADENING_EV = {0.5, 1.0, 2.0};

    private Perturb() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: perturb <shared dir> <element> <model> ...");
        }
        Path shared = Path.of(args[0]);
        Element element = Element.ofSymbol(args[1]);
        MeasuredReferences refs = MeasuredReferences.read(shared.resolve("golden/measured/labels.csv"));
        List<MeasuredReferences.Row> rows = refs.rows().stream().filter(r -> r.element() == element).toList();
        int threads = Runtime.getRuntime().availableProcessors();
        List<String> failures = new ArrayList<>();
        List<Spectrum> originals = MeasuredScoring.normalised(StepCatalog.builtIn(), rows, shared, threads, failures);
        failures.forEach(f -> System.out.println("not read: " + f));
        Path dir = Files.createTempDirectory("xanesml-perturb");
        List<MeasuredReferences.Row> copies = new ArrayList<>();
        // the copies of each kind of perturbation, to tell which one a model does not bear
        java.util.Map<String, List<MeasuredReferences.Row>> byKind = new java.util.LinkedHashMap<>();
        for (Spectrum s : originals) {
            MeasuredReferences.Row row = rows.stream().filter(r -> r.path().equals(s.id())).findFirst().orElseThrow();
            String base = s.id().replaceAll("[^A-Za-z0-9._-]", "_");
            for (double sd : NOISE_SD) {
                for (int seed = 1; seed <= DRAWS; seed++) {
                    MeasuredReferences.Row c = write(dir, row, s, base + String.format(Locale.ROOT,
                            "__noise%.3f_%02d", sd, seed), withNoise(s.mu(), sd, seed));
                    copies.add(c);
                    byKind.computeIfAbsent(String.format(Locale.ROOT, "noise %.3f", sd), k -> new ArrayList<>())
                            .add(c);
                }
            }
            for (double sigma : BROADENING_EV) {
                MeasuredReferences.Row c = write(dir, row, s, base + String.format(Locale.ROOT, "__broadened%.1f",
                        sigma), broadened(s.energyEv(), s.mu(), sigma));
                copies.add(c);
                byKind.computeIfAbsent("broadened", k -> new ArrayList<>()).add(c);
            }
        }
        System.out.printf(Locale.ROOT, "%d %s references read, %d perturbed copies (noise %s x %d draws, broadening %s"
                + " eV)%n", originals.size(), element, copies.size(), java.util.Arrays.toString(NOISE_SD), DRAWS,
                java.util.Arrays.toString(BROADENING_EV));
        try {
            for (int a = 2; a < args.length; a++) {
                ModelBundle bundle = MeasuredBenchmark.load(args[a]);
                MeasuredEvaluation orig = MeasuredScoring.score(StepCatalog.builtIn(), refs, shared, args[a], bundle,
                        threads);
                // each copy classified once, per kind; the total is the union of the kinds' cases
                List<String> kindLines = new ArrayList<>();
                List<MeasuredEvaluation.Case> all = new ArrayList<>();
                MeasuredEvaluation k = null;
                for (var kind : byKind.entrySet()) {
                    k = MeasuredScoring.score(StepCatalog.builtIn(), new MeasuredReferences(dir.resolve("copies.csv"),
                            kind.getValue()), dir, args[a], bundle, threads);
                    all.addAll(k.cases());
                    kindLines.add(String.format(Locale.ROOT, "      %-12s %s", kind.getKey() + ":", line(k)));
                }
                MeasuredEvaluation pert = new MeasuredEvaluation(k.classes(), all, k.task());
                System.out.println(args[a] + (bundle.descriptor().domain.gridText().isEmpty() ? ""
                        : " (domain" + bundle.descriptor().domain.gridText() + ")"));
                System.out.println("    originals: " + line(orig));
                System.out.println("    copies:    " + line(pert));
                kindLines.forEach(System.out::println);
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    private static String line(MeasuredEvaluation e) {
        Metrics m = e.answeredMetrics();
        int right = m == null ? 0 : (int) Math.round(m.accuracy() * m.n());
        return String.format(Locale.ROOT, "in scope %d, answered %d (%.3f), right %d (%s); out of scope flagged %d of"
                + " %d (%.3f)", e.inScope(), e.answered(), e.coverage(), right, m == null ? "-"
                        : String.format(Locale.ROOT, "%.3f", m.accuracy()), e.outOfScopeFlagged(), e.outOfScope(),
                e.outOfScope() == 0 ? 0.0 : (double) e.outOfScopeFlagged() / e.outOfScope());
    }

    private static MeasuredReferences.Row write(Path dir, MeasuredReferences.Row row, Spectrum s, String name,
            double[] mu) throws IOException {
        // no metadata: E0 is found again on the perturbed copy, as it would be on a noisier measurement
        Spectrum copy = Spectrum.builder().id(name).energyEv(s.energyEv()).mu(mu).muScale(MuScale.EDGE_NORMALIZED)
                .absorber(s.absorber().orElse(row.element())).edge(s.edge().orElse(org.xanesml.core.Edge.K)).build();
        Path f = dir.resolve(name + ".xdi");
        Xdi.write(Xdi.fromSpectrum(copy), f);
        return new MeasuredReferences.Row(f.getFileName().toString(), row.element(), row.compound(), row.singleSite(),
                row.cn(), row.geometry(), row.oxidationState(), row.confidence(), row.line());
    }

    static double[] withNoise(double[] mu, double sd, long seed) {
        Random rnd = new Random(seed);
        double[] out = mu.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += sd * rnd.nextGaussian();
        }
        return out;
    }

    /**
     * Gaussian broadening of standard deviation {@code sigmaEv}, by the product's Larch-style smoothing (uniform grid
     * of the smallest step, mirrored ends, interpolated back).
     */
    static double[] broadened(double[] energyEv, double[] mu, double sigmaEv) {
        return Smoothing.convolve(energyEv, mu, sigmaEv * 2 * Math.sqrt(2 * Math.log(2)), Smoothing.Shape.GAUSSIAN);
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.devtools;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.Spectrum;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.io.SpectrumReaders;
import org.xanesml.preprocess.NormalizationResult;
import org.xanesml.preprocess.NormalizationWorkspace;
import org.xanesml.preprocess.PreEdgeParameters;
import org.xanesml.preprocess.PreprocessingException;
import org.xanesml.preprocess.XanesNormalization;
import org.xanesml.preprocess.XanesShape;

/**
 * CPU time of the classify command's normalise step per spectrum (Larch pre_edge with automatic parameters, then
 * the XANES shape check on the result), one thread reusing one workspace as a runner thread does, on the first
 * spectrum of each readable XDI file under {@code <shared>/data/experimental}:
 * {@code java [-XX:TieredStopAtLevel=1] -jar xanesml-devtools.jar normalise-speed <shared> [rounds] [results file]}.
 * The Cu K-edge files are timed on their own as well (the 5,000-file benchmark is Cu). The optional results file
 * gets every number the step produces (e0, edge step, a hash of norm/flat/pre/post, the shape verdict), in full
 * precision, so that two builds can be compared byte for byte.
 */
public final class NormaliseSpeed {
    private NormaliseSpeed() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).resolve("data/experimental");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".xdi")).sorted().toList();
        }
        List<Spectrum> all = new ArrayList<>();
        List<Spectrum> cu = new ArrayList<>();
        for (Path f : files) {
            try {
                Spectrum s = SpectrumReaders.read(f).get(0);
                all.add(s);
                if (f.getParent().getFileName().toString().equals("Cu")) {
                    cu.add(s);
                }
            } catch (SpectrumReadException e) {
                System.err.println("skipped " + root.relativize(f) + ": " + e.getMessage());
            }
        }
        NormalizationWorkspace ws = new NormalizationWorkspace();
        if (args.length > 2) {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2])))) {
                for (Spectrum s : all) {
                    out.println(describe(s, ws));
                }
            }
        }
        for (int r = 0; r < 5; r++) { // warm-up: the kernels compiled before timing
            run(all, ws);
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (List<Spectrum> set : List.of(cu, all)) {
            long t0 = cpu.getCurrentThreadCpuTime();
            long sink = 0;
            for (int r = 0; r < rounds; r++) {
                sink += run(set, ws);
            }
            double us = (cpu.getCurrentThreadCpuTime() - t0) / 1e3 / rounds / set.size();
            System.out.printf("%s: %d spectra, %.1f us CPU per spectrum (normalise + shape check; %d rounds; %d)%n",
                    set == cu ? "Cu" : "all", set.size(), us, rounds, sink);
        }
    }

    private static long run(List<Spectrum> spectra, NormalizationWorkspace ws) {
        long problems = 0;
        for (Spectrum s : spectra) {
            try {
                NormalizationResult n = XanesNormalization.preEdge(s.id(), s.energyEv(), s.mu(),
                        PreEdgeParameters.automatic(), ws);
                problems += XanesShape.check(n, kEdgeEv(s)).problems().size();
            } catch (PreprocessingException e) {
                problems += 100;
            }
        }
        return problems;
    }

    private static String describe(Spectrum s, NormalizationWorkspace ws) {
        try {
            NormalizationResult n = XanesNormalization.preEdge(s.id(), s.energyEv(), s.mu(),
                    PreEdgeParameters.automatic(), ws);
            XanesShape.Result shape = XanesShape.check(n, kEdgeEv(s));
            return s.id() + "\te0=" + n.e0Ev() + "\tstep=" + n.edgeStep() + "\tnorm=" + Arrays.hashCode(n.norm())
                    + "\tflat=" + Arrays.hashCode(n.flat()) + "\tpre=" + Arrays.hashCode(n.preEdge()) + "\tpost="
                    + Arrays.hashCode(n.postEdge()) + "\tdmude=" + Arrays.hashCode(n.dmude()) + "\tnoise="
                    + n.edgeToNoise() + "\twarn=" + n.warnings() + "\trepairs=" + n.repairs() + "\tshape=" + shape;
        } catch (PreprocessingException e) {
            return s.id() + "\t" + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static double kEdgeEv(Spectrum s) {
        return s.edge().orElse(Edge.K) == Edge.K ? s.absorber().map(Element::kEdgeEnergyEv).orElse(Double.NaN)
                : Double.NaN;
    }
}

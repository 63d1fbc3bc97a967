/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.devtools;

import java.util.Arrays;
import java.util.Map;

/**
 * The development tools behind one entry point, {@code java -jar devtools/target/xanesml-devtools.jar COMMAND ...}
 * (built by the normal build; nothing here ships in the product).
 */
public final class Main {
    /** A command: runs with the arguments after its name. */
    private interface Tool {
        void run(String[] args) throws Exception;
    }

    private record Entry(String usage, Tool tool) {
    }

    private static final Map<String, Entry> COMMANDS = Map.ofEntries(
            Map.entry("train-shipped", new Entry(
                    "<shared dir> <output dir> [model file ...]   build the shipped models",
                    ShippedModelBuilder::main)),
            Map.entry("accuracy", new Entry(
                    "<shared dir>   test accuracy of the shipped configurations vs scikit-learn",
                    AccuracyBenchmark::main)),
            Map.entry("speed", new Entry(
                    "<shared dir> <model dir> [rounds]   classification throughput vs scikit-learn",
                    SpeedBenchmark::main)),
            Map.entry("normalise-speed", new Entry(
                    "<shared dir> [rounds] [results file]   CPU time per spectrum of Larch"
                    + " pre_edge + the XANES shape check (the normalise step)", NormaliseSpeed::main)),
            Map.entry("read-speed", new Entry(
                    "<shared dir> [rounds]   CPU time per XDI file read (python/read_speed.py: numpy)",
                    ReadSpeed::main)),
            Map.entry("measured", new Entry("<shared dir> [model ...]   shipped models on the measured references",
                    MeasuredBenchmark::main)),
            Map.entry("candidates", new Entry(
                    "<shared dir> <cu|fe> <cn|geo|ox> <config> ...   configurations built as shipped and"
                    + " scored on val and the measured references (round 7)", MeasuredCandidates::main)),
            Map.entry("calibration", new Entry(
                    "<shared dir> <cu|fe> <cn|geo|ox> <config>   the simulation-to-experiment edge offset"
                    + " estimated for a recipe", Calibrations::main)),
            Map.entry("perturb", new Entry(
                    "<shared dir> <element> <model> ...   models on noisier and broader copies of the"
                    + " measured references (round 17)", Perturb::main)),
            Map.entry("valence", new Entry(
                    "<shared dir>   a linear estimator of the average Fe valence on the fe-k-oxidation"
                    + " features (round 14)", ValenceEstimator::main)),
            Map.entry("experiments", new Entry(
                    "<shared dir> <cu|fe> <cn|geo> <config> ...   validation (or CV) scores of"
                    + " configurations", Experiments::main)));

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Entry e = args.length == 0 ? null : COMMANDS.get(args[0]);
        if (e == null) {
            System.err.println("usage: java -jar xanesml-devtools.jar COMMAND ...");
            COMMANDS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(c -> System.err.println("  " + c.getKey() + " " + c.getValue().usage()));
            System.exit(2);
            return;
        }
        e.tool().run(Arrays.copyOfRange(args, 1, args.length));
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.devtools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.xanesml.classify.DataSet;
import org.xanesml.classify.Example;
import org.xanesml.classify.FeatureRecipe;
import org.xanesml.classify.MeasuredReferences;
import org.xanesml.classify.SimulationCalibration;
import org.xanesml.classify.SplitRole;
import org.xanesml.core.Element;
import org.xanesml.core.Spectrum;
import org.xanesml.workflow.MeasuredScoring;
import org.xanesml.workflow.StepCatalog;

/**
 * The simulation-to-experiment energy calibration of a model, estimated from data: the half-height edges
 * ({@link SimulationCalibration}) of the model's TRAIN spectra against those of the measured references of
 * {@code golden/measured/labels.csv} with a known single valence of 2 or 3 (the Fe(II)/Fe(III) minerals,
 * {@link SimulationCalibration#referenceRows}), the measured files read and normalised by the steps
 * {@code xanesml classify} runs ({@link MeasuredScoring#normalised}). Usage:
 * {@code java -jar devtools/target/xanesml-devtools.jar calibration <shared> <fe|cu> <cn|geo|ox> <config>}.
 */
public final class Calibrations {
    /** Bootstrap resamples and seed of every estimate (reproducible). */
    static final int RESAMPLES = 2000;
    static final long SEED = 0;
    private static final Map<Element, List<Spectrum>> MEASURED = Collections.synchronizedMap(new HashMap<>());

    private Calibrations() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args[0]);
        BenchmarkData.Source src = args[1].equals("cu") ? BenchmarkData.loadCu(shared) : BenchmarkData.loadFe(shared);
        BenchmarkData.Benchmark b = BenchmarkData.benchmark(src, switch (args[2]) {
            case "cn" -> org.xanesml.classify.Task.COORDINATION_NUMBER;
            case "ox" -> org.xanesml.classify.Task.OXIDATION_STATE;
            default -> org.xanesml.classify.Task.GEOMETRY;
        });
        FeatureRecipe r = Experiments.parse(args[3], b.baseRecipe()).recipe();
        if (r.renormalisation() == null) {
            throw new IllegalArgumentException("the calibration places edges on the renormalised spectrum: give rn=");
        }
        SimulationCalibration.Estimate e = estimate(shared, b.data(), b.element(), r);
        System.out.println(e.text(measuredSet(b.element()), "TRAIN simulations of " + b.key()));
        List<Spectrum> measured = measured(shared, b.element());
        double[] edges = SimulationCalibration.edges(measured, r);
        for (int i = 0; i < measured.size(); i++) {
            System.out.println(String.format(Locale.ROOT, "  %.2f eV  %s", edges[i], measured.get(i).id()));
        }
    }

    /** @return the estimate for a data set's TRAIN spectra against the element's measured references */
    public static SimulationCalibration.Estimate estimate(Path shared, DataSet data, Element element,
            FeatureRecipe r) throws IOException {
        List<Spectrum> sims = data.of(SplitRole.TRAIN).stream().map(Example::item).map(i -> i.spectrum()).toList();
        return SimulationCalibration.estimate(SimulationCalibration.edges(sims, r),
                SimulationCalibration.edges(measured(shared, element), r), RESAMPLES, SEED);
    }

    /** @return the calibration of a recipe: the estimate, without extra broadening */
    public static FeatureRecipe.Calibration calibration(Path shared, BenchmarkData.Benchmark b, FeatureRecipe recipe) {
        if (recipe.renormalisation() == null) {
            throw new IllegalArgumentException("cal=est needs rn=: the edges are placed on the renormalised spectrum");
        }
        try {
            return estimate(shared, b.data(), b.element(), recipe).calibration(0.0,
                    measuredSet(b.element()), "TRAIN simulations");
        } catch (IOException e) {
            throw new IllegalStateException("measured references for the calibration: " + e.getMessage(), e);
        }
    }

    static String measuredSet(Element element) {
        return SimulationCalibration.referenceSet(element, "golden/measured/labels.csv");
    }

    /**
     * The measured references of an element a calibration uses ({@link SimulationCalibration#referenceRows}), each
     * file's first spectrum after the read and normalise steps; a file that fails is left out with a message.
     */
    static List<Spectrum> measured(Path shared, Element element) throws IOException {
        List<Spectrum> cached = MEASURED.get(element);
        if (cached != null) {
            return cached;
        }
        MeasuredReferences refs = MeasuredReferences.read(shared.resolve("golden/measured/labels.csv"));
        List<String> failures = new ArrayList<>();
        List<Spectrum> spectra = MeasuredScoring.normalised(StepCatalog.builtIn(),
                SimulationCalibration.referenceRows(refs, element), shared, Runtime.getRuntime().availableProcessors(),
                failures);
        failures.forEach(f -> System.err.println("calibration: left out " + f));
        List<Spectrum> result = List.copyOf(spectra);
        MEASURED.put(element, result);
        return result;
    }
}

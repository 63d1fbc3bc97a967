/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.glassfish.jaxb.runtime.v2.JAXBContextFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.core.Element;
import org.xanesml.core.Spectrum;
import org.xanesml.models.PretrainedModels;
import org.xanesml.preprocess.Interpolation;
import org.xanesml.preprocess.InterpolationKind;
import org.xanesml.preprocess.Padding;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;

/**
 * The recipe's renormalisation, simulation-to-experiment calibration and white-line check: exact numbers on made
 * spectra, the descriptor round trip, and descriptors written before these options existed.
 */
class RenormalisationTest {
    private static final FeatureRecipe.Renormalisation WINDOWS = new FeatureRecipe.Renormalisation(7097, 7105, 7140,
            7165);

    private static double[] grid(double lo, double hi, double step) {
        int n = (int) Math.round((hi - lo) / step) + 1;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = lo + i * step;
        }
        return g;
    }

    /** mu = a + b (E - 7090) on 7090..7180 eV every 1 eV. */
    private static Spectrum line(double a, double b) {
        double[] e = grid(7090, 7180, 1);
        double[] mu = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            mu[i] = a + b * (e[i] - 7090);
        }
        return Spectrum.builder().id("line").energyEv(e).mu(mu).build();
    }

    @Test
    void renormalisesALineExactlyAndForgetsItsOffsetAndScale() {
        FeatureRecipe r = FeatureRecipe.mu(EnergyReference.ABSOLUTE, new double[] {7097, 7120, 7165})
                .withRenormalisation(WINDOWS);
        // A = mean over 7097..7105 = mu(7101) = 0.61; B = mean over 7140..7165 = mu(7152.5) = 1.125
        double[] x = new FeatureExtractor(r).extract(line(0.5, 0.01));
        assertEquals((0.57 - 0.61) / 0.515, x[0], 1e-6);
        assertEquals((0.80 - 0.61) / 0.515, x[1], 1e-6);
        assertEquals((1.25 - 0.61) / 0.515, x[2], 1e-6);
        // the same compound normalised another way (offset, edge step) reaches the features at the same height
        assertArrayEquals(x, new FeatureExtractor(r).extract(line(3.0, 0.03)), 1e-6);
    }

    @Test
    void windowMeansAreExactIntegralsOfTheInterpolantWithHeldEnds() {
        double[] e = {0, 1, 2};
        double[] y = {0, 1, 0};
        assertEquals(0.75, FeatureExtractor.meanOver(e, y, 0.5, 1.5), 1e-12);
        // held end value 0 before the data, then the rising half: 0.125 over 1.5 eV
        assertEquals(0.125 / 1.5, FeatureExtractor.meanOver(e, y, -1, 0.5), 1e-12);
        assertEquals(0.5, FeatureExtractor.meanOver(e, y, 0, 2), 1e-12);
    }

    @Test
    void noEdgeStepAndWindowsOutsideTheGridAreRefusedWithTheReason() {
        FeatureRecipe r = FeatureRecipe.mu(EnergyReference.ABSOLUTE, new double[] {7097, 7120, 7165})
                .withRenormalisation(WINDOWS);
        FeatureException e = assertThrows(FeatureException.class, () -> new FeatureExtractor(r).extract(line(1, 0)));
        assertTrue(e.getMessage().contains("no edge step"), e.getMessage());
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> FeatureRecipe.mu(EnergyReference.ABSOLUTE, new double[] {7100, 7165}).withRenormalisation(WINDOWS));
        assertTrue(outside.getMessage().contains("outside the grid"), outside.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FeatureRecipe.Renormalisation(7105, 7097, 7140, 7165));
    }

    @Test
    void theCalibrationShiftsSimulationsOnlyAndOldRecipesIgnoreTheMark() {
        double[] g = grid(7100, 7160, 2);
        FeatureRecipe plain = FeatureRecipe.mu(EnergyReference.ABSOLUTE, g).withDerivative(true, 1.0);
        FeatureRecipe calibrated = plain.withCalibration(FeatureRecipe.Calibration.of(2.0, 0.0, "test"));
        Spectrum measured = curved("m", 0);
        Spectrum simulated = measured.toBuilder().metadata(Spectrum.SIMULATION_KEY, "FDMNES").build();
        FeatureExtractor fx = new FeatureExtractor(calibrated);
        assertTrue(fx.calibrates(simulated));
        // a simulation shifted by +2 eV has the features of the measurement 2 eV higher
        assertArrayEquals(fx.extract(curved("m", 2.0)), fx.extract(simulated), 1e-6);
        assertArrayEquals(new FeatureExtractor(plain).extract(measured), fx.extract(measured), 0.0);
        // without a calibration the mark changes nothing: recipes from before it read simulations as they did
        assertArrayEquals(new FeatureExtractor(plain).extract(measured), new FeatureExtractor(plain).extract(simulated),
                0.0);
        // coverage is judged where the spectrum lands: 7090..7170 shifted to 7092..7172 still covers 7100..7160
        assertEquals(0, fx.uncoveredPoints(simulated));
        FeatureRecipe far = plain.withCalibration(FeatureRecipe.Calibration.of(15.0, 0.0, "test"));
        assertEquals(3, new FeatureExtractor(far).uncoveredPoints(simulated));
        assertEquals(0, new FeatureExtractor(far).uncoveredPoints(measured));
    }

    /** An edge (logistic at 7120 + shift eV) with a white line, on 7090..7170 eV every 0.5 eV. */
    private static Spectrum curved(String id, double shiftEv) {
        double[] e = grid(7090, 7170, 0.5);
        double[] mu = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            double rel = e[i] - 7120 - shiftEv;
            mu[i] = 1 / (1 + Math.exp(-rel / 1.5)) + 0.5 * Math.exp(-0.5 * Math.pow((rel - 8) / 3.0, 2));
        }
        return Spectrum.builder().id(id).energyEv(e).mu(mu).build();
    }

    @Test
    void theHalfHeightEdgeIgnoresAPreEdgePeakAboveHalfTheStep() {
        double[] e = grid(7090, 7170, 0.25);
        double[] mu = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            // a pre-edge peak of 0.8 at 7112 eV, then the edge: mu = 0.5 exactly at 7122 eV on the main rise
            mu[i] = 0.8 * Math.exp(-0.5 * Math.pow((e[i] - 7112) / 0.7, 2)) + 1 / (1 + Math.exp(-(e[i] - 7122) / 1.5))
                    + 0.4 * Math.exp(-0.5 * Math.pow((e[i] - 7130) / 3.0, 2));
        }
        double edge = SimulationCalibration.halfHeightEdgeEv(e, mu, 7105, 7165);
        // the white line adds a little at 7122 eV, so the crossing lies just below it
        assertEquals(7122, edge, 0.3);
        assertTrue(Double.isNaN(SimulationCalibration.halfHeightEdgeEv(e, new double[e.length], 7105, 7165)));
    }

    @Test
    void theOffsetIsTheMedianDifferenceWithABootstrapInterval() {
        double[] sim = new double[201];
        double[] meas = new double[41];
        Random rnd = new Random(3);
        for (int i = 0; i < sim.length; i++) {
            sim[i] = 7123 + rnd.nextGaussian();
        }
        for (int i = 0; i < meas.length; i++) {
            meas[i] = 7121 + rnd.nextGaussian();
        }
        SimulationCalibration.Estimate est = SimulationCalibration.estimate(sim, meas, 500, 0);
        assertEquals(SimulationCalibration.median(meas) - SimulationCalibration.median(sim), est.shiftEv(), 1e-12);
        assertTrue(est.lowEv() < est.shiftEv() && est.shiftEv() < est.highEv(), est.toString());
        assertTrue(est.lowEv() > -3.2 && est.highEv() < -0.8, est.toString());
        assertEquals(est, SimulationCalibration.estimate(sim, meas, 500, 0), "reproducible");
        FeatureRecipe.Calibration c = est.calibration(0.0, "made measurements", "made simulations");
        assertTrue(c.basis().contains("made measurements") && c.basis().contains("95% bootstrap"), c.basis());
        assertThrows(IllegalArgumentException.class, () -> SimulationCalibration.estimate(sim, new double[] {Double.NaN},
                10, 0));
    }

    @Test
    void descriptorsCarryTheNewOptionsAndOldOnesReadWithout() throws JAXBException, IOException {
        FeatureRecipe r = FeatureRecipe.mu(EnergyReference.ABSOLUTE, grid(7097, 7170, 1)).withDerivative(true, 1.0)
                .withSmoothing(1.5).withRenormalisation(WINDOWS.withWhiteLineMin(1.0951))
                .withCalibration(new FeatureRecipe.Calibration(-1.14, -3.52, 0.21, 0.0, "median half-height edges"));
        assertEquals(r, ModelDescriptor.Recipe.of(r).toRecipe());
        assertEquals(r, xmlRoundTrip(r));
        FeatureRecipe noInterval = r.withCalibration(FeatureRecipe.Calibration.of(-1.0, 0.5, "by hand"))
                .withRenormalisation(WINDOWS);
        assertEquals(noInterval, xmlRoundTrip(noInterval));
        assertTrue(ModelDescriptor.Recipe.of(r).renormalisation.convention.contains("7140.00..7165.00"));

        // a descriptor written before the options existed (the Cu models'): none of them, features as before
        try (InputStream in = PretrainedModels.open(PretrainedModels.CU_CN)) {
            ModelBundle shipped = ModelBundle.read(in, PretrainedModels.CU_CN);
            FeatureRecipe old = shipped.descriptor().recipe.toRecipe();
            assertNull(old.renormalisation());
            assertNull(old.calibration());
            assertNull(shipped.descriptor().recipe.renormalisation);
            assertNull(shipped.descriptor().recipe.calibration);
            double[] e = grid(8950, 9150, 0.5);
            double[] mu = new double[e.length];
            for (int i = 0; i < e.length; i++) {
                mu[i] = 1 / (1 + Math.exp(-(e[i] - 8985) / 1.5));
            }
            Spectrum s = Spectrum.builder().id("feff").energyEv(e).mu(mu).metadata(Spectrum.SIMULATION_KEY, "FEFF")
                    .metadata(EnergyReference.FEFF_FERMI_LEVEL_KEY, "8980").build();
            double[] rel = e.clone();
            for (int i = 0; i < rel.length; i++) {
                rel[i] -= 8980;
            }
            double[] legacy = new FeatureExtractor(old).assemble(Interpolation.interpolate(rel, mu, old.gridEv(),
                    InterpolationKind.LINEAR, Padding.EDGE_VALUES));
            assertArrayEquals(legacy, new FeatureExtractor(old).extract(s), 0.0);
            assertNull(new FeatureExtractor(old).whiteLineProblem(s));
        }
    }

    private static FeatureRecipe xmlRoundTrip(FeatureRecipe r) throws JAXBException {
        ModelDescriptor d = new ModelDescriptor();
        d.recipe = ModelDescriptor.Recipe.of(r);
        JAXBContext ctx = new JAXBContextFactory().createContext(new Class<?>[] {ModelDescriptor.class}, Map.of());
        StringWriter w = new StringWriter();
        ctx.createMarshaller().marshal(d, w);
        ModelDescriptor back = (ModelDescriptor) ctx.createUnmarshaller().unmarshal(new StringReader(w.toString()));
        return back.recipe.toRecipe();
    }

    @Test
    void aSpectrumWithoutAWhiteLineIsFlaggedWithItsReason(@TempDir Path dir) throws IOException {
        // synthetic Cu-like set: edge at 8980 eV, a white line 5-13 eV above it
        FeatureRecipe base = Synthetic.recipe().withRenormalisation(new FeatureRecipe.Renormalisation(8975, 8977,
                9000, 9010));
        DataSet data = Synthetic.dataSet();
        FeatureRecipe r = FeatureExtractor.withWhiteLineFloor(base, data.of(SplitRole.TRAIN).stream()
                .map(e -> e.item().spectrum()).toList());
        assertTrue(r.renormalisation().whiteLineMin() > 1.1, r.toString());
        TrainingPlan plan = TrainingPlan.of(null, Element.Cu, Task.COORDINATION_NUMBER, r, LearnerSpec.smoRbf(10, 0.01),
                TrainingOptions.DEFAULT, new TrainingPlan.Provenance("synthetic", List.of(), "test", "test"));
        Path file = dir.resolve("m.zip");
        ModelBuilder.buildTo(file, data, plan, TrainingMonitor.NONE);
        ModelBundle bundle = ModelBundle.read(file);
        assertEquals(r, bundle.model().recipe());
        assertNotNull(bundle.descriptor().recipe.renormalisation.whiteLineMin);
        LocalEnvironmentClassifier c = new LocalEnvironmentClassifier(bundle);
        Spectrum known = data.of(SplitRole.TEST).get(0).item().spectrum();
        assertNull(new FeatureExtractor(r).whiteLineProblem(known));
        // a metal-like step without a white line, at the same edge
        double[] e = known.energyEv();
        double[] mu = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            mu[i] = 1 / (1 + Math.exp(-(e[i] - 8980) / 3.0));
        }
        Spectrum foil = known.toBuilder().id("foil").mu(mu).build();
        // features and white-line verdict in one pass are those of the two separate calls
        FeatureExtractor fx = new FeatureExtractor(bundle.model().recipe());
        for (Spectrum x : List.of(known, foil)) {
            FeatureExtractor.Checked checked = fx.extractChecked(x);
            assertArrayEquals(fx.extract(x), checked.features(), 0.0);
            assertEquals(fx.whiteLineProblem(x), checked.whiteLineProblem());
        }
        assertNotNull(fx.extractChecked(foil).whiteLineProblem());
        Prediction p = c.classify(foil);
        assertEquals(Applicability.Verdict.UNLIKE_TRAINING_DATA, p.applicability().verdict());
        assertTrue(p.applicability().reason().contains("no white line"), p.applicability().reason());
        // a spectrum with no edge step in the windows is flagged, not failed
        Prediction flat = c.classify(known.toBuilder().id("flat").mu(new double[e.length]).build());
        assertEquals(Applicability.Verdict.UNLIKE_TRAINING_DATA, flat.applicability().verdict());
        assertTrue(flat.applicability().reason().contains("no edge step"), flat.applicability().reason());
    }
}

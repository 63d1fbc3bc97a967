/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.core.Element;
import org.xanesml.core.Spectrum;

/** The one training path: what every model it writes records, searches, cancellation, the written file. */
class ModelBuilderTest {
    private static TrainingPlan plan(List<LearnerSpec> candidates, TrainingPlan.Selection sel, Path source,
            boolean refit) {
        return new TrainingPlan(null, Element.Cu, Task.COORDINATION_NUMBER, Synthetic.recipe(), candidates, sel,
                new TrainingOptions(ClassBalance.NONE, Augmentation.NONE, refit),
                new TrainingPlan.Provenance("synthetic", List.of(new TrainingPlan.Source("labels.csv", source)),
                        "rebuild me", "fixed by the test"));
    }

    private static Path source(Path dir) throws IOException {
        return Files.writeString(dir.resolve("labels.csv"), "id,cn\n");
    }

    @Test
    void everyModelCarriesIntervalsCalibrationImportanceDomainAndProvenance(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("sub/model.zip");
        List<String> stages = new ArrayList<>();
        ModelBuilder.Built b = ModelBuilder.buildTo(out, Synthetic.dataSet(), plan(List.of(LearnerSpec.smoRbf(10,
                0.01)), TrainingPlan.Selection.VALIDATION, source(dir), true), new TrainingMonitor() {
                    @Override
                    public void stage(String sentence) {
                        stages.add(sentence);
                    }

                    @Override
                    public boolean cancelled() {
                        return false;
                    }
                });
        ModelDescriptor d = ModelBundle.read(out).descriptor();
        assertEquals(2, d.metrics.size());
        for (ModelDescriptor.SplitMetrics m : d.metrics) {
            assertTrue(m.accuracyLow <= m.accuracy && m.accuracy <= m.accuracyHigh, m.split + " interval");
            assertTrue(m.macroF1Low <= m.macroF1 && m.macroF1 <= m.macroF1High, m.split + " interval");
            assertFalse(Double.isNaN(m.expectedCalibrationError), m.split + " ECE");
        }
        assertTrue(b.test().accuracy() > 0.8, "a learnable problem: " + b.test().accuracy());
        assertFalse(d.importance.windows.isEmpty());
        assertEquals(ModelBuilder.DOMAIN_COMPONENTS, d.domain.axes.size());
        assertEquals(ModelBuilder.DOMAIN_QUANTILE, d.domain.quantile);
        assertTrue(d.domain.testInDomainFraction > 0.5, "test in domain " + d.domain.testInDomainFraction);
        assertEquals("labels.csv", d.training.sources.get(0).path);
        assertEquals(ModelBundle.sha256(dir.resolve("labels.csv")), d.training.sources.get(0).sha256);
        assertEquals("rebuild me", d.training.rebuildCommand);
        assertTrue(d.learner.selection.startsWith("fixed by the test; validation metrics"), d.learner.selection);
        assertTrue(d.training.refittedOnTrainAndVal);
        assertEquals(ModelDescriptor.Versions.XANESML_VERSION, d.versions.xanesml);
        assertEquals("synthetic COORDINATION_NUMBER SMO_RBF C=10 gamma=0.0100000", d.name);
        assertNull(b.search());
        assertTrue(stages.contains("refitting on training + validation (" + d.training.trainSize + " spectra)"),
                stages.toString());
        assertEquals(List.of("model.zip"), listing(out.getParent()), "no temp file left beside the model");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @Test
    void aSearchPicksTheBetterCandidateOnValidationOrByCrossValidation(@TempDir Path dir) throws IOException {
        // a J48 whose leaves need 1,000 spectra is one leaf: it cannot beat the tree with 2-spectrum leaves
        List<LearnerSpec> cs = LearnerSpec.ParameterText.parse("confidence=0.25; minLeaf=1000,2")
                .candidates(LearnerSpec.Kind.J48);
        for (TrainingPlan.Selection sel : List.of(TrainingPlan.Selection.VALIDATION,
                TrainingPlan.Selection.crossValidation(3, 2))) {
            ModelBuilder.Built b = ModelBuilder.build(Synthetic.dataSet(), plan(cs, sel, source(dir), false),
                    TrainingMonitor.NONE);
            assertEquals(2.0, b.descriptor().learner.toSpec().params().get("minLeaf"));
            assertTrue(b.search().startsWith("J48 confidence=0.250000 minLeaf=2 chosen by " + sel.text()
                    + " among 2 candidates") && b.search().contains("minLeaf=1000: "), b.search());
            assertEquals(b.search(), b.descriptor().learner.selection);
        }
    }

    @Test
    void cancellingWritesNothing(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("model.zip");
        AtomicInteger asked = new AtomicInteger();
        for (int stopAt = 0; stopAt < 4; stopAt++) {
            int limit = stopAt;
            asked.set(0);
            TrainingMonitor m = new TrainingMonitor() {
                @Override
                public void stage(String sentence) {
                    // not shown
                }

                @Override
                public boolean cancelled() {
                    return asked.getAndIncrement() >= limit;
                }
            };
            CancellationException e = assertThrows(CancellationException.class, () -> ModelBuilder.buildTo(out,
                    Synthetic.dataSet(), plan(List.of(LearnerSpec.smoRbf(10, 0.01)),
                            TrainingPlan.Selection.VALIDATION, source(dir), true), m));
            assertTrue(e.getMessage().contains("no model written"), e.getMessage());
            assertEquals(List.of("labels.csv"), listing(dir));
        }
    }

    @Test
    void unusableDataAreRefusedWithTheReason(@TempDir Path dir) throws IOException {
        DataSet oneClass = new DataSetBuilder().name("one").task(Task.COORDINATION_NUMBER).groupedSplit(0.2, 0.2, 1)
                .build(Synthetic.items(30, 1, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelBuilder.build(oneClass,
                plan(List.of(LearnerSpec.smoRbf(10, 0.01)), TrainingPlan.Selection.VALIDATION, source(dir), false),
                TrainingMonitor.NONE));
        assertTrue(e.getMessage().contains("a classifier needs 2 or more"), e.getMessage());
        double[] wide = new double[] {8900, 8980, 9100};
        TrainingPlan p = new TrainingPlan("w", Element.Cu, Task.COORDINATION_NUMBER,
                FeatureRecipe.mu(EnergyReference.ABSOLUTE, wide), List.of(LearnerSpec.smoRbf(10, 0.01)),
                TrainingPlan.Selection.VALIDATION, TrainingOptions.DEFAULT,
                new TrainingPlan.Provenance("synthetic", List.of(), null, "test"));
        e = assertThrows(IllegalArgumentException.class, () -> ModelBuilder.build(Synthetic.dataSet(), p,
                TrainingMonitor.NONE));
        assertTrue(e.getMessage().contains("do not cover the feature grid 8900.0..9100.0 eV"), e.getMessage());
    }

    @Test
    void aGridThatCalibratedSimulationsLeaveIsRefusedWithTheShiftedRange() {
        // simulations cover 8970..9029.5 eV; the calibration moves them up by 6 eV, off the grid's first point
        DataSet simulated = new DataSetBuilder().name("sim").task(Task.COORDINATION_NUMBER).groupedSplit(0.2, 0.2, 1)
                .build(Synthetic.items(20, 2, 3).stream().map(i -> new LabelledSpectrum(i.spectrum().toBuilder()
                        .metadata(Spectrum.SIMULATION_KEY, "FEFF").build(), i.label(), i.group())).toList());
        TrainingPlan p = new TrainingPlan("cal", Element.Cu, Task.COORDINATION_NUMBER, Synthetic.recipe()
                .withCalibration(FeatureRecipe.Calibration.of(6.0, 0.0, "test")), List.of(LearnerSpec.smoRbf(10,
                        0.01)), TrainingPlan.Selection.VALIDATION, TrainingOptions.DEFAULT,
                new TrainingPlan.Provenance("synthetic", List.of(), null, "test"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelBuilder.build(simulated,
                p, TrainingMonitor.NONE));
        assertTrue(e.getMessage().contains("40 of 40 spectra do not cover the feature grid 8975.0..9010.4 eV"
                + " (ABSOLUTE) once simulations are shifted by the calibration's +6.00 eV; all of them cover"
                + " 8976.00..9035.50 eV"), e.getMessage());
    }

    @Test
    void oneParameterSyntaxForFixedValuesAndCandidates() {
        LearnerSpec.ParameterText t = LearnerSpec.ParameterText.parse("C=3,10,30; gamma=0.001");
        assertEquals(Map.of("gamma", 0.001), t.fixed());
        assertEquals(Map.of("C", List.of(3.0, 10.0, 30.0)), t.searched());
        assertEquals(t, LearnerSpec.ParameterText.parse("C=3,10,30, gamma=0.001"));
        assertEquals(3, t.candidates(LearnerSpec.Kind.SMO_RBF).size());
        assertEquals(LearnerSpec.smoRbf(10, 0.005), LearnerSpec.parse(LearnerSpec.Kind.SMO_RBF, "C=10,gamma=0.005"));
        String[][] bad = { { "C=3,x", "'x' is not a number" }, { "C", "expected name=value" },
                { "C=1; C=2", "C is given twice" }, { "C=1,", "'' is not a number" }, { "=3", "expected name" } };
        for (String[] b : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LearnerSpec.ParameterText.parse(b[0]));
            assertTrue(e.getMessage().contains(b[1]), b[0] + ": " + e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LearnerSpec.parse(LearnerSpec.Kind.SMO_RBF, "C=1,2"));
        assertTrue(e.getMessage().contains("one value per parameter"), e.getMessage());
    }

    private static List<String> listing(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.devtools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xanesml.classify.Applicability;
import org.xanesml.classify.Example;
import org.xanesml.classify.LocalEnvironmentClassifier;
import org.xanesml.classify.ModelBuilder;
import org.xanesml.classify.ModelBundle;
import org.xanesml.classify.ModelDescriptor;
import org.xanesml.classify.Prediction;
import org.xanesml.classify.FeatureRecipe;
import org.xanesml.classify.SplitRole;
import org.xanesml.classify.Task;
import org.xanesml.core.Element;
import org.xanesml.core.Spectrum;
import org.xanesml.models.PretrainedModels;
import org.xanesml.testing.SharedData;

/**
 * The shipped models against the shared data they were built from: the model-building tool reproduces them through
 * the product's training path, and they keep their own test split in domain. (Moved here from the classify bundle's
 * tests with the tool; the rest of the shipped-model checks stay there.)
 */
class ShippedModelsRebuildTest {
    private static ModelBundle load(String name) throws IOException {
        try (InputStream in = PretrainedModels.open(name)) {
            return ModelBundle.read(in, "org.xanesml.models/" + name);
        }
    }

    private static ShippedModels.Spec spec(String fileName) {
        return ShippedModels.ALL.stream().filter(s -> s.fileName().equals(fileName)).findFirst().orElseThrow();
    }

    /** Validation and test metrics of a rebuilt model equal the shipped descriptor's (training is deterministic). */
    private static void assertSameMetrics(ModelBundle shipped, ModelBuilder.Built rebuilt) {
        for (int i = 0; i < 2; i++) {
            ModelDescriptor.SplitMetrics want = shipped.descriptor().metrics.get(i);
            ModelDescriptor.SplitMetrics got = rebuilt.descriptor().metrics.get(i);
            assertEquals(want.split, got.split);
            assertEquals(want.n, got.n);
            assertEquals(want.accuracy, got.accuracy, 0.01, want.split + " accuracy");
            assertEquals(want.macroF1, got.macroF1, 0.01, want.split + " macro-F1");
        }
    }

    @Test
    void retrainingFeCnFromSharedDataMatchesTheDescriptor() throws IOException {
        Path shared = SharedData.require("data/xanesnet-fe/spectra.csv.gz").getParent().getParent().getParent();
        SharedData.require("golden/splits/xanesnet_fe_split.csv");
        ModelBundle shipped = load(PretrainedModels.FE_CN);
        ShippedModels.Spec spec = spec(PretrainedModels.FE_CN);
        ModelBuilder.Built rebuilt = ShippedModelBuilder.build(shared, new BenchmarkData.Sources(shared), spec);
        assertSameMetrics(shipped, rebuilt);
        assertEquals(shipped.descriptor().training.sources.get(0).sha256,
                rebuilt.descriptor().training.sources.get(0).sha256, "training data changed since the model was built");
    }

    /** The Cu oxidation-state model: labels re-derived from the structures, the model retrained, same metrics. */
    @Test
    void retrainingCuOxidationFromSharedStructuresMatchesTheDescriptor() throws IOException {
        Path shared = SharedData.require("data/omnixas-cu/spectra.csv.gz").getParent().getParent().getParent();
        SharedData.require("data/omnixas-cu/FEFF_Cu_feff_inp.tar.gz");
        ModelBundle shipped = load(PretrainedModels.CU_OXIDATION);
        ShippedModels.Spec spec = spec(PretrainedModels.CU_OXIDATION);
        ModelBuilder.Built rebuilt = ShippedModelBuilder.build(shared, new BenchmarkData.Sources(shared), spec);
        assertEquals(List.of("1", "2", "3"), rebuilt.descriptor().classes);
        assertSameMetrics(shipped, rebuilt);
        assertEquals(Task.OXIDATION_STATE.name(), rebuilt.descriptor().task);
        // round 16: the domain looks to E0 + 60 eV, the classifier to E0 + 40 eV
        assertNotNull(shipped.descriptor().domain.gridEv);
        assertArrayEquals(shipped.descriptor().domain.gridEv, rebuilt.descriptor().domain.gridEv);
        assertEquals(60.0, shipped.descriptor().domain.gridEv[shipped.descriptor().domain.gridEv.length - 1]);
        assertEquals(40.0, shipped.model().recipe().gridEv()[shipped.model().recipe().gridSize() - 1]);
    }

    /**
     * The Fe oxidation-state model of round 9: labels from the structures, the calibration re-estimated from the
     * measured references, the model retrained; same metrics, same shift and white-line floor.
     */
    @Test
    void retrainingFeOxidationWithItsMeasuredCalibrationMatchesTheDescriptor() throws IOException {
        Path shared = SharedData.require("data/xanesnet-fe/spectra.csv.gz").getParent().getParent().getParent();
        SharedData.require("data/xanesnet-fe/preconv.tar.gz");
        SharedData.require("golden/measured/labels.csv");
        ModelBundle shipped = load(PretrainedModels.FE_OXIDATION);
        ModelBuilder.Built rebuilt = ShippedModelBuilder.build(shared, new BenchmarkData.Sources(shared),
                spec(PretrainedModels.FE_OXIDATION));
        assertEquals(List.of("2", "3"), rebuilt.descriptor().classes);
        assertSameMetrics(shipped, rebuilt);
        FeatureRecipe want = shipped.descriptor().recipe.toRecipe();
        FeatureRecipe got = rebuilt.descriptor().recipe.toRecipe();
        assertEquals(want.calibration().shiftEv(), got.calibration().shiftEv(), 1e-9, "calibration shift");
        assertEquals(want.renormalisation().whiteLineMin(), got.renormalisation().whiteLineMin(), 1e-9);
    }

    @Test
    void cuModelKeepsTheTestSplitInDomainAndRejectsOtherElements() throws IOException {
        Path shared = SharedData.require("data/omnixas-cu/spectra.csv.gz").getParent().getParent().getParent();
        SharedData.require("data/xanesnet-fe/spectra.csv.gz");
        LocalEnvironmentClassifier c = new LocalEnvironmentClassifier(load(PretrainedModels.CU_CN));
        BenchmarkData.Sources sources = new BenchmarkData.Sources(shared);
        BenchmarkData.Benchmark b = BenchmarkData.benchmark(sources.of(Element.Cu), Task.COORDINATION_NUMBER);
        int in = 0;
        List<Example> test = b.data().of(SplitRole.TEST);
        for (Example e : test) {
            if (c.classify(e.item().spectrum()).applicability().inDomain()) {
                in++;
            }
        }
        double fraction = (double) in / test.size();
        assertTrue(fraction >= 0.95, "test split in domain: " + fraction);

        Map<String, Spectrum> fe = sources.of(Element.Fe).spectra();
        List<Spectrum> some = new ArrayList<>(fe.values()).subList(0, 50);
        for (Spectrum s : some) {
            Prediction p = c.classify(s);
            assertEquals(Applicability.Verdict.WRONG_ELEMENT, p.applicability().verdict(), p.applicability().reason());
            // without an absorber label the spectrum still cannot be placed on the Cu model's grid
            Spectrum anonymous = Spectrum.builder().id(s.id()).energyEv(s.energyEv()).mu(s.mu()).build();
            Prediction q = c.classify(anonymous);
            assertTrue(!q.applicability().inDomain(), q.applicability().reason());
        }
        assertEquals(Element.Cu.symbol(), c.bundle().descriptor().element);
    }
}

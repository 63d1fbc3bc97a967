/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xanesml.classify.internal.BenchmarkData;
import org.xanesml.classify.internal.ModelFactory;
import org.xanesml.classify.internal.ShippedModels;
import org.xanesml.classify.internal.TrainCommand;
import org.xanesml.core.Element;
import org.xanesml.core.Spectrum;
import org.xanesml.models.PretrainedModels;
import org.xanesml.testing.SharedData;

/** The shipped models: they load safely, reproduce from the shared data, and know where they apply. */
class ShippedModelsTest {
    private static ModelBundle load(String name) throws IOException {
        try (InputStream in = PretrainedModels.open(name)) {
            return ModelBundle.read(in, "org.xanesml.models/" + name);
        }
    }

    @Test
    void everyShippedModelLoadsIsSmallAndDescribesItself() throws IOException {
        for (String name : PretrainedModels.ALL) {
            ModelBundle b = load(name);
            ModelDescriptor d = b.descriptor();
            long fileBytes;
            try (InputStream in = PretrainedModels.open(name)) {
                fileBytes = in.readAllBytes().length;
            }
            assertTrue(fileBytes < 5_000_000, name + " is " + fileBytes + " bytes");
            assertTrue(d.training.rebuildCommand.contains(name), d.training.rebuildCommand);
            assertEquals(2, d.metrics.size());
            assertTrue(d.importance != null && !d.importance.windows.isEmpty(), name + " has no importance table");
            // shipped models must predict through the flat-array path (5,000+ spectra/s on one core)
            assertTrue(b.model().hasFastPath(), name + " has no fast prediction path");
        }
    }

    @Test
    void retrainingFeCnFromSharedDataMatchesTheDescriptor() throws IOException {
        Path shared = SharedData.require("data/xanesnet-fe/spectra.csv.gz").getParent().getParent().getParent();
        SharedData.require("golden/splits/xanesnet_fe_split.csv");
        ModelBundle shipped = load(PretrainedModels.FE_CN);
        ShippedModels.Spec spec = ShippedModels.ALL.stream().filter(s -> s.fileName().equals(PretrainedModels.FE_CN))
                .findFirst().orElseThrow();
        ModelFactory.Built rebuilt = TrainCommand.build(shared, BenchmarkData.loadFe(shared), spec);
        for (int i = 0; i < 2; i++) {
            ModelDescriptor.SplitMetrics want = shipped.descriptor().metrics.get(i);
            ModelDescriptor.SplitMetrics got = rebuilt.descriptor().metrics.get(i);
            assertEquals(want.split, got.split);
            assertEquals(want.n, got.n);
            assertEquals(want.accuracy, got.accuracy, 0.01, want.split + " accuracy");
            assertEquals(want.macroF1, got.macroF1, 0.01, want.split + " macro-F1");
        }
        assertEquals(shipped.descriptor().training.sources.get(0).sha256,
                rebuilt.descriptor().training.sources.get(0).sha256, "training data changed since the model was built");
    }

    @Test
    void cuModelKeepsTheTestSplitInDomainAndRejectsOtherElements() throws IOException {
        Path shared = SharedData.require("data/omnixas-cu/spectra.csv.gz").getParent().getParent().getParent();
        SharedData.require("data/xanesnet-fe/spectra.csv.gz");
        LocalEnvironmentClassifier c = new LocalEnvironmentClassifier(load(PretrainedModels.CU_CN));
        BenchmarkData.Benchmark b = BenchmarkData.benchmark(BenchmarkData.loadCu(shared), Task.COORDINATION_NUMBER);
        int in = 0;
        List<Example> test = b.data().of(SplitRole.TEST);
        for (Example e : test) {
            if (c.classify(e.item().spectrum()).applicability().inDomain()) {
                in++;
            }
        }
        double fraction = (double) in / test.size();
        assertTrue(fraction >= 0.95, "test split in domain: " + fraction);

        Map<String, Spectrum> fe = BenchmarkData.loadFe(shared).spectra();
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

    @Test
    void measuredCuFoilAndOtherElementsAreFlaggedByTheCuModel() throws IOException {
        Path cuDir = SharedData.require("data/experimental/XASDataLibrary/data/Cu");
        Path feDir = SharedData.require("data/experimental/XASDataLibrary/data/Fe");
        LocalEnvironmentClassifier c = new LocalEnvironmentClassifier(load(PretrainedModels.CU_CN));
        StringBuilder log = new StringBuilder();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(cuDir)) {
            for (Path f : files.sorted().toList()) {
                Prediction p = c.classify(MeasuredSpectra.readNormalisedXdi(f, true));
                log.append(f.getFileName()).append(": ").append(p.applicability().verdict()).append(' ')
                        .append(p.label()).append(" (").append(p.applicability().reason()).append(")\n");
                if (f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).contains("foil")) {
                    assertTrue(!p.applicability().inDomain(), "Cu foil judged in domain: " + p.applicability().reason());
                }
            }
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(feDir)) {
            for (Path f : files.sorted().limit(8).toList()) {
                Prediction labelled = c.classify(MeasuredSpectra.readNormalisedXdi(f, true));
                assertEquals(Applicability.Verdict.WRONG_ELEMENT, labelled.applicability().verdict());
                Prediction anonymous = c.classify(MeasuredSpectra.readNormalisedXdi(f, false));
                assertEquals(Applicability.Verdict.WRONG_EDGE, anonymous.applicability().verdict(),
                        anonymous.applicability().reason());
                log.append(f.getFileName()).append(" without labels: ").append(anonymous.applicability().reason())
                        .append("\n");
            }
        }
        java.nio.file.Files.writeString(SharedData.outputDir().resolve("cu-model-measured-spectra.txt"), log);
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.xanesml.core.Spectrum;
import org.xanesml.models.PretrainedModels;
import org.xanesml.testing.SharedData;

/**
 * The shipped models: they load safely and know where they apply. That they reproduce from the shared data is checked
 * where the model-building tool lives, {@code devtools/} (ShippedModelsRebuildTest).
 */
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

    /**
     * fe-k-cn and fe-k-geometry place, renormalise and smooth a spectrum alike: sharing one thread's cache, the second
     * samples the first one's curve, and both answer exactly as classifiers of their own.
     */
    @Test
    void feModelsThatSmoothAlikeShareTheCurveAndAnswerAsAlone() throws IOException {
        Path feDir = SharedData.require("data/experimental/XASDataLibrary/data/Fe");
        ModelBundle cn = load(PretrainedModels.FE_CN);
        ModelBundle geometry = load(PretrainedModels.FE_GEOMETRY);
        SmoothedCurveCache shared = new SmoothedCurveCache();
        LocalEnvironmentClassifier cnShared = new LocalEnvironmentClassifier(cn, shared);
        LocalEnvironmentClassifier geometryShared = new LocalEnvironmentClassifier(geometry, shared);
        LocalEnvironmentClassifier cnAlone = new LocalEnvironmentClassifier(cn);
        LocalEnvironmentClassifier geometryAlone = new LocalEnvironmentClassifier(geometry);
        int spectra = 0;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(feDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xdi")).sorted().toList()) {
                Spectrum s = MeasuredSpectra.readNormalisedXdi(f, true);
                for (LocalEnvironmentClassifier[] pair : new LocalEnvironmentClassifier[][] {{cnShared, cnAlone},
                    {geometryShared, geometryAlone}}) {
                    Prediction a = pair[0].classify(s);
                    Prediction b = pair[1].classify(s);
                    assertArrayEquals(b.probabilities(), a.probabilities(), 0.0, f.toString());
                    assertEquals(b.applicability(), a.applicability(), f.toString());
                }
                spectra++;
            }
        }
        assertTrue(spectra >= 10, "Fe scans read: " + spectra);
        // one hit per spectrum the geometry model reached the features of (those the CN model smoothed first)
        assertTrue(shared.hits() >= spectra / 2, shared.hits() + " hits for " + spectra + " spectra");
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

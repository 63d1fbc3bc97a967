/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;
import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;
import org.xanesml.models.PretrainedModels;
import org.xanesml.preprocess.NormalizationResult;
import org.xanesml.preprocess.PreEdgeParameters;
import org.xanesml.preprocess.XanesNormalization;
import org.xanesml.preprocess.XanesShape;
import org.xanesml.testing.SharedData;

/**
 * Issue 16 item 6: garbage is not classified. Before the shape check the shipped Cu models answered featureless
 * arctan and logistic steps in domain (Cu CN: CN 4 at p = 0.998 for an arctan 2 eV wide); a flipped measured edge
 * was only "unlike the training data", with probabilities.
 */
class NotXanesTest {
    private static LocalEnvironmentClassifier shipped(String name) throws IOException {
        try (InputStream in = PretrainedModels.open(name)) {
            return new LocalEnvironmentClassifier(ModelBundle.read(in, name));
        }
    }

    /** Normalised as the product normalises (Larch pre_edge), with E0 recorded, as the normalise step hands it on. */
    private static Spectrum normalised(String id, double[] e, double[] mu, Element absorber) {
        NormalizationResult r = XanesNormalization.preEdge(id, e, mu, PreEdgeParameters.automatic());
        return Spectrum.builder().id(id).energyEv(r.energyEv()).mu(r.norm()).absorber(absorber).edge(Edge.K)
                .muScale(MuScale.EDGE_NORMALIZED)
                .metadata(EnergyReference.E0_KEY, String.format(Locale.ROOT, "%.4f", r.e0Ev())).build();
    }

    /** 8779..9129 eV every 0.5 eV, normalised. */
    private static Spectrum synthetic(String id, DoubleUnaryOperator mu) {
        int n = 701;
        double[] e = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = 8779 + 0.5 * i;
            m[i] = mu.applyAsDouble(e[i]);
        }
        return normalised(id, e, m, Element.Cu);
    }

    @Test
    void featurelessStepsAreNotXanes() throws IOException {
        for (String model : new String[] { PretrainedModels.CU_CN, PretrainedModels.CU_GEOMETRY }) {
            LocalEnvironmentClassifier c = shipped(model);
            // the two the models answered in domain before
            for (Spectrum s : new Spectrum[] { synthetic("arctan", e -> 0.5 + Math.atan((e - 8981) / 2) / Math.PI),
                    synthetic("logistic", e -> 1 / (1 + Math.exp(-(e - 8981) / 3))) }) {
                Prediction p = c.classify(s);
                assertEquals(Applicability.Verdict.NOT_XANES, p.applicability().verdict(), p.applicability().reason());
                assertTrue(p.applicability().reason().startsWith(s.id() + ": not a XANES spectrum: no white line"),
                        p.applicability().reason());
                assertNull(p.label(), "a class was given for a featureless step");
            }
            // steps unlike the training data keep that verdict, and say what else is wrong
            for (double width : new double[] { 0.5, 1, 2, 3, 5 }) {
                for (Spectrum s : new Spectrum[] {
                        synthetic("arctan", e -> 0.5 + Math.atan((e - 8981) / width) / Math.PI),
                        synthetic("logistic", e -> 1 / (1 + Math.exp(-(e - 8981) / width))) }) {
                    Prediction p = c.classify(s);
                    assertFalse(p.applicability().inDomain(), s.id() + " " + width);
                    assertTrue(p.applicability().reason().contains("no white line or oscillation"),
                            p.applicability().reason());
                }
            }
            Prediction ramp = c.classify(synthetic("ramp", e -> (e - 8779) / 800));
            assertFalse(ramp.applicability().inDomain(), ramp.applicability().reason());
        }
    }

    @Test
    void invertedAndMisplacedMeasuredEdgesAreNotXanes() throws IOException {
        Spectrum cuO = org.xanesml.io.SpectrumReaders.read(
                SharedData.require("data/experimental/XASDataLibrary/data/Cu/CuO_tenorite_13K_01.xdi")).get(0);
        LocalEnvironmentClassifier cu = shipped(PretrainedModels.CU_CN);
        Prediction ok = cu.classify(normalised("CuO", cuO.energyEv(), cuO.mu(), Element.Cu));
        assertTrue(ok.applicability().verdict() != Applicability.Verdict.NOT_XANES, ok.applicability().reason());
        double[] flipped = cuO.mu();
        for (int i = 0; i < flipped.length; i++) {
            flipped[i] = 5 - flipped[i];
        }
        Prediction inverted = cu.classify(normalised("inverted", cuO.energyEv(), flipped, Element.Cu));
        assertFalse(inverted.applicability().inDomain());
        assertTrue(inverted.applicability().reason().contains("an inverted edge"), inverted.applicability().reason());

        // the Fe models' grid is absolute: only the tabulated edge tells a shifted edge from a chemical shift
        Spectrum fe2O3 = org.xanesml.io.SpectrumReaders.read(
                SharedData.require("data/experimental/XASDataLibrary/data/Fe/Fe2O3_rt_01.xdi")).get(0);
        LocalEnvironmentClassifier fe = shipped(PretrainedModels.FE_CN);
        Prediction near = fe.classify(normalised("Fe2O3", fe2O3.energyEv(), fe2O3.mu(), Element.Fe));
        assertTrue(near.applicability().verdict() != Applicability.Verdict.NOT_XANES, near.applicability().reason());
        double[] shifted = fe2O3.energyEv();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += 60;
        }
        Prediction far = fe.classify(normalised("shifted", shifted, fe2O3.mu(), Element.Fe));
        assertFalse(far.applicability().inDomain());
        assertTrue(far.applicability().reason().contains("from the tabulated edge at 7112 eV"),
                far.applicability().reason());
    }

    @Test
    void aShapeCheckTheNormaliseStepMadeIsUsedOnlyWhenItJudgedTheSameEdge() throws IOException {
        LocalEnvironmentClassifier c = shipped(PretrainedModels.CU_CN);
        Spectrum step = synthetic("arctan", e -> 0.5 + Math.atan((e - 8981) / 2) / Math.PI);
        Prediction own = c.classify(step);
        XanesShape.Result fresh = XanesShape.check(step.energyEv(), step.mu(),
                Double.parseDouble(step.metadata(EnergyReference.E0_KEY).orElseThrow()), Element.Cu.kEdgeEnergyEv());
        // given the same check, the same answer (the classifier then skips its own)
        Prediction given = c.classify(step, fresh);
        assertEquals(own.applicability(), given.applicability());
        // a check is taken as given: one that found no problem turns NOT_XANES into an answer...
        XanesShape.Result clean = new XanesShape.Result(fresh.e0Ev(), fresh.rise(), fresh.fall(), fresh.noise(),
                fresh.structure(), fresh.edgeOffsetEv(), java.util.List.of());
        assertTrue(c.classify(step, clean).applicability().verdict() != Applicability.Verdict.NOT_XANES);
        // ...but not for a spectrum of unknown absorber, whose edge the normalise step could not place
        Spectrum anonymous = Spectrum.builder().id("anonymous").energyEv(step.energyEv()).mu(step.mu()).edge(Edge.K)
                .muScale(MuScale.EDGE_NORMALIZED).metadata(step.metadata()).build();
        assertEquals(Applicability.Verdict.NOT_XANES, c.classify(anonymous, clean).applicability().verdict());
    }
}

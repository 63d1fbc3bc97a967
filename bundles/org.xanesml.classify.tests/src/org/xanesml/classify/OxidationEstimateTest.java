/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xanesml.core.Element;

/** The continuous oxidation state and the scoring of mixed-valence references. */
class OxidationEstimateTest {
    private static Prediction prediction(List<String> classes, double... p) {
        return new Prediction("x", classes, p, null);
    }

    @Test
    void expectationAndSpreadOverTheClassProbabilities() {
        OxidationEstimate e = OxidationEstimate.of("OXIDATION_STATE", prediction(List.of("2", "3"), 0.25, 0.75)).orElseThrow();
        assertEquals(2.75, e.mean(), 1e-12);
        assertEquals(Math.sqrt(0.25 * 0.75 * 0.75 + 0.75 * 0.25 * 0.25), e.spread(), 1e-12);
        OxidationEstimate sure = OxidationEstimate.of("OXIDATION_STATE", prediction(List.of("1", "2", "3"), 0, 1, 0)).orElseThrow();
        assertEquals(2.0, sure.mean(), 1e-12);
        assertEquals(0.0, sure.spread(), 1e-12);
        // only for oxidation-state models, with probabilities and numeric classes
        assertTrue(OxidationEstimate.of("COORDINATION_NUMBER", prediction(List.of("4", "6"), 0.5, 0.5)).isEmpty());
        assertTrue(OxidationEstimate.of("OXIDATION_STATE", prediction(List.of("2", "3"))).isEmpty());
        assertTrue(OxidationEstimate.of("OXIDATION_STATE", prediction(List.of("Fe2+", "Fe3+"), 0.5, 0.5)).isEmpty());
    }

    @Test
    void aMixedValenceAverageIsNotClassTwoButIsScoredContinuously() {
        List<String> classes = List.of("2", "3");
        MeasuredReferences.Row magnetite = new MeasuredReferences.Row("m.xdi", Element.Fe, "Fe3O4", false, "", "", "2.67",
                "medium", 2);
        MeasuredReferences.Row hematite = new MeasuredReferences.Row("h.xdi", Element.Fe, "Fe2O3", true, "6", "octahedral",
                "3", "high", 3);
        MeasuredReferences.Row foil = new MeasuredReferences.Row("f.xdi", Element.Fe, "Fe", true, "8", "bcc", "0", "high", 4);
        assertEquals(MeasuredEvaluation.Scope.MIXED_VALENCE,
                MeasuredEvaluation.scopeOf(magnetite, Task.OXIDATION_STATE, Element.Fe, classes));
        assertEquals(MeasuredEvaluation.Scope.IN_SCOPE, MeasuredEvaluation.scopeOf(hematite, Task.OXIDATION_STATE, Element.Fe, classes));
        assertEquals(MeasuredEvaluation.Scope.OUT_OF_SCOPE, MeasuredEvaluation.scopeOf(foil, Task.OXIDATION_STATE, Element.Fe, classes));
        Applicability in = new Applicability(Applicability.Verdict.IN_DOMAIN, 0.1, "ok");
        MeasuredEvaluation e = new MeasuredEvaluation(classes, List.of(
                MeasuredEvaluation.caseOf(magnetite, Task.OXIDATION_STATE, Element.Fe, classes,
                        new Prediction("m", classes, new double[] { 0.4, 0.6 }, in), null),
                MeasuredEvaluation.caseOf(hematite, Task.OXIDATION_STATE, Element.Fe, classes,
                        new Prediction("h", classes, new double[] { 0.1, 0.9 }, in), null)), Task.OXIDATION_STATE);
        assertEquals(1, e.inScope()); // the average is not a class
        assertEquals(2, e.continuous().size());
        assertEquals(2.6, e.continuous().get(0).estimate().mean(), 1e-12);
        assertEquals(1, e.mixedValenceWithin(0.3)[0]);
        assertTrue(e.text().contains("mixed valence within 0.3 of the average: 1 of 1"), e.text());
        assertTrue(Path.of("m.xdi").toString().equals(e.continuous().get(0).c().id()));
    }
}

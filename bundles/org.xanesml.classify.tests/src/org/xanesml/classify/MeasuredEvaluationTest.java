/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.core.Element;

/** Scoring on measured references: which rows count, how labels meet classes, coverage and forced accuracy. */
class MeasuredEvaluationTest {
    private static final List<String> GEOMETRIES = List.of("tetrahedral", "square-planar", "square-pyramidal",
            "octahedral");

    @Test
    void labelsMeetClassesByWholeWords() {
        assertEquals("octahedral", MeasuredReferences.matchClass("Jahn-Teller distorted octahedral", GEOMETRIES));
        assertEquals("square-planar", MeasuredReferences.matchClass("square-planar (4 + 2 long)", GEOMETRIES));
        assertEquals("tetrahedral", MeasuredReferences.matchClass("Tetrahedral", GEOMETRIES));
        assertNull(MeasuredReferences.matchClass("mostly trigonal", GEOMETRIES));
        assertNull(MeasuredReferences.matchClass("fcc metal", GEOMETRIES));
        assertNull(MeasuredReferences.matchClass("", GEOMETRIES));
        assertEquals("6", MeasuredReferences.matchClass("6", List.of("4", "5", "6")));
        assertNull(MeasuredReferences.matchClass("12", List.of("4", "5", "6")));
    }

    @Test
    void readsTheTableAndScoresInScopeOutOfScopeAndOtherElements(@TempDir Path dir) throws IOException {
        Path t = Files.writeString(dir.resolve("labels.csv"), String.join("\n",
                "path,element,compound,sites,cn,geometry,oxidation_state,confidence,basis",
                "a.xdi,Cu,CuO,single,4,square-planar,2,high,\"tenorite, textbook\"",
                "b.xdi,Cu,CuSO4,single,6,Jahn-Teller distorted octahedral,2,medium,x",
                "c.xdi,Cu,Cu foil,single,12,fcc metal,0,high,x",
                "d.xdi,Cu,Cu2S,mixed: many sites,,,1,medium,x",
                "e.xdi,Cu,glass,single,4,square-planar,2,low,x",
                "f.xdi,Fe,Fe2O3,single,6,octahedral,3,high,x", ""));
        MeasuredReferences refs = MeasuredReferences.read(t);
        assertEquals(6, refs.rows().size());
        List<String> cn = List.of("4", "5", "6");
        List<MeasuredEvaluation.Scope> scopes = new ArrayList<>();
        for (MeasuredReferences.Row r : refs.rows()) {
            scopes.add(MeasuredEvaluation.scopeOf(r, Task.COORDINATION_NUMBER, Element.Cu, cn));
        }
        assertEquals(java.util.Arrays.asList(MeasuredEvaluation.Scope.IN_SCOPE, MeasuredEvaluation.Scope.IN_SCOPE,
                MeasuredEvaluation.Scope.OUT_OF_SCOPE, null, null, MeasuredEvaluation.Scope.OTHER_ELEMENT), scopes);

        List<MeasuredEvaluation.Case> cases = List.of(
                MeasuredEvaluation.caseOf(refs.rows().get(0), Task.COORDINATION_NUMBER, Element.Cu, cn,
                        prediction(cn, 0.7, 0.2, 0.1, Applicability.Verdict.IN_DOMAIN), null),
                MeasuredEvaluation.caseOf(refs.rows().get(1), Task.COORDINATION_NUMBER, Element.Cu, cn,
                        prediction(cn, 0.6, 0.3, 0.1, Applicability.Verdict.UNLIKE_TRAINING_DATA), null),
                MeasuredEvaluation.caseOf(refs.rows().get(2), Task.COORDINATION_NUMBER, Element.Cu, cn,
                        prediction(cn, 0.1, 0.1, 0.8, Applicability.Verdict.IN_DOMAIN), null),
                MeasuredEvaluation.caseOf(refs.rows().get(5), Task.COORDINATION_NUMBER, Element.Cu, cn,
                        prediction(cn, 0.1, 0.1, 0.8, Applicability.Verdict.WRONG_ELEMENT), null));
        MeasuredEvaluation e = new MeasuredEvaluation(cn, cases);
        assertEquals(2, e.inScope());
        assertEquals(1, e.answered());
        assertEquals(0.5, e.coverage());
        assertEquals(1.0, e.answeredMetrics().accuracy());
        // forced: CuO right (4), CuSO4 forced to 4 but is 6
        assertEquals(0.5, e.forcedMetrics().accuracy());
        assertEquals(0, e.outOfScopeFlagged());
        assertEquals(1, e.outOfScope());
        assertEquals(1, e.otherElementsFlagged());
        String text = e.text();
        assertTrue(text.contains("coverage 0.50") && text.contains("c.xdi (Cu foil, 12): out of scope but answered 6")
                && text.contains("b.xdi (CuSO4, 6): UNLIKE_TRAINING_DATA, forced 4"), text);
    }

    @Test
    void aTableWithoutTheColumnsIsRefusedWithFileAndLine(@TempDir Path dir) throws IOException {
        Path t = Files.writeString(dir.resolve("bad.csv"), "path,element\na.xdi,Cu\n");
        IOException e = assertThrows(IOException.class, () -> MeasuredReferences.read(t));
        assertTrue(e.getMessage().contains("bad.csv, line 1: header [path, element] lacks 'compound'"), e.getMessage());
        Path u = Files.writeString(dir.resolve("bad2.csv"), "path,element,compound,sites,cn,geometry,oxidation_state,"
                + "confidence\na.xdi,Xx,q,single,4,t,2,high\n");
        e = assertThrows(IOException.class, () -> MeasuredReferences.read(u));
        assertTrue(e.getMessage().contains("bad2.csv, line 2: 'Xx' is not a chemical element symbol"), e.getMessage());
    }

    private static Prediction prediction(List<String> classes, double a, double b, double c,
            Applicability.Verdict v) {
        return new Prediction("x", classes, new double[] {a, b, c}, new Applicability(v, 0.5, v.name()));
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class EdgePositionValenceTest {
    private static EdgePositionValence.Reference ref(String name, double state, double e0Ev) {
        return new EdgePositionValence.Reference(name, state, e0Ev);
    }

    @Test
    void interpolatesBetweenTwoReferences() {
        EdgePositionValence line = EdgePositionValence.of(List.of(ref("FeO", 2, 7120.0), ref("Fe2O3", 3, 7124.0)));
        EdgePositionValence.Estimate magnetite = line.estimate(7122.68);
        assertEquals(2.67, magnetite.valence(), 1e-9);
        assertEquals(3.0, magnetite.nearestState());
        assertEquals("FeO", magnetite.below());
        assertEquals("Fe2O3", magnetite.above());
        assertFalse(magnetite.extrapolated());
        assertEquals(2.0, line.estimate(7121.9).nearestState(), "2.475 is nearer 2");
    }

    @Test
    void extrapolatesBeyondTheReferencesAndSaysSo() {
        EdgePositionValence line = EdgePositionValence.of(List.of(ref("Cu2O", 1, 8982.0), ref("CuO", 2, 8990.0)));
        EdgePositionValence.Estimate below = line.estimate(8978.0);
        assertEquals(0.5, below.valence(), 1e-9);
        assertTrue(below.extrapolated());
        assertEquals(1.0, below.nearestState());
        assertTrue(line.estimate(8994.0).extrapolated());
        assertEquals(2.5, line.estimate(8994.0).valence(), 1e-9);
    }

    @Test
    void piecewiseThroughSeveralStatesWithRepeatedReferencesAveraged() {
        EdgePositionValence line = EdgePositionValence.of(List.of(ref("Fe foil", 0, 7112.0), ref("FeO", 2, 7120.0),
                ref("hematite", 3, 7124.0), ref("goethite", 3, 7126.0)));
        // state 3 sits at the mean 7125 eV
        assertEquals(2.5, line.estimate(7122.5).valence(), 1e-9);
        assertEquals("hematite + goethite", line.estimate(7122.5).above());
        assertEquals(1.0, line.estimate(7116.0).valence(), 1e-9, "on the foil-FeO segment");
        assertEquals("Fe foil", line.estimate(7116.0).below());
        assertTrue(line.describe().startsWith("0: 7112.00 eV (Fe foil); 2: 7120.00 eV (FeO)"), line.describe());
    }

    @Test
    void refusesOneStateAndEdgesThatDoNotRise() {
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> EdgePositionValence.of(List.of(ref("a.xdi", 2, 7120), ref("b.xdi", 2, 7121))));
        assertTrue(one.getMessage().contains("at least two oxidation states; got a.xdi (2), b.xdi (2)"),
                one.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> EdgePositionValence.of(List.of(ref("cuprite.xdi", 1, 8982.25), ref("tenorite.xdi", 2, 8981.0))));
        assertTrue(order.getMessage().contains("tenorite.xdi (state 2) has E0 8981.00 eV, not above cuprite.xdi"
                + " (state 1, E0 8982.25 eV)"), order.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ref("x", 2, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> EdgePositionValence.of(List.of(ref("a", 1, 1), ref("b", 2, 2))).estimate(Double.NaN));
    }
}

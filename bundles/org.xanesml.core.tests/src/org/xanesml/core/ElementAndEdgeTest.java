/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ElementAndEdgeTest {

    @ParameterizedTest
    @CsvSource({ "Ti,22", "CU,29", "zn,30", "' Fe ',26", "H,1", "Lr,103", "Pb,82" })
    void parsesSymbolsInAnyCase(String symbol, int z) {
        assertEquals(z, Element.ofSymbol(symbol).atomicNumber());
        assertEquals(Element.ofSymbol(symbol), Element.ofAtomicNumber(z));
    }

    @Test
    void knowsThe3dRow() {
        assertTrue(Element.Sc.isTransitionMetal3d());
        assertTrue(Element.Zn.isTransitionMetal3d());
        assertFalse(Element.Ca.isTransitionMetal3d());
        assertFalse(Element.Ga.isTransitionMetal3d());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "Xx", "C u", "29" })
    void rejectsNonSymbols(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Element.ofSymbol(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void rejectsAtomicNumbersOutsideTheTable() {
        assertThrows(IllegalArgumentException.class, () -> Element.ofAtomicNumber(0));
        assertThrows(IllegalArgumentException.class, () -> Element.ofAtomicNumber(104));
    }

    @ParameterizedTest
    @CsvSource({ "K,K", "k,K", "L3,L3", "LIII,L3", "L-II,L2", "m5,M5" })
    void parsesEdgeNames(String text, Edge expected) {
        assertEquals(expected, Edge.ofName(text));
    }

    @Test
    void rejectsUnknownEdges() {
        assertThrows(IllegalArgumentException.class, () -> Edge.ofName("Q"));
        assertThrows(IllegalArgumentException.class, () -> Edge.ofName(null));
    }
}

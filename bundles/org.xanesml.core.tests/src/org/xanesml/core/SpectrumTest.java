/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SpectrumTest {

    private static Spectrum.Builder cuEdge() {
        return Spectrum.builder().id("cu-foil").energyEv(new double[] { 8970.0, 8979.0, 8990.0 })
                .mu(new double[] { 0.1, 0.6, 1.1 }).absorber(Element.Cu).edge(Edge.K);
    }

    @Test
    void keepsValuesAndMetadataInOrder() {
        Spectrum s = cuEdge().metadata("Element.symbol", "Cu").metadata("Mono.d_spacing", "3.1355")
                .muScale(MuScale.RAW).build();
        assertEquals(3, s.size());
        assertEquals(8979.0, s.energyEv(1));
        assertEquals(1.1, s.mu(2));
        assertEquals(Element.Cu, s.absorber().orElseThrow());
        assertEquals(Edge.K, s.edge().orElseThrow());
        assertEquals(MuScale.RAW, s.muScale());
        assertEquals(List.of("Element.symbol", "Mono.d_spacing"), List.copyOf(s.metadata().keySet()));
        assertEquals("3.1355", s.metadata("Mono.d_spacing").orElseThrow());
        assertEquals(8970.0, s.minEnergyEv());
        assertEquals(8990.0, s.maxEnergyEv());
    }

    @Test
    void isImmutableAgainstCallerArrays() {
        double[] e = { 1.0, 2.0, 3.0 };
        double[] m = { 0.0, 0.5, 1.0 };
        Spectrum s = Spectrum.builder().energyEv(e).mu(m).build();
        e[0] = 99.0;
        m[0] = 99.0;
        s.energyEv()[1] = -1.0;
        assertArrayEquals(new double[] { 1.0, 2.0, 3.0 }, s.energyEv());
        assertArrayEquals(new double[] { 0.0, 0.5, 1.0 }, s.mu());
        assertThrows(UnsupportedOperationException.class, () -> s.metadata().put("k", "v"));
        assertEquals(MuScale.UNKNOWN, s.muScale());
    }

    @Test
    void rejectsDifferentLengthsNamingBoth() {
        InvalidSpectrumException e = assertThrows(InvalidSpectrumException.class,
                () -> cuEdge().mu(new double[] { 1, 2 }).build());
        assertTrue(e.getMessage().contains("cu-foil"), e.getMessage());
        assertTrue(e.getMessage().contains("energy has 3 points but mu has 2"), e.getMessage());
    }

    @Test
    void rejectsTooFewPoints() {
        InvalidSpectrumException e = assertThrows(InvalidSpectrumException.class,
                () -> Spectrum.builder().energyEv(new double[] { 1 }).mu(new double[] { 1 }).build());
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
    }

    @Test
    void rejectsMissingArrays() {
        assertThrows(InvalidSpectrumException.class, () -> Spectrum.builder().mu(new double[] { 1, 2 }).build());
        assertThrows(InvalidSpectrumException.class, () -> Spectrum.builder().energyEv(new double[] { 1, 2 }).build());
    }

    @Test
    void rejectsNonFiniteValuesWithTheirIndex() {
        InvalidSpectrumException nanMu = assertThrows(InvalidSpectrumException.class,
                () -> cuEdge().mu(new double[] { 0.1, Double.NaN, 1.0 }).build());
        assertEquals(1, nanMu.pointIndex());
        assertTrue(nanMu.getMessage().contains("mu[1] is NaN at 8979.0 eV"), nanMu.getMessage());
        InvalidSpectrumException infE = assertThrows(InvalidSpectrumException.class,
                () -> cuEdge().energyEv(new double[] { 8970, 8980, Double.POSITIVE_INFINITY }).build());
        assertEquals(2, infE.pointIndex());
    }

    @Test
    void rejectsDuplicateAndDecreasingEnergies() {
        InvalidSpectrumException dup = assertThrows(InvalidSpectrumException.class,
                () -> cuEdge().energyEv(new double[] { 8970, 8980, 8980 }).build());
        assertEquals(2, dup.pointIndex());
        assertTrue(dup.getMessage().contains("duplicates"), dup.getMessage());
        InvalidSpectrumException down = assertThrows(InvalidSpectrumException.class,
                () -> cuEdge().energyEv(new double[] { 8970, 8960, 8980 }).build());
        assertEquals(1, down.pointIndex());
        assertTrue(down.getMessage().contains("is below"), down.getMessage());
    }

    @Test
    void toBuilderMakesAnEqualCopyThatCanDiverge() {
        Spectrum a = cuEdge().metadata(Map.of("Sample.name", "Cu foil")).build();
        Spectrum b = a.toBuilder().build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        Spectrum c = a.toBuilder().mu(new double[] { 0.2, 0.6, 1.1 }).build();
        assertNotEquals(a, c);
        assertEquals("Cu foil", c.metadata("Sample.name").orElseThrow());
    }
}

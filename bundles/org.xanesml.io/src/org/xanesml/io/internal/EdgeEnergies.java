/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

import org.xanesml.core.Edge;
import org.xanesml.core.Element;

/**
 * Tabulated absorption-edge energies (eV, rounded to 1 eV; standard X-ray data booklet values) for the edges the
 * readers meet, used only to catch a header that names the wrong element or edge for the measured energy range.
 * Edges not listed are not checked.
 */
final class EdgeEnergies {
    private static final Map<Element, Double> K = new EnumMap<>(Element.class);
    private static final Map<Element, Double> L3 = new EnumMap<>(Element.class);
    private static final Map<Element, Double> L2 = new EnumMap<>(Element.class);
    private static final Map<Element, Double> L1 = new EnumMap<>(Element.class);

    static {
        Object[] k = {Element.Mg, 1303, Element.Al, 1560, Element.Si, 1839, Element.P, 2146, Element.S, 2472,
            Element.Cl, 2822, Element.Ar, 3206, Element.K, 3607, Element.Ca, 4038, Element.Sc, 4492, Element.Ti, 4966,
            Element.V, 5465, Element.Cr, 5989, Element.Mn, 6539, Element.Fe, 7112, Element.Co, 7709, Element.Ni, 8333,
            Element.Cu, 8979, Element.Zn, 9659, Element.Ga, 10367, Element.Ge, 11103, Element.As, 11867,
            Element.Se, 12658, Element.Br, 13474, Element.Kr, 14326, Element.Rb, 15200, Element.Sr, 16105,
            Element.Y, 17038, Element.Zr, 17998, Element.Nb, 18986, Element.Mo, 20000, Element.Ru, 22117,
            Element.Rh, 23220, Element.Pd, 24350, Element.Ag, 25514, Element.Cd, 26711, Element.In, 27940,
            Element.Sn, 29200, Element.Sb, 30491, Element.Te, 31814, Element.I, 33169};
        fill(K, k);
        fill(L3, new Object[] {Element.Ti, 454, Element.V, 512, Element.Cr, 574, Element.Mn, 639, Element.Fe, 707,
            Element.Co, 778, Element.Ni, 853, Element.Cu, 933, Element.Zn, 1022, Element.Ag, 3351, Element.Cd, 3538, Element.Sn, 3929, Element.Ce, 5723, Element.Eu, 6977,
            Element.Gd, 7243, Element.W, 10207, Element.Pt, 11564, Element.Au, 11919, Element.Hg, 12284,
            Element.Pb, 13035, Element.U, 17166});
        fill(L2, new Object[] {Element.Ti, 460, Element.V, 520, Element.Cr, 584, Element.Mn, 650, Element.Fe, 720,
            Element.Co, 793, Element.Ni, 870, Element.Cu, 952, Element.Zn, 1045, Element.Cd, 3727, Element.Ce, 6164, Element.Eu, 7617, Element.W, 11544,
            Element.Pt, 13273, Element.Au, 13734, Element.Pb, 15200});
        fill(L1, new Object[] {Element.Cd, 4018, Element.Ce, 6549, Element.Eu, 8052, Element.W, 12100,
            Element.Pt, 13880, Element.Au, 14353, Element.Pb, 15861});
    }

    private EdgeEnergies() {
    }

    private static void fill(Map<Element, Double> map, Object[] pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((Element) pairs[i], ((Integer) pairs[i + 1]).doubleValue());
        }
    }

    /** @return the tabulated edge energy in eV, if this table has it. */
    static OptionalDouble of(Element element, Edge edge) {
        Map<Element, Double> table = switch (edge) {
            case K -> K;
            case L3 -> L3;
            case L2 -> L2;
            case L1 -> L1;
            default -> null;
        };
        Double e = table == null ? null : table.get(element);
        return e == null ? OptionalDouble.empty() : OptionalDouble.of(e);
    }
}

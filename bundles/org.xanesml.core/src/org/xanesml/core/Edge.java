/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.core;

import java.util.Locale;

/** An absorption edge by the core level it excites (IUPAC/XDI names). */
public enum Edge {
    K, L1, L2, L3, M1, M2, M3, M4, M5, N1, N2, N3, N4, N5;

    /**
     * Parses an edge name as files write it ("K", "k", "L3", "LIII", "L-III").
     *
     * @throws IllegalArgumentException naming the text when it is no edge
     */
    public static Edge ofName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("edge name is missing");
        }
        String s = name.strip().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        if (s.length() > 1 && (s.charAt(0) == 'L' || s.charAt(0) == 'M' || s.charAt(0) == 'N')) {
            String roman = s.substring(1);
            int n = switch (roman) {
                case "I" -> 1;
                case "II" -> 2;
                case "III" -> 3;
                case "IV" -> 4;
                case "V" -> 5;
                default -> -1;
            };
            if (n > 0) {
                s = s.charAt(0) + Integer.toString(n);
            }
        }
        for (Edge e : values()) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not an absorption edge name (K, L1..L3, M1..M5, N1..N5)");
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal;

import java.nio.file.Path;
import java.util.OptionalDouble;

import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.io.SpectrumReadException;

/** Checks shared by the readers on what a header claims about the absorber. */
public final class HeaderChecks {
    /**
     * How far outside the scanned range a tabulated edge may lie: scans may start just above the edge (EXAFS-only
     * files) and energy calibrations can be off by tens of eV; a neighbouring element is 400 eV or more away.
     */
    public static final double EDGE_MARGIN_EV = 150.0;

    private HeaderChecks() {
    }

    public static Element element(Path file, long line, String symbol) throws SpectrumReadException {
        try {
            return Element.ofSymbol(symbol);
        } catch (IllegalArgumentException e) {
            throw new SpectrumReadException(file, line, "element '" + Numbers.abbreviate(symbol)
                    + "' is not a chemical symbol; expected e.g. 'Fe' or 'Cu'", e);
        }
    }

    public static Edge edge(Path file, long line, String name) throws SpectrumReadException {
        try {
            return Edge.ofName(name);
        } catch (IllegalArgumentException e) {
            throw new SpectrumReadException(file, line, "edge '" + Numbers.abbreviate(name)
                    + "' is not an absorption edge; expected K, L1, L2, L3, M1..M5 or N1..N5", e);
        }
    }

    /**
     * Rejects a header whose element and edge cannot be what was measured: the tabulated edge energy lies more
     * than {@link #EDGE_MARGIN_EV} outside the energy range of the data. Edges without a table entry pass.
     *
     * @param line the header line naming the element, for the message
     */
    public static void edgeWithinRange(Path file, long line, Element element, Edge edge, double minEv, double maxEv)
            throws SpectrumReadException {
        OptionalDouble tabulated = EdgeEnergies.of(element, edge);
        if (tabulated.isEmpty()) {
            return;
        }
        double e0 = tabulated.getAsDouble();
        if (e0 < minEv - EDGE_MARGIN_EV || e0 > maxEv + EDGE_MARGIN_EV) {
            throw new SpectrumReadException(file, line, "header says " + element.symbol() + " " + edge.name()
                    + " edge (" + e0 + " eV) but the data cover " + minEv + ".." + maxEv + " eV; expected the "
                    + "element and edge that were measured");
        }
    }
}

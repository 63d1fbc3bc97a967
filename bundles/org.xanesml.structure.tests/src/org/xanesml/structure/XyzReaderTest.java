/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;
import org.xanesml.core.Element;

/** xyz parsing: atomic numbers or symbols, absorber first at the origin, bad inputs with line numbers. */
class XyzReaderTest {

    static final String GOOD = "4\nTEST_FeCl2O\n26\t0.0\t0.0\t0.0\n17\t2.2\t0.0\t0.0\nCl -2.2 0.0 0.0\n8 0.0 2.0 0.0\n";

    static Cluster parse(String text) throws IOException {
        return StructureReaders.parseXyz("TEST", "test.xyz", new StringReader(text));
    }

    static StructureFormatException bad(String text) {
        return assertThrows(StructureFormatException.class, () -> parse(text));
    }

    @Test
    void readsAtomicNumbersAndSymbols() throws IOException {
        Cluster c = parse(GOOD);
        assertEquals(Element.Fe, c.absorber().element());
        assertEquals(3, c.neighbours().size());
        assertEquals(Element.O, c.neighbours().get(0).element());
        assertEquals(2.0, c.neighbours().get(0).distanceAngstrom(), 1e-12);
        assertEquals(Element.Cl, c.neighbours().get(2).element());
    }

    @Test
    void truncatedFileSaysHowManyRowsAreMissing() {
        StructureFormatException e = bad("4\nt\n26 0 0 0\n17 2.2 0 0\n");
        assertTrue(e.getMessage().contains("expected 4 atom rows") && e.getMessage().contains("found 2"), e.getMessage());
    }

    @Test
    void nonNumericCoordinate() {
        StructureFormatException e = bad(GOOD.replace("17\t2.2", "17\t2,2"));
        assertEquals(4, e.lineNumber());
    }

    @Test
    void absorberNotAtOrigin() {
        StructureFormatException e = bad(GOOD.replace("26\t0.0\t0.0\t0.0", "26\t0.5\t0.0\t0.0"));
        assertEquals(3, e.lineNumber());
        assertTrue(e.getMessage().contains("origin"), e.getMessage());
    }

    @Test
    void emptyClusterAndBadCounts() {
        assertTrue(bad("1\nalone\n26 0 0 0\n").getMessage().contains("empty cluster"));
        assertTrue(bad("0\nnone\n").getMessage().contains("positive atom count"));
        assertTrue(bad("").getMessage().contains("empty file"));
        assertEquals(1, bad("four\nt\n").lineNumber());
    }

    @Test
    void unknownElementAndShortRow() {
        assertEquals(5, bad(GOOD.replace("Cl -2.2", "Xx -2.2")).lineNumber());
        assertEquals(6, bad(GOOD.replace("8 0.0 2.0 0.0", "8 0.0 2.0")).lineNumber());
    }

    @Test
    void secondFrameIsNotSilentlyIgnored() {
        StructureFormatException e = bad(GOOD + "\n2\nframe 2\n");
        assertTrue(e.getMessage().contains("second frame"), e.getMessage());
    }
}

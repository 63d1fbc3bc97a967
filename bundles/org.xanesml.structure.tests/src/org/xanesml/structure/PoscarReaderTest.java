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

/** POSCAR sites with periodic images: rock salt CuO (a = 4.2 A) written three ways must give the same cluster. */
class PoscarReaderTest {

    static final String DIRECT = String.join("\n", "rock salt", "2.1", "2.0 0.0 0.0", "0.0 2.0 0.0", "0.0 0.0 2.0",
            "Cu O", "4 4", "Direct",
            "0 0 0", "0.5 0.5 0", "0.5 0 0.5", "0 0.5 0.5", "0.5 0 0", "0 0.5 0", "0 0 0.5", "0.5 0.5 0.5", "");

    static final String CARTESIAN = String.join("\n", "rock salt", "2.1", "2.0 0.0 0.0", "0.0 2.0 0.0", "0.0 0.0 2.0",
            "Cu O", "4 4", "Selective dynamics", "Cartesian",
            "0 0 0 T T T", "1 1 0 T T T", "1 0 1 T T T", "0 1 1 T T T", "1 0 0 T T T", "0 1 0 T T T", "0 0 1 T T T",
            "1 1 1 T T T", "");

    static Cluster site(String text, int index) throws IOException {
        return StructureReaders.parsePoscarSite("rs_" + index, "POSCAR", new StringReader(text), index, 4.0);
    }

    @Test
    void directAndCartesianGiveTheSameOctahedron() throws IOException {
        for (String text : new String[] { DIRECT, CARTESIAN, DIRECT.replace("\n2.1\n", "\n-74.088\n") }) {
            Cluster c = site(text, 1);
            assertEquals(Element.Cu, c.absorber().element());
            Atom nearest = c.neighbours().get(0);
            assertEquals(Element.O, nearest.element());
            assertEquals(2.1, nearest.distanceAngstrom(), 1e-9);
            LocalEnvironment env = new SiteLabeler(LabelerSettings.omnixasCu()).label(c);
            assertEquals(6, env.coordinationNumber());
            assertEquals(Geometry.OCTAHEDRAL, env.geometry());
            assertEquals("3", env.geometryParameterLabel());
            // 12 Cu at 2.1*sqrt(2), then 8 O at 2.1*sqrt(3) within 4 A
            assertEquals(6 + 12 + 8, c.neighbours().size());
        }
    }

    @Test
    void oxygenSiteIsLabelledToo() throws IOException {
        Cluster c = site(DIRECT, 5);
        assertEquals(Element.O, c.absorber().element());
        assertEquals(Element.Cu, c.neighbours().get(0).element());
    }

    @Test
    void badPoscars() {
        StructureFormatException vasp4 = assertThrows(StructureFormatException.class,
                () -> site(DIRECT.replace("Cu O\n", ""), 0));
        assertTrue(vasp4.getMessage().contains("VASP 5"), vasp4.getMessage());
        StructureFormatException range = assertThrows(StructureFormatException.class, () -> site(DIRECT, 8));
        assertTrue(range.getMessage().contains("site 8"), range.getMessage());
        StructureFormatException truncated = assertThrows(StructureFormatException.class,
                () -> site(DIRECT.substring(0, DIRECT.indexOf("0.5 0.5 0.5")), 0));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        StructureFormatException mode = assertThrows(StructureFormatException.class,
                () -> site(DIRECT.replace("Direct", "Fractional"), 0));
        assertEquals(8, mode.lineNumber());
        StructureFormatException counts = assertThrows(StructureFormatException.class,
                () -> site(DIRECT.replace("4 4", "4"), 0));
        assertEquals(7, counts.lineNumber());
        StructureFormatException flat = assertThrows(StructureFormatException.class,
                () -> site(DIRECT.replace("0.0 0.0 2.0", "2.0 0.0 0.0"), 0));
        assertTrue(flat.getMessage().contains("degenerate"), flat.getMessage());
        StructureFormatException nan = assertThrows(StructureFormatException.class,
                () -> site(DIRECT.replace("0.5 0.5 0\n", "0.5 abc 0\n"), 0));
        assertEquals(10, nan.lineNumber());
    }
}

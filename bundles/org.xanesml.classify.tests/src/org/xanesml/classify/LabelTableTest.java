/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labels-table column choice and row filters. */
class LabelTableTest {
    private static final String TABLE = """
            name,cn,geometry,pi,family
            a,4,tetrahedral,0,x
            b,5,trigonal-bipyramidal,0,y
            c,6,octahedral,1,x
            d,4,square-planar,0,z
            e,,octahedral,0,x
            """;

    @Test
    void choosesColumnsAndFiltersRows(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("labels.csv"), TABLE);
        LabelTable t = LabelTable.read(f, new LabelTable.Columns(null, "geometry", "family",
                List.of(LabelTable.Filter.parse("family=x|y")), List.of(LabelTable.Filter.parse("pi=1"))));
        // a and b pass; c is excluded (pi=1); d fails the where; e passes with an octahedral label.
        assertEquals(Map.of("a", "tetrahedral", "b", "trigonal-bipyramidal", "e", "octahedral"), t.labels());
        assertEquals("y", t.groups().get("b"));
        assertEquals(5, t.rows());
        assertEquals(3, t.kept());
        LabelTable cn = LabelTable.read(f, new LabelTable.Columns("name", "cn", null, List.of(), List.of()));
        assertEquals(Set.of("a", "b", "c", "d"), cn.labels().keySet(), "empty labels are skipped");
        assertEquals("a", cn.keyOf(List.of("nope", "a"), null));
        assertEquals("d", cn.keyOf(List.of("nope"), Path.of("folder/d.xdi")));
    }

    @Test
    void namesTheMissingColumnAndTheBadFilter(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("labels.csv"), TABLE);
        IOException e = assertThrows(IOException.class, () -> LabelTable.read(f, new LabelTable.Columns(null, "cn",
                null, List.of(LabelTable.Filter.parse("first_shell_all_O=1")), List.of())));
        assertTrue(e.getMessage().contains("labels.csv") && e.getMessage().contains("first_shell_all_O"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LabelTable.Filter.parse("no-equals-sign"));
    }

    @Test
    void splitUndoesTheFormulaEscapingOfXanesmlsOwnTables() {
        assertEquals(List.of("=x", "'-1.5", "'=y", "-2", "a,b", "'plain"),
                LabelTable.split("'=x,'-1.5,''=y,-2,\"a,b\",'plain"));
    }
}

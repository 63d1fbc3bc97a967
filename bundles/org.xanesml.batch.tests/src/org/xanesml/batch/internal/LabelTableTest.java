/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

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
import org.xanesml.classify.LabelledSpectrum;
import org.xanesml.classify.SplitRole;
import org.xanesml.core.Spectrum;

/** Labels-table column choice and row filters, class merging/dropping and split files. */
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
    void mergesAndDropsClasses() {
        Spectrum s = Spectrum.builder().id("s").energyEv(new double[] {1, 2, 3}).mu(new double[] {0, 1, 1}).build();
        List<LabelledSpectrum> items = List.of(new LabelledSpectrum(s, "trigonal-bipyramidal", "g1"),
                new LabelledSpectrum(s, "square-planar", "g2"), new LabelledSpectrum(s, "octahedral", "g3"));
        List<LabelledSpectrum> out = new TrainingPlan.Classes(List.of(), Map.of("trigonal-bipyramidal",
                "square-pyramidal"), Set.of("square-planar"), false, 1).apply(items);
        assertEquals(List.of("square-pyramidal", "octahedral"), out.stream().map(LabelledSpectrum::label).toList());
        assertEquals("g1", out.get(0).group());
    }

    @Test
    void readsSplitFilesAndNamesBadRows(@TempDir Path dir) throws IOException {
        Path ok = Files.writeString(dir.resolve("split.csv"), "id,mp_id,split\nm1_000,m1,train\nm2_001,m2,val\n"
                + "m3_002,m3,test\n");
        TrainingPlan.Split s = TrainingPlan.Split.read(ok, null, "split");
        assertEquals(Map.of("m1_000", SplitRole.TRAIN, "m2_001", SplitRole.VAL, "m3_002", SplitRole.TEST), s.table());
        assertEquals(SplitRole.TEST, TrainingPlan.Split.read(ok, "mp_id", "split").table().get("m3"));
        Path bad = Files.writeString(dir.resolve("bad.csv"), "id,split\nm1,train\nm2,holdout\n");
        IOException e = assertThrows(IOException.class, () -> TrainingPlan.Split.read(bad, null, "split"));
        assertTrue(e.getMessage().contains("bad.csv, line 3"), e.getMessage());
    }
}

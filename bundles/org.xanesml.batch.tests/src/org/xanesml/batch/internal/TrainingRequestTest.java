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

/** The train command's class and split choices (TrainingRequest), formerly tested beside the label table. */
class TrainingRequestTest {
    @Test
    void mergesAndDropsClasses() {
        Spectrum s = Spectrum.builder().id("s").energyEv(new double[] {1, 2, 3}).mu(new double[] {0, 1, 1}).build();
        List<LabelledSpectrum> items = List.of(new LabelledSpectrum(s, "trigonal-bipyramidal", "g1"),
                new LabelledSpectrum(s, "square-planar", "g2"), new LabelledSpectrum(s, "octahedral", "g3"));
        List<LabelledSpectrum> out = new TrainingRequest.Classes(List.of(), Map.of("trigonal-bipyramidal",
                "square-pyramidal"), Set.of("square-planar"), false, 1).apply(items);
        assertEquals(List.of("square-pyramidal", "octahedral"), out.stream().map(LabelledSpectrum::label).toList());
        assertEquals("g1", out.get(0).group());
    }

    @Test
    void readsSplitFilesAndNamesBadRows(@TempDir Path dir) throws IOException {
        Path ok = Files.writeString(dir.resolve("split.csv"), "id,mp_id,split\nm1_000,m1,train\nm2_001,m2,val\n"
                + "m3_002,m3,test\n");
        TrainingRequest.Split s = TrainingRequest.Split.read(ok, null, "split");
        assertEquals(Map.of("m1_000", SplitRole.TRAIN, "m2_001", SplitRole.VAL, "m3_002", SplitRole.TEST), s.table());
        assertEquals(SplitRole.TEST, TrainingRequest.Split.read(ok, "mp_id", "split").table().get("m3"));
        Path bad = Files.writeString(dir.resolve("bad.csv"), "id,split\nm1,train\nm2,holdout\n");
        IOException e = assertThrows(IOException.class, () -> TrainingRequest.Split.read(bad, null, "split"));
        assertTrue(e.getMessage().contains("bad.csv, line 3"), e.getMessage());
    }
}

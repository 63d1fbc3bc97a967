/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every prefix of a valid file and many single-character corruptions either parse or fail with
 * {@link StructureFormatException}: no other exception type escapes a reader.
 */
class TruncationRobustnessTest {

    @FunctionalInterface
    interface Parser {
        Cluster parse(String text) throws Exception;
    }

    private static void onlyFormatErrors(String good, Parser parser) {
        for (int cut = 0; cut <= good.length(); cut++) {
            check(good.substring(0, cut), parser, "prefix of length " + cut);
        }
        Random random = new Random(42);
        String alphabet = "0123456789.-+eE \t\nxNaInf*!";
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder(good);
            int at = random.nextInt(sb.length());
            sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            check(sb.toString(), parser, "corruption at " + at);
        }
    }

    private static void check(String text, Parser parser, String what) {
        try {
            parser.parse(text);
        } catch (StructureFormatException expected) {
            // the documented failure
        } catch (Exception | Error e) {
            fail(what + ": " + e, e);
        }
    }

    @Test
    void feffInp() {
        onlyFormatErrors(FeffInpReaderTest.GOOD, FeffInpReaderTest::parse);
    }

    @Test
    void xyz() {
        onlyFormatErrors(XyzReaderTest.GOOD, XyzReaderTest::parse);
    }

    @Test
    void poscar() {
        onlyFormatErrors(PoscarReaderTest.DIRECT, t -> PoscarReaderTest.site(t, 0));
        onlyFormatErrors(PoscarReaderTest.CARTESIAN, t -> PoscarReaderTest.site(t, 0));
    }

    @Test
    void singleFileIsACollectionOfOne(@TempDir Path tmp) throws Exception {
        Path f = Files.createDirectories(tmp.resolve("mp-5/FEFF-XANES/004_Cu")).resolve("feff.inp");
        Files.writeString(f, FeffInpReaderTest.GOOD);
        List<Cluster> got = new java.util.ArrayList<>();
        ClusterCollections.Summary s = ClusterCollections.forEach(f, ClusterCollections.Options.defaults(), got::add);
        assertEquals(List.of(), s.failures());
        assertEquals("mp-5_004", got.get(0).id());
        assertEquals(f.toAbsolutePath().toString(), got.get(0).source());
        assertEquals("mp-5_004", StructureReaders.readFeffInp(f).id());
        assertThrows(java.io.IOException.class,
                () -> ClusterCollections.forEach(tmp.resolve("missing"), ClusterCollections.Options.defaults(), got::add));
        assertEquals(LabelerSettings.xanesnetFe(), LabelerSettings.preset(" XANESNET-fe"));
        assertThrows(IllegalArgumentException.class, () -> LabelerSettings.preset("other"));
    }
}

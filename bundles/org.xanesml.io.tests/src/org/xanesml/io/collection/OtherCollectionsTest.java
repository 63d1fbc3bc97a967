/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.collection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.MuScale;
import org.xanesml.testing.SharedData;

/** The XANESNET Fe preconv tree, XDI folders, and the shared tables as collection sources. */
class OtherCollectionsTest {
    @TempDir
    Path dir;

    @Test
    void xanesnetPreconvMatchesTheSharedTable() throws Exception {
        SpectrumCollection tree = XanesnetPreconv.read(SharedData.require("data/xanesnet-fe/preconv.tar.gz"), Edge.K,
                true);
        assertEquals(4329, tree.size());
        assertEquals(List.of(), tree.problems());
        SpectrumCollection table = SharedSpectraTable.read(SharedData.require("data/xanesnet-fe/spectra.csv.gz"),
                Element.Fe, Edge.K, MuScale.EDGE_NORMALIZED);
        assertEquals(List.of(), table.problems());
        assertEquals(table.byId().keySet(), tree.byId().keySet());
        Map<SpectrumId, CollectionEntry> fromTable = table.byId();
        long train = 0;
        for (CollectionEntry e : tree.entries()) {
            CollectionEntry t = fromTable.get(e.id());
            assertArrayEquals(t.spectrum().energyEv(), e.spectrum().energyEv(), 1e-9, e.id().toString());
            assertArrayEquals(t.spectrum().mu(), e.spectrum().mu(), 1e-12, e.id().toString());
            assertEquals(Element.Fe, e.spectrum().absorber().orElseThrow(), e.id().toString());
            assertEquals(t.spectrum().metadata("collection.split"), e.spectrum().metadata("collection.split"));
            assertTrue(e.file("structure.xyz").orElseThrow().startsWith(e.file("structure.xyz").get().lines()
                    .findFirst().orElseThrow()));
            train += e.spectrum().metadata("collection.split").orElseThrow().equals("train") ? 1 : 0;
        }
        assertEquals(4079, train);
    }

    @Test
    void xanesnetStructureWithoutSpectrumAndViceVersaAreProblems() throws Exception {
        Path root = dir.resolve("preconv");
        Files.createDirectories(root.resolve("xanes_train"));
        Files.createDirectories(root.resolve("xyz_train"));
        Files.writeString(root.resolve("xanes_train/AAA_FeO6.txt"), "FDMNES\nenergy <xanes>\n7100 0.1\n7101 0.2\n");
        Files.writeString(root.resolve("xanes_train/BBB_Fe.txt"), "FDMNES\nenergy <xanes>\n7100 0.1\n7101 0.2\n");
        Files.writeString(root.resolve("xyz_train/AAA_FeO6.xyz"), "1\ntitle\n26 0 0 0\n");
        Files.writeString(root.resolve("xyz_train/CCC_Fe.xyz"), "1\ntitle\n26 0 0 0\n");
        SpectrumCollection c = XanesnetPreconv.read(root, Edge.K, false);
        assertEquals(2, c.size());
        assertEquals(Element.Fe, c.get(new SpectrumId("AAA_FeO6", "0")).orElseThrow().spectrum().absorber()
                .orElseThrow());
        assertTrue(c.get(new SpectrumId("BBB_Fe", "0")).orElseThrow().spectrum().absorber().isEmpty());
        assertEquals(2, c.problems().size(), c.problems().toString());
    }

    @Test
    void xdiFoldersYieldEveryReadableFileAndReportTheRest() throws Exception {
        Path library = SharedData.require("data/experimental/XASDataLibrary/data");
        long xdiFiles;
        try (Stream<Path> s = Files.walk(library)) {
            xdiFiles = s.filter(p -> p.toString().endsWith(".xdi")).count();
        }
        SpectrumCollection c = XdiFolder.read(library);
        assertTrue(c.size() >= xdiFiles - c.problems().size(), c.size() + " spectra, " + c.problems());
        assertTrue(c.size() > 0.9 * xdiFiles, c.size() + " of " + xdiFiles + "; problems " + c.problems());
        CollectionEntry any = c.entries().get(0);
        assertTrue(any.id().material().contains("/"), any.id().toString()); // element folder kept in the id
        SpectrumCollection examples = XdiFolder.read(SharedData.require("data/experimental/xdi-examples/data"));
        Files.writeString(SharedData.outputDir().resolve("xdi-folder-import.txt"), "XASDataLibrary: " + c.size()
                + " spectra from " + xdiFiles + " .xdi files, problems: " + c.problems() + "\nxdi-examples: "
                + examples.size() + " spectra, problems: " + examples.problems() + "\n");
        assertTrue(examples.size() > 0);
    }

    @Test
    void badTableRowsAreProblems() throws IOException {
        Path table = Files.writeString(dir.resolve("t.csv"), "id,n_points,omega_eV,mu\n"
                + "mp-1_000,3,8980 8981 8982,0.1 0.2 0.3\n"
                + "mp-1_001,3,8980 8981,0.1 0.2 0.3\n"
                + "mp-1_002,2,8980 x,0.1 0.2\n"
                + "mp-1_003,2,8981 8980,0.1 0.2\n"
                + "mp-1_004,2,8980\n");
        SpectrumCollection c = SharedSpectraTable.read(table, Element.Cu, Edge.K, MuScale.EDGE_NORMALIZED);
        assertEquals(List.of("mp-1_000"), c.entries().stream().map(e -> e.id().toString()).toList());
        assertEquals("000", c.entries().get(0).id().site());
        List<String> messages = c.problems().stream().map(CollectionProblem::toString).toList();
        assertEquals(4, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains(":3: ") && messages.get(0).contains("n_points says 3 but there are 2"),
                messages.get(0));
        assertTrue(messages.get(1).contains("'x' is not a number"), messages.get(1));
        assertTrue(messages.get(2).contains("energies must increase strictly"), messages.get(2));
        assertTrue(messages.get(3).contains("3 cells; expected 4"), messages.get(3));
    }
}

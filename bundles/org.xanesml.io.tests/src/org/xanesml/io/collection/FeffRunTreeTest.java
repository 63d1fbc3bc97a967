/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.collection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.MuScale;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.testing.SharedData;

/** The OmniXAS Cu FEFF runs, streamed from the shared tarballs, against the shared spectra table. */
class FeffRunTreeTest {
    private static final String CU = "data/omnixas-cu/";

    @TempDir
    Path dir;

    @Test
    void bothTarballsGiveEverySiteAndReportTheIncompleteRuns() throws Exception {
        Path xmu = SharedData.require(CU + "FEFF_Cu_xmu_POSCAR.tar.gz");
        Path inp = SharedData.require(CU + "FEFF_Cu_feff_inp.tar.gz");
        long start = System.nanoTime();
        SpectrumCollection tree = FeffRunTree.read(List.of(xmu, inp), FeffRunTree.Options.spectraOnly());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(5299, tree.size());
        assertEquals(List.of("mp-1101124_001", "mp-1101124_003"),
                tree.problems().stream().map(CollectionProblem::location).toList());
        assertTrue(tree.problems().get(0).message().contains("feff.inp present but no xmu.dat"));

        SpectrumCollection table = SharedSpectraTable.read(SharedData.require(CU + "spectra.csv.gz"), Element.Cu,
                Edge.K, MuScale.EDGE_NORMALIZED);
        assertEquals(List.of(), table.problems());
        assertEquals(table.byId().keySet(), tree.byId().keySet());
        Map<SpectrumId, CollectionEntry> fromTable = table.byId();
        for (CollectionEntry e : tree.entries()) {
            CollectionEntry t = fromTable.get(e.id());
            // The table holds xmu.dat columns 1 and 4 as printed by FEFF; parsing both must agree exactly.
            assertArrayEquals(t.spectrum().energyEv(), e.spectrum().energyEv(), 0, e.id().toString());
            assertArrayEquals(t.spectrum().mu(), e.spectrum().mu(), 0, e.id().toString());
            assertEquals(Element.Cu, e.spectrum().absorber().orElseThrow());
            assertEquals(e.id().toString(), e.spectrum().id());
        }
        Files.writeString(SharedData.outputDir().resolve("feff-run-tree-import.txt"), String.format(
                "FeffRunTree.read(xmu + feff.inp tarballs, spectraOnly, %d threads): %d spectra, %d problems, %.2f s%n",
                FeffRunTree.Options.spectraOnly().threads(), tree.size(), tree.problems().size(), seconds));
    }

    @Test
    void folderImportKeepsStructuresAndReportsBrokenAndIncompleteSites() throws Exception {
        Path xmu = SharedData.require(CU + "FEFF_Cu_xmu_POSCAR.tar.gz");
        Path root = dir.resolve("tree");
        List<String> copied = new ArrayList<>();
        // Unpack the first material's members (xmu.dat files and POSCAR) into a folder tree.
        Members.walk(xmu, member -> copied.isEmpty() || member.startsWith(materialDir(copied.get(0))),
                (member, content) -> {
                    copied.add(member);
                    Path target = root.resolve(member);
                    Files.createDirectories(target.getParent());
                    Files.write(target, content);
                }, (member, size) -> {
                });
        String material = materialDir(copied.get(0));
        long sites = copied.stream().filter(m -> m.endsWith("/xmu.dat")).count();
        Path incomplete = root.resolve(material + "FEFF-XANES/098_Cu/feff.inp");
        Files.createDirectories(incomplete.getParent());
        Files.writeString(incomplete, "TITLE incomplete\nEND\n");
        Path broken = root.resolve(material + "FEFF-XANES/099_Cu/xmu.dat");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "# header\n#  omega    e    k    mu    mu0     chi\n 8980 1 2 x 4 5\n");
        Files.writeString(root.resolve("README.txt"), "not part of the layout");

        SpectrumCollection c = FeffRunTree.read(List.of(root), new FeffRunTree.Options(true, true, 1));
        assertEquals(sites, c.size());
        assertEquals(2, c.problems().size(), c.problems().toString());
        assertTrue(c.problems().stream().anyMatch(p -> p.location().endsWith("_098")
                && p.message().contains("incomplete FEFF run")));
        assertTrue(c.problems().stream().anyMatch(p -> p.location().contains("099_Cu/xmu.dat")));
        CollectionEntry first = c.entries().get(0);
        assertTrue(first.file("POSCAR").orElseThrow().lines().count() > 7);
        assertTrue(first.file("feff.inp").isEmpty()); // this tarball has no feff.inp
    }

    @Test
    void truncatedArchiveIsAnErrorNamingIt() throws IOException {
        Path xmu = SharedData.require(CU + "FEFF_Cu_xmu_POSCAR.tar.gz");
        Path cut = dir.resolve("cut.tar.gz");
        try (var in = Files.newInputStream(xmu)) {
            Files.write(cut, in.readNBytes(300_000));
        }
        SpectrumReadException e = assertThrows(SpectrumReadException.class,
                () -> FeffRunTree.read(List.of(cut), new FeffRunTree.Options(false, false, 2)));
        assertTrue(e.getMessage().contains("cut.tar.gz") && e.getMessage().contains("corrupt or truncated"),
                e.getMessage());
        Path notArchive = Files.writeString(dir.resolve("x.zip"), "PK");
        assertThrows(SpectrumReadException.class, () -> FeffRunTree.read(notArchive));
    }

    private static String materialDir(String member) {
        int cut = member.indexOf("FEFF-XANES/");
        return cut >= 0 ? member.substring(0, cut) : member.substring(0, member.lastIndexOf('/') + 1);
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.core.Element;

/** Whole collections: folders and tar.gz archives to one CSV, failing members reported, not fatal. */
class LabelsTableTest {

    @TempDir
    Path tmp;

    private static final String SQUARE = "5\nB_sq\n26 0 0 0\n8 2 0 0\n8 -2 0 0\n7 0 2 0\n7 0 -2 0\n";
    private static final String LINEAR = "3\nA_lin\n26 0 0 0\n17 2.2 0 0\n17 -2.2 0 0\n";

    @Test
    void folderOfXyzGivesOneSortedRowPerMoleculeAndReportsBadFiles() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("xyz_train"));
        Files.writeString(dir.resolve("B_sq.xyz"), SQUARE);
        Files.writeString(dir.resolve("A_lin.xyz"), LINEAR);
        Files.writeString(dir.resolve("C_bad.xyz"), "3\ncut\n26 0 0 0\n");
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        Path csv = tmp.resolve("out/labels.csv");
        LabelsTable.Result r = LabelsTable.write(tmp, ClusterCollections.Options.defaults(), LabelerSettings.xanesnetFe(), csv);
        assertEquals(2, r.rows());
        assertEquals(1, r.failures().size());
        assertTrue(r.failures().get(0).source().endsWith("C_bad.xyz"), r.failures().toString());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("id,source,absorber,n_atoms,cn,d1,first_shell_species,donor_set,geometry,geom_param,possible_pi_ligand,nn8",
                lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith("A_lin,"), lines.get(1));
        assertTrue(lines.get(1).endsWith(",Fe,3,2,2.2,Cl,Cl2,linear,180.0,0,Cl:2.200 Cl:2.200"), lines.get(1));
        assertTrue(lines.get(2).endsWith(",Fe,5,4,2.0,N O,N2 O2,square-planar,0.0,0,O:2.000 O:2.000 N:2.000 N:2.000"),
                lines.get(2));
    }

    @Test
    void feffTreeStreamsFromTarGzWithOmnixasIds() throws IOException {
        Path archive = tmp.resolve("feff.tar.gz");
        try (OutputStream out = Files.newOutputStream(archive);
                GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            add(tar, "tree/FEFF/Cu/mp-1/FEFF-XANES/000_Cu/feff.inp", FeffInpReaderTest.GOOD);
            add(tar, "tree/FEFF/Cu/mp-1/FEFF-XANES/000_Cu/xmu.dat", "# not read\n");
            add(tar, "tree/FEFF/Cu/mp-2/FEFF-XANES/003_Cu/feff.inp", FeffInpReaderTest.GOOD.replace("END\n", ""));
        }
        List<String> ids = new ArrayList<>();
        ClusterCollections.Summary s = ClusterCollections.forEach(archive, ClusterCollections.Options.defaults(),
                c -> ids.add(c.id()));
        assertEquals(List.of("mp-1_000"), ids);
        assertEquals(1, s.failures().size());
        assertTrue(s.failures().get(0).message().contains("END"), s.failures().toString());

        Path csv = tmp.resolve("cu.csv");
        LabelsTable.Result r = LabelsTable.write(archive, ClusterCollections.Options.defaults(), LabelerSettings.omnixasCu(), csv);
        assertEquals(1, r.rows());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("id,source,absorber,n_atoms,cn,d1,first_shell_species,donor_set,geometry,geom_param,bvs_O_R0_1.679,nn12",
                lines.get(0));
        // four O at 2.64948 A and two Rb at 3.05935 A (< 1.25 d1): CN 6, one trans angle (Rb-Cu-Rb),
        // BVS 4 exp((1.679 - 2.64948) / 0.37) = 0.29
        assertTrue(lines.get(1).contains(",Cu,7,6,2.6495,O Rb,O4 Rb2,trigonal-prismatic/other,1,0.29,"
                + "O:2.649 O:2.649 O:2.649 O:2.649 Rb:3.059 Rb:3.059"),
                lines.get(1));
    }

    @Test
    void poscarTreeLabelsTheFeffSitesOrEveryAbsorberSite() throws IOException {
        Path m = Files.createDirectories(tmp.resolve("tree/mp-9"));
        Files.writeString(m.resolve("POSCAR"), PoscarReaderTest.DIRECT);
        Files.createDirectories(m.resolve("FEFF-XANES/002_Cu"));
        Files.writeString(m.resolve("FEFF-XANES/002_Cu/xmu.dat"), "#\n");
        List<Cluster> clusters = new ArrayList<>();
        ClusterCollections.Summary s = ClusterCollections.forEach(tmp, ClusterCollections.Options.defaults(), clusters::add);
        assertEquals(List.of(), s.failures());
        assertEquals(List.of("mp-9_002"), clusters.stream().map(Cluster::id).toList());

        Path bare = Files.createDirectories(tmp.resolve("bare/mp-10"));
        Files.writeString(bare.resolve("POSCAR"), PoscarReaderTest.DIRECT);
        clusters.clear();
        ClusterCollections.Options cu = new ClusterCollections.Options(java.util.Set.of(ClusterCollections.Kind.POSCAR), 5.0,
                Element.Cu);
        ClusterCollections.forEach(tmp.resolve("bare"), cu, clusters::add);
        assertEquals(List.of("mp-10_000", "mp-10_001", "mp-10_002", "mp-10_003"), clusters.stream().map(Cluster::id).toList());
        ClusterCollections.Summary none = ClusterCollections.forEach(tmp.resolve("bare"), ClusterCollections.Options.defaults(),
                clusters::add);
        assertTrue(none.failures().get(0).message().startsWith(ClusterCollections.NO_FEFF_SITES));
    }

    @Test
    void cellsWithCommasAreQuoted() {
        assertEquals("\"a,b\"", LabelsTable.csvCell("a,b"));
        assertEquals("\"say \"\"x\"\"\"", LabelsTable.csvCell("say \"x\""));
        assertEquals("plain", LabelsTable.csvCell("plain"));
    }

    @Test
    void cellsThatWouldStartAFormulaAreEscapedButNumbersAreNot() {
        // a structure file named like a formula ends up in the id and source columns
        assertEquals("'=HYPERLINK(1)", LabelsTable.csvCell("=HYPERLINK(1)"));
        assertEquals("\"'=SUM(1,2)\"", LabelsTable.csvCell("=SUM(1,2)"));
        assertEquals("'-site", LabelsTable.csvCell("-site"));
        assertEquals("-1.25", LabelsTable.csvCell("-1.25"));
    }

    private static void add(TarArchiveOutputStream tar, String name, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(bytes.length);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }
}

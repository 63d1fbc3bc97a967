/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;
import org.xanesml.testing.SharedData;

/** The text readers on the real files of {@code ../shared/data}, and on small files written here. */
class TextReadersTest {
    @TempDir
    Path tmp;

    private static Spectrum one(Path file) throws SpectrumReadException {
        List<Spectrum> list = SpectrumReaders.read(file);
        assertEquals(1, list.size());
        return list.get(0);
    }

    private static List<String> warnings(Spectrum s) {
        return s.metadata().entrySet().stream().filter(e -> e.getKey().startsWith("xanesml.warning."))
                .map(e -> e.getValue()).toList();
    }

    @Test
    void feffXmuFromTheOmnixasTarball() throws Exception {
        Path xmu = SharedMembers.extractFirst("data/omnixas-cu/FEFF_Cu_xmu_POSCAR.tar.gz", n -> n.endsWith("/xmu.dat"),
                tmp);
        assertEquals("feff-xmu", SpectrumReaders.detect(xmu).formatName());
        Spectrum s = one(xmu);
        assertEquals(173, s.size());
        assertEquals(Element.Cu, s.absorber().orElseThrow());
        assertEquals(Edge.K, s.edge().orElseThrow());
        assertEquals(MuScale.EDGE_NORMALIZED, s.muScale());
        assertEquals("FEFF 9.9.1", s.metadata("feff.version").orElseThrow());
        assertEquals("29", s.metadata("feff.absorber.Z").orElseThrow());
        assertTrue(s.metadata("feff.header").orElseThrow().contains("xsedge+ 50, used to normalize mu"));
        // omega is absolute eV; FEFF's grid starts about 13.5 eV below its own Fermi level, near the Cu K edge
        assertTrue(s.minEnergyEv() > 8950 && s.minEnergyEv() < 9000, s.toString());
        // FEFF mu is edge-step normalised: about 1 well above the edge
        assertEquals(1.0, s.mu(s.size() - 1), 0.3);
    }

    @Test
    void fdmnesPreconvFromTheXanesnetTarball() throws Exception {
        Path txt = SharedMembers.extractFirst("data/xanesnet-fe/preconv.tar.gz",
                n -> n.contains("/xanes_train/") && n.endsWith(".txt"), tmp);
        assertEquals("fdmnes", SpectrumReaders.detect(txt).formatName());
        Spectrum s = one(txt);
        assertEquals(226, s.size());
        assertEquals(7097.0, s.minEnergyEv(), 1e-9);
        assertEquals("convolved", s.metadata("fdmnes.kind").orElseThrow());
        assertEquals(MuScale.UNKNOWN, s.muScale());
    }

    @Test
    void fdmnesRawOutputWithEdgeHeader() throws Exception {
        Path f = Fixtures.write(tmp, "fe_out.txt", """
                   7112.000  26   1   1  0.00000E+00  -12.000   -5.00   1   1   7112.000 = E_edge, Z, n_edge, j_z, Abs_before_edge, VO_interstitial, E_cut, ninitl, ninit1, Epsii
                    Energy    <xanes>     dxanes
                   -10.000  0.1200E-01  0.1
                    -5.000  0.2500E-01  0.2
                     0.000  0.9000E-01  0.3
                     5.000  0.1500E+00  0.2
                """);
        assertEquals("fdmnes", SpectrumReaders.detect(f).formatName());
        Spectrum s = one(f);
        assertEquals(Element.Fe, s.absorber().orElseThrow());
        assertEquals(Edge.K, s.edge().orElseThrow());
        assertEquals("raw", s.metadata("fdmnes.kind").orElseThrow());
        assertEquals("7112.000", s.metadata("fdmnes.E_edge").orElseThrow());
        assertEquals(0.09, s.mu(2), 1e-12);
    }

    @Test
    void fdmnesConvOutputWithoutMarkerLine() throws Exception {
        Path f = Fixtures.write(tmp, "fe_conv.txt", "  Energy    <xanes>\n -10.0 0.01\n -5.0 0.02\n 0.0 0.5\n 5.0 1.1\n");
        assertEquals("fdmnes", SpectrumReaders.detect(f).formatName());
        assertEquals(4, one(f).size());
    }

    @Test
    void xdiColumnsInEitherOrderGiveTheSameMu() throws Exception {
        String head = "# XDI/1.0\n# Element.symbol: Fe\n# Element.edge: K\n# Mono.d_spacing: 3.1355\n";
        Path a = Fixtures.write(tmp, "a.xdi", head + "# Column.1: energy eV\n# Column.2: i0\n# Column.3: itrans\n"
                + "#----\n# energy i0 itrans\n7100 1000 400\n7120 1000 100\n");
        Path b = Fixtures.write(tmp, "b.xdi", head + "# Column.1: energy eV\n# Column.2: itrans\n# Column.3: i0\n"
                + "#----\n# energy itrans i0\n7100 400 1000\n7120 100 1000\n");
        assertEquals(one(a).mu(0), one(b).mu(0), 0.0);
        assertEquals(Math.log(1000.0 / 400.0), one(a).mu(0), 1e-15);
        assertEquals("ln(i0/itrans)", one(b).metadata("xanesml.mu.source").orElseThrow());
    }

    @Test
    void xdiFluorescenceAndKevAndCaseInsensitiveFields() throws Exception {
        Path f = Fixtures.write(tmp, "f.xdi", "# XDI/1.0\n# ELEMENT.SYMBOL: Zn\n# element.Edge: K\n"
                + "# column.1: energy keV\n# Column.2: ifluor\n# Column.3: i0\n#----\n# energy ifluor i0\n"
                + "9.600 10 1000\n9.700 50 1000\n");
        Spectrum s = one(f);
        assertEquals(Element.Zn, s.absorber().orElseThrow());
        assertEquals(9600.0, s.energyEv(0), 1e-9);
        assertEquals(0.05, s.mu(1), 1e-15);
        assertEquals("ifluor/i0", s.metadata("xanesml.mu.source").orElseThrow());
    }

    @Test
    void xdiAngleAbscissaIsConvertedWithTheDSpacing() throws Exception {
        // Si(111), d = 3.13553 A: 8979 eV is a Bragg angle of 12.71 degrees
        Path f = Fixtures.write(tmp, "angle.xdi", "# XDI/1.0\n# Element.symbol: Cu\n# Element.edge: K\n"
                + "# Mono.d_spacing: 3.13553\n# Column.1: angle degrees\n# Column.2: mutrans\n#----\n"
                + "12.80 1.2\n12.75 1.1\n12.70 0.3\n");
        Spectrum s = one(f);
        double expected = 12398.419843320026 / (2 * 3.13553 * Math.sin(Math.toRadians(12.80)));
        assertEquals(expected, s.energyEv(0), 1e-9);
        assertEquals(0.3, s.mu(2), 0.0);
        // decreasing angles are increasing energies: nothing to repair
        assertTrue(warnings(s).isEmpty(), warnings(s).toString());
    }

    @Test
    void xdiTwoDimensionalFileGivesOneSpectrumPerOuterValue() throws Exception {
        Path f = SharedData.require("data/experimental/xdi-examples/data/nonxafs_2d.xdi");
        List<Spectrum> blocks = SpectrumReaders.read(f);
        assertTrue(blocks.size() > 10, "blocks: " + blocks.size());
        assertTrue(blocks.get(1).id().contains("Outer.value=1.10"), blocks.get(1).id());
        assertEquals("1.10", blocks.get(1).metadata("Outer.value").orElseThrow());
    }

    @Test
    void xdiWriterExportsASpectrumAndReadsItBack() throws Exception {
        Spectrum s = one(SharedData.require("data/experimental/xdi-examples/data/cu_metal_rt.xdi"));
        XdiDocument doc = Xdi.fromSpectrum(s);
        Path out = tmp.resolve("export.xdi");
        Xdi.write(doc, out);
        Spectrum back = one(out);
        assertEquals(s.size(), back.size());
        for (int i = 0; i < s.size(); i++) {
            assertEquals(s.energyEv(i), back.energyEv(i), 0.0);
            assertEquals(s.mu(i), back.mu(i), 0.0);
        }
        assertEquals(s.metadata("Sample.prep"), back.metadata("Sample.prep"));
        assertTrue(back.metadata("xdi.comments").orElseThrow().contains("Cu foil Room Temperature"));
    }

    @Test
    void athenaStyleXmuWithLabels() throws Exception {
        Spectrum s = one(SharedData.require("data/experimental/larch-examples/xafsdata/cu.xmu"));
        assertEquals("columns", s.metadata("xanesml.format").orElseThrow());
        assertEquals(612, s.size());
        assertTrue(s.metadata("xanesml.mu.source").orElseThrow().contains("'mu'"));
    }

    @Test
    void alsReferenceWithWrappedHeaderLineIsReadWithAWarning() throws Exception {
        Path dir = SharedData.require("data/experimental/als-fe-references/References");
        Spectrum s = one(dir.resolve("Biotite_ETH_oa.e"));
        assertTrue(warnings(s).stream().anyMatch(w -> w.contains("line 12") && w.contains("without a comment token")),
                warnings(s).toString());
        assertEquals(Edge.K, s.edge().orElseThrow());
        assertTrue(s.minEnergyEv() > 6900 && s.maxEnergyEv() < 8200);
    }

    @Test
    void everyAlsReferenceReads() throws Exception {
        Path dir = SharedData.require("data/experimental/als-fe-references/References");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".e")).toList()) {
                Spectrum s = one(f);
                assertTrue(s.minEnergyEv() > 6800 && s.minEnergyEv() < 7200, f + ": " + s);
            }
        }
    }

    @Test
    void triFileWithIntensityFirstIsDetectedAndCanBeChosenExplicitly() throws Exception {
        Path f = SharedData.require("data/formats/trixs/sample_spectrum_a.txt");
        Spectrum auto = one(f);
        assertTrue(auto.minEnergyEv() > 7000, auto.toString());
        assertTrue(warnings(auto).stream().anyMatch(w -> w.contains("intensity-first")), warnings(auto).toString());
        Spectrum chosen = SpectrumReaders.plainColumns(ColumnChoice.byNumber(2, 1), EnergyOrderPolicy.SORT_AND_AVERAGE)
                .read(f).get(0);
        assertEquals(auto.size(), chosen.size());
        assertEquals(auto.mu(5), chosen.mu(5), 0.0);
        assertEquals(0.00267023, chosen.mu(0), 0.0);
    }

    @Test
    void columnChoiceByLabelAndMissingColumn() throws Exception {
        Path f = SharedData.require("data/experimental/larch-examples/xafsdata/fe2o3_rt1.xmu");
        SpectrumReader byLabel = SpectrumReaders.plainColumns(ColumnChoice.of("energy", "i0"),
                EnergyOrderPolicy.SORT_AND_AVERAGE);
        assertEquals(272002.0, byLabel.read(f).get(0).mu(0), 0.0);
        SpectrumReader missing = SpectrumReaders.plainColumns(ColumnChoice.of("energy", "ifluor"),
                EnergyOrderPolicy.SORT_AND_AVERAGE);
        SpectrumReadException e = assertThrows(SpectrumReadException.class, () -> missing.read(f));
        assertTrue(e.getMessage().contains("mu expression: no column 'ifluor'; the columns are [energy, mu, i0]"),
                e.getMessage());
        assertEquals(16L, e.line().orElseThrow());
    }

    @Test
    void csvWithHeaderRow() throws Exception {
        Path f = Fixtures.write(tmp, "s.csv", "energy,mu\n7100.0,0.1\n7110.0,0.5\n7120.0,1.0\n");
        Spectrum s = one(f);
        assertEquals(3, s.size());
        assertEquals(0.5, s.mu(1), 0.0);
    }

    @Test
    void athenaExtractedTextKeepsElementAndEdge() throws Exception {
        Spectrum s = one(SharedData.require("data/experimental/larch-examples/athena_extracted/Copper__000_cu.012.txt"));
        assertEquals(Element.Cu, s.absorber().orElseThrow());
        assertEquals(Edge.K, s.edge().orElseThrow());
    }

    @Test
    void chiDataIsRejectedAsNotAnAbsorptionSpectrum() throws Exception {
        Path dir = SharedData.require("data/experimental/larch-examples/athena_extracted");
        Path chi;
        try (Stream<Path> files = Files.list(dir)) {
            chi = files.filter(p -> {
                try {
                    return Files.readString(p).contains("kind: chi");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).findFirst().orElseThrow();
        }
        SpectrumReadException e = assertThrows(SpectrumReadException.class, () -> SpectrumReaders.read(chi));
        assertTrue(e.getMessage().contains("chi(k)"), e.getMessage());
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.testing.SharedData;

/** The Materials Project website's tab-separated XAS downloads. */
class MaterialsProjectTsvReaderTest {
    private final MaterialsProjectTsvReader reader = new MaterialsProjectTsvReader();

    @TempDir
    Path dir;

    @Test
    void readsEveryBlockOfTheFeDownload() throws IOException {
        Path f = SharedData.require("data/formats/materials-project/xas.XANES.K.Fe.mp-13.tsv");
        assertEquals(1.0, reader.sniff(f.getFileName().toString(), Files.readAllBytes(f)), 0);
        List<Spectrum> spectra = reader.read(f);
        assertEquals(List.of("mp-13 avg Fe", "mp-13 site 0 Fe"), spectra.stream().map(Spectrum::id).toList());
        Spectrum avg = spectra.get(0);
        assertEquals(200, avg.size());
        assertEquals(100, spectra.get(1).size());
        assertEquals(Element.Fe, avg.absorber().orElseThrow());
        assertEquals(Edge.K, avg.edge().orElseThrow());
        assertEquals(MuScale.EDGE_NORMALIZED, avg.muScale());
        assertEquals(7119.045, avg.energyEv(0), 0);
        assertEquals(0.039736, avg.mu(0), 0);
        assertEquals(7119.508, spectra.get(1).energyEv(1), 0);
        assertEquals("Fe", avg.metadata("MP.formula").orElseThrow());
        assertEquals("1", spectra.get(1).metadata("MP.multiplicity").orElseThrow());
    }

    @Test
    void readsOxygenAndIronBlocksOfTheFe2O3Download() throws IOException {
        Path f = SharedData.require("data/formats/materials-project/xas.XANES.K.Fe2O3.mp-24972.tsv");
        List<Spectrum> spectra = reader.read(f);
        assertEquals(List.of("mp-24972 avg Fe", "mp-24972 avg O", "mp-24972 site 0 Fe", "mp-24972 site 4 O"),
                spectra.stream().map(Spectrum::id).toList());
        assertEquals(List.of(200, 200, 100, 100), spectra.stream().map(Spectrum::size).toList());
        Spectrum oxygen = spectra.get(3);
        assertEquals(Element.O, oxygen.absorber().orElseThrow());
        assertEquals("6", oxygen.metadata("MP.multiplicity").orElseThrow());
        assertEquals(530.894, oxygen.energyEv(0), 0);
        assertEquals(586.057, spectra.get(1).maxEnergyEv(), 0);
    }

    @Test
    void brokenDownloadsNameLineAndBlock() throws IOException {
        String head = "Absorption (K-edge) for Fe (mp-13)\nnote\nAvg Fe\t\tSite 0 (Fe), multiplicity 1\t\n"
                + "E (eV)\tmu\tE (ev)\tmu\n";
        assertMessage(head + "7100\t0.1\t7100\t0.1\n7101\tx\t7101\t0.2\n", "line 6", "mu 'x' is not a number");
        assertMessage(head + "7100\t0.1\t7100\t0.1\n7101\t0.2\t\t\n7102\t0.3\t7102\t0.3\n",
                "continues after an empty row");
        assertMessage(head + "7100\t0.1\t7100\n7101\t0.2\t7101\t0.3\n", "an energy but no mu");
        assertMessage(head + "7100\t0.1\t7100\t0.1\t9\t9\n7101\t0.2\t7101\t0.3\n", "expected at most 4");
        assertMessage(head + "7100\tNaN\t7100\t0.1\n7101\t0.2\t7101\t0.3\n", "expected a finite number");
        assertMessage(head.replace("K-edge", "Q-edge") + "7100\t0.1\t7100\t0.1\n", "title");
        assertMessage(head.replace("Avg Fe", "Avg Xx") + "7100\t0.1\t7100\t0.1\n", "'Xx' is not a chemical element");
        assertMessage(head, "truncated download");
        assertMessage("hello\n1\n2\n3\n4\n5\n", "expected the title");
        Path dup = write(head + "7100\t0.1\t7100\t0.1\n7100\t0.3\t7101\t0.2\n7102\t0.5\t7102\t0.3\n");
        Spectrum merged = reader.read(dup).get(0);
        assertEquals(2, merged.size());
        assertEquals(0.2, merged.mu(0), 1e-15);
        assertTrue(merged.metadata("xanesml.warning.1").isPresent());
    }

    private void assertMessage(String text, String... expected) throws IOException {
        Path f = write(text);
        SpectrumReadException e = assertThrows(SpectrumReadException.class, () -> reader.read(f));
        for (String s : expected) {
            assertTrue(e.getMessage().contains(s.startsWith("line ") ? ":" + s.substring(5) + ":" : s),
                    "expected '" + s + "' in: " + e.getMessage());
        }
    }

    private Path write(String text) throws IOException {
        return Files.write(dir.resolve("x.tsv"), text.getBytes(StandardCharsets.UTF_8));
    }
}

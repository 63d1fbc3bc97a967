/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.core.Element;
import org.xanesml.core.Spectrum;
import org.xanesml.testing.SharedData;

/** The reference channel of XDI files: the foil measured after the sample, on the sample's energies. */
class ReferenceChannelsTest {
    private static final String CUO = "data/experimental/XASDataLibrary/data/Cu/CuO_tenorite_13K_01.xdi";

    @Test
    void theReferenceIsLnItransOverIreferOnTheSamplesEnergies() throws Exception {
        Path file = SharedData.require(CUO);
        Spectrum sample = SpectrumReaders.read(file).get(0);
        List<Spectrum> references = ReferenceChannels.read(file);
        assertEquals(1, references.size());
        Spectrum reference = references.get(0);
        assertEquals(sample.id(), reference.id(), "paired with its sample by id");
        assertArrayEquals(sample.energyEv(), reference.energyEv());
        assertEquals(Element.Cu, reference.absorber().orElseThrow());
        XdiDocument doc = Xdi.parse(file);
        int itrans = doc.columnNames().indexOf("itrans");
        int irefer = doc.columnNames().indexOf("irefer");
        for (int i = 0; i < reference.size(); i += 37) {
            assertEquals(Math.log(doc.value(itrans, i) / doc.value(irefer, i)), reference.mu(i), 1e-12);
        }
        assertEquals("ln(itrans/irefer) (reference channel)", reference.metadata("xanesml.mu.source").orElseThrow());
    }

    @Test
    void aNamedReferenceElementAndAMureferColumnAreTaken(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("fe-on-cu.xdi"), "# XDI/1.0\n# Column.1: energy eV\n"
                + "# Column.2: mutrans\n# Column.3: murefer\n# Element.symbol: Fe\n# Element.edge: K\n"
                + "# Element.reference: Cu\n#----\n# energy mutrans murefer\n7000 0.1 0.5\n7100 0.2 0.6\n"
                + "7200 1.1 0.7\n");
        Spectrum reference = ReferenceChannels.read(f).get(0);
        assertEquals(Element.Cu, reference.absorber().orElseThrow());
        assertArrayEquals(new double[] {0.5, 0.6, 0.7}, reference.mu());
    }

    @Test
    void aFileWithoutReferenceChannelSaysWhatIsMissing(@TempDir Path dir) throws Exception {
        Path xdi = SharedData.require("data/experimental/xdi-examples/data/cu_metal_rt.xdi");
        SpectrumReadException e = assertThrows(SpectrumReadException.class, () -> ReferenceChannels.read(xdi));
        assertTrue(e.getMessage().contains("no reference channel among columns")
                && e.getMessage().contains("murefer, or itrans and irefer"), e.getMessage());
        Path csv = Files.writeString(dir.resolve("plain.dat"), "8900 0.1\n8901 0.2\n8902 0.3\n");
        e = assertThrows(SpectrumReadException.class, () -> ReferenceChannels.read(csv));
        assertTrue(e.getMessage().contains("not an XDI file"), e.getMessage());
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal.nexus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;
import org.xanesml.io.SpectrumReadException;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/** Tiny NXxas files written with jhdf's own writer (contiguous datasets), read back. */
class NexusXasReaderTest {
    private static final double[] ENERGY_EV = {8970, 8975, 8980, 8985, 8990, 9000};
    private static final double[] I0 = {1000, 1001, 1002, 1003, 1004, 1005};
    private static final double[] IT = {500, 490, 300, 200, 210, 220};

    private final NexusXasReader reader = new NexusXasReader();

    @TempDir
    Path dir;

    @Test
    void transmissionEntryGivesLnI0OverI() throws IOException {
        Path f = write("cu.nxs", entry -> {
            raw(entry, ENERGY_EV, "eV", I0, IT);
            WritableGroup element = nx(entry.putGroup("element"), "NXelement");
            element.putDataset("name", "Cu");
            nx(element.putGroup("edge"), "NXabsorption_edge").putDataset("name", "K");
            nx(entry.putGroup("sample"), "NXsample").putDataset("name", "CuO pellet");
        });
        assertEquals(0.95, reader.sniff("cu.nxs", Arrays.copyOf(Files.readAllBytes(f), 64)), 0);
        List<Spectrum> spectra = reader.read(f);
        assertEquals(1, spectra.size());
        Spectrum s = spectra.get(0);
        assertEquals("cu/entry", s.id());
        for (int i = 0; i < ENERGY_EV.length; i++) {
            assertEquals(ENERGY_EV[i], s.energyEv(i), 0);
            assertEquals(Math.log(I0[i] / IT[i]), s.mu(i), 1e-15);
        }
        assertEquals(Element.Cu, s.absorber().orElseThrow());
        assertEquals(Edge.K, s.edge().orElseThrow());
        assertEquals(MuScale.RAW, s.muScale());
        assertEquals("NXxas", s.metadata("NeXus.definition").orElseThrow());
        assertEquals("CuO pellet", s.metadata("NeXus.sample.name").orElseThrow());
        assertTrue(s.metadata("xanesml.mu_source").orElseThrow().contains("transmission"));
    }

    @Test
    void fluorescenceDefinitionGivesIOverI0AndKevIsConverted() throws IOException {
        double[] kev = Arrays.stream(ENERGY_EV).map(e -> e / 1000).toArray();
        Path f = write("fluo.nxs", entry -> {
            raw(entry, kev, "keV", I0, IT);
            entry.putDataset("element", "Fe");
            entry.putDataset("edge", "K");
        }, "NXxas_fluo");
        Spectrum s = reader.read(f).get(0);
        for (int i = 0; i < ENERGY_EV.length; i++) {
            assertEquals(ENERGY_EV[i], s.energyEv(i), 1e-9);
            assertEquals(IT[i] / I0[i], s.mu(i), 1e-15);
        }
        assertEquals(Element.Fe, s.absorber().orElseThrow());
    }

    @Test
    void nxdataSignalIsTakenAsTheFileDefinesIt() throws IOException {
        double[] mu = {0.01, 0.02, 0.5, 1.1, 1.0, 0.98};
        Path f = write("norm.nxs", entry -> {
            raw(entry, ENERGY_EV, "eV", I0, IT);
            WritableGroup data = nx(entry.putGroup("data"), "NXdata");
            data.putAttribute("signal", "mu");
            data.putAttribute("axes", new String[] {"energy"});
            data.putDataset("energy", ENERGY_EV).putAttribute("units", "eV");
            data.putDataset("mu", mu);
        });
        Spectrum s = reader.read(f).get(0);
        for (int i = 0; i < mu.length; i++) {
            assertEquals(mu[i], s.mu(i), 0);
        }
        assertEquals("/entry/data/mu (NXdata signal)", s.metadata("xanesml.mu_source").orElseThrow());
        // An NXdata whose signal is the raw absorbed_beam still means "compute mu from the detectors".
        Path raw = write("raw.nxs", entry -> {
            raw(entry, ENERGY_EV, "eV", I0, IT);
            WritableGroup data = nx(entry.putGroup("data"), "NXdata");
            data.putAttribute("signal", "absorbed_beam");
            data.putDataset("absorbed_beam", IT);
        });
        assertEquals(Math.log(I0[0] / IT[0]), reader.read(raw).get(0).mu(0), 1e-15);
    }

    @Test
    void unitlessEnergyIsEvWithAWarningAndTwoEntriesGiveTwoSpectra() throws IOException {
        Path f = dir.resolve("two.nxs");
        try (WritableHdfFile hdf = HdfFile.write(f)) {
            for (String name : new String[] {"entry1", "entry2"}) {
                WritableGroup entry = nx(hdf.putGroup(name), "NXentry");
                entry.putDataset("definition", "NXxas");
                raw(entry, ENERGY_EV, null, I0, IT);
            }
        }
        List<Spectrum> spectra = reader.read(f);
        assertEquals(List.of("two/entry1", "two/entry2"), spectra.stream().map(Spectrum::id).toList());
        assertTrue(spectra.get(0).metadata("xanesml.warning.1").orElseThrow().contains("no @units"));
    }

    @Test
    void brokenFilesNameTheDatasetAndWhatWasExpected() throws IOException {
        assertMessage(write("a.nxs", entry -> raw(entry, ENERGY_EV, "eV", I0, IT), "NXxas", "absorbed_beam"),
                "/entry/instrument/absorbed_beam/data is missing");
        assertMessage(write("b.nxs", entry -> raw(entry, ENERGY_EV, "nm", I0, IT)), "@units 'nm'; expected eV or keV");
        assertMessage(write("c.nxs", entry -> raw(entry, ENERGY_EV, "eV", I0, Arrays.copyOf(IT, 4))),
                "incoming_beam 6, absorbed_beam 4");
        double[] zero = IT.clone();
        zero[2] = 0;
        assertMessage(write("d.nxs", entry -> raw(entry, ENERGY_EV, "eV", I0, zero)), "expected positive intensities");
        assertMessage(write("e.nxs", entry -> {
            raw(entry, ENERGY_EV, "eV", I0, IT);
            entry.putDataset("element", "Xy");
        }), "/entry/element: 'Xy' is not a chemical element");
        assertMessage(write("f.nxs", entry -> {
            WritableGroup data = nx(entry.putGroup("data"), "NXdata");
            data.putAttribute("signal", "mu");
            data.putDataset("mu", new double[][] {{1, 2}, {3, 4}});
        }), "has rank 2");
        Path noEntry = dir.resolve("g.nxs");
        try (WritableHdfFile hdf = HdfFile.write(noEntry)) {
            nx(hdf.putGroup("scan"), "NXcollection");
        }
        assertMessage(noEntry, "no NXentry group");
        Path garbage = Files.write(dir.resolve("h.nxs"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertMessage(garbage, "not a readable HDF5 file");
        byte[] whole = Files.readAllBytes(write("i.nxs", entry -> raw(entry, ENERGY_EV, "eV", I0, IT)));
        Path cut = Files.write(dir.resolve("cut.nxs"), Arrays.copyOf(whole, whole.length / 3));
        assertMessage(cut, "cut.nxs");
    }

    private void assertMessage(Path f, String expected) {
        SpectrumReadException e = assertThrows(SpectrumReadException.class, () -> reader.read(f));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    private Path write(String name, Consumer<WritableGroup> content) {
        return write(name, content, "NXxas");
    }

    private Path write(String name, Consumer<WritableGroup> content, String definition) {
        return write(name, content, definition, null);
    }

    /** Writes one NXentry; {@code omit} names an instrument detector group to leave out. */
    private Path write(String name, Consumer<WritableGroup> content, String definition, String omit) {
        Path f = dir.resolve(name);
        omitted = omit;
        try (WritableHdfFile hdf = HdfFile.write(f)) {
            WritableGroup entry = nx(hdf.putGroup("entry"), "NXentry");
            entry.putDataset("definition", definition);
            entry.putDataset("title", "test " + name);
            content.accept(entry);
        }
        omitted = null;
        return f;
    }

    private String omitted;

    private void raw(WritableGroup entry, double[] energy, String units, double[] i0, double[] it) {
        WritableGroup instrument = nx(entry.putGroup("instrument"), "NXinstrument");
        WritableGroup source = nx(instrument.putGroup("source"), "NXsource");
        source.putDataset("type", "Synchrotron X-ray Source");
        source.putDataset("probe", "x-ray");
        WritableGroup mono = nx(instrument.putGroup("monochromator"), "NXmonochromator");
        var e = mono.putDataset("energy", energy);
        if (units != null) {
            e.putAttribute("units", units);
        }
        nx(instrument.putGroup("incoming_beam"), "NXdetector").putDataset("data", i0);
        if (!"absorbed_beam".equals(omitted)) {
            nx(instrument.putGroup("absorbed_beam"), "NXdetector").putDataset("data", it);
        }
    }

    private static WritableGroup nx(WritableGroup g, String nxClass) {
        g.putAttribute("NX_class", nxClass);
        return g;
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal.mp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.testing.SharedData;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** pymatgen XAS JSON (Materials Project) and the TRI trixs documents in data/formats. */
class XasJsonReaderTest {
    private final XasJsonReader reader = new XasJsonReader();

    @TempDir
    Path dir;

    @Test
    void pymatgenXasKeepsTheStructure() throws IOException {
        Path f = SharedData.require("data/formats/pymatgen/LiCoO2_k_xanes.json");
        assertTrue(reader.sniff(f.getFileName().toString(), head(f)) >= 0.9);
        XasJsonDocument doc = XasJsonReader.readDocument(f);
        assertEquals(XasJsonDocument.Variant.PYMATGEN_XAS, doc.variant());
        Spectrum s = doc.spectrum();
        JsonObject raw = JsonParser.parseString(Files.readString(f)).getAsJsonObject();
        assertArrayEquals(numbers(raw.getAsJsonArray("x")), s.energyEv(), 0);
        assertArrayEquals(numbers(raw.getAsJsonArray("y")), s.mu(), 0);
        assertEquals(Element.Co, s.absorber().orElseThrow());
        assertEquals(Edge.K, s.edge().orElseThrow());
        assertEquals(MuScale.EDGE_NORMALIZED, s.muScale());
        PymatgenStructure structure = doc.structure().orElseThrow();
        assertEquals(4, structure.sites().size());
        assertTrue(structure.latticeAngstrom().isPresent());
        assertEquals(Element.Li, structure.sites().get(0).element());
        assertEquals(raw.get("structure"), JsonParser.parseString(s.metadata("pymatgen.structure").orElseThrow()));
    }

    @Test
    void trixsXasSpectrumTakesFeffMuFromTheFullTable() throws IOException {
        for (String name : new String[] {"sample_spectrum_c.txt", "sample_spectrum_d.txt"}) {
            Path f = SharedData.require("data/formats/trixs/" + name);
            XasJsonDocument doc = XasJsonReader.readDocument(f);
            assertEquals(XasJsonDocument.Variant.TRIXS_XAS_SPECTRUM, doc.variant(), name);
            Spectrum s = doc.spectrum();
            JsonObject raw = JsonParser.parseString(Files.readString(f)).getAsJsonObject();
            double[] y = numbers(raw.getAsJsonArray("y"));
            double sum = 0;
            for (double v : s.mu()) {
                sum += v;
            }
            // trixs stores y = mu / sum(mu): the FEFF mu we read must reproduce it.
            for (int i = 0; i < y.length; i++) {
                assertEquals(y[i], s.mu(i) / sum, 1e-12, name + " point " + i);
            }
            assertEquals(Element.Mn, s.absorber().orElseThrow(), name);
            assertEquals(MuScale.EDGE_NORMALIZED, s.muScale(), name);
            assertEquals(raw.get("absorbing_site").getAsInt(), doc.absorbingSite().orElseThrow(), name);
        }
    }

    @Test
    void triFeffDocumentReadsOmegaAndMuAndTheCluster() throws IOException {
        Path f = SharedData.require("data/formats/trixs/sample_spectrum_e.txt");
        XasJsonDocument doc = XasJsonReader.readDocument(f);
        assertEquals(XasJsonDocument.Variant.TRI_FEFF_DOCUMENT, doc.variant());
        Spectrum s = doc.spectrum();
        assertEquals("oqmd-1054766_8", s.id());
        assertEquals(Element.Ni, s.absorber().orElseThrow());
        assertEquals(100, s.size());
        assertEquals(8334.08, s.energyEv(0), 0);
        assertEquals(0.0519168, s.mu(0), 0);
        PymatgenStructure cluster = doc.cluster().orElseThrow();
        assertTrue(cluster.latticeAngstrom().isEmpty());
        assertEquals(Element.Ni, cluster.sites().get(0).element());
        assertArrayEquals(new double[] {0, 0, 0}, cluster.sites().get(0).xyzAngstrom(), 0);
        assertTrue(s.metadata("FEFF.input_parameters").orElseThrow().contains("\"COREHOLE\":\"Rpa\""));
    }

    @Test
    void materialDocumentWithoutSpectrumIsRejectedWithTheReason() {
        Path f = SharedData.require("data/formats/trixs/mp-30_Cu.json");
        SpectrumReadException e = assertThrows(SpectrumReadException.class, () -> reader.read(f));
        assertTrue(e.getMessage().contains("task_id mp-30) holds no XAS spectrum"), e.getMessage());
    }

    @Test
    void textSamplesAreNotJson() throws IOException {
        Path f = SharedData.require("data/formats/trixs/sample_spectrum_a.txt");
        assertEquals(0, reader.sniff(f.getFileName().toString(), head(f)), 0);
    }

    @Test
    void brokenDocumentsNameTheField() throws IOException {
        assertMessage("{\"x\": [1, 2, 3], \"y\": [1, 2", "not valid JSON");
        assertMessage("[1, 2]", "expected a JSON object");
        assertMessage("{\"x\": [1, \"a\", 3], \"y\": [1, 2, 3], \"absorbing_element\": \"Fe\"}",
                "x[1] is \"a\"; expected a number");
        assertMessage("{\"x\": [1, 2, 3], \"y\": [1, 2], \"absorbing_element\": \"Fe\"}", "3 values but mu has 2");
        assertMessage("{\"x\": [1, 2, 3], \"y\": [1, NaN, 2], \"absorbing_element\": \"Fe\"}", "mu is NaN");
        assertMessage("{\"x\": [1, 2, 3], \"y\": [1, 2, 3], \"absorbing_element\": \"Xq\"}", "'Xq' is not");
        assertMessage("{\"x\": [1, 2, 3], \"y\": [1, 2, 3], \"absorbing_element\": \"Fe\", \"edge\": \"Z\"}",
                "field 'edge'");
        assertMessage("{\"x\": [1, 2, 3], \"y\": [1, 2, 3]}", "no absorbing_element");
        assertMessage("{\"spectrum\": [[1,2,3]], \"absorbing_atom\": 0}", "spectrum[0] must be a row of at least 6");
        assertMessage("{\"x\": [1, 2], \"y\": [1, 2], \"absorbing_site\": 5, \"structure\": {\"sites\": []}}",
                "absorbing site 5 is outside the structure's 0 sites");
        assertMessage("{\"a\": 1}", "no XAS document");
        assertMessage("[".repeat(5000), "not valid JSON");
    }

    private void assertMessage(String json, String expected) throws IOException {
        Path f = Files.writeString(dir.resolve("bad.json"), json);
        SpectrumReadException e = assertThrows(SpectrumReadException.class, () -> reader.read(f));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    private static byte[] head(Path f) throws IOException {
        byte[] all = Files.readAllBytes(f);
        return java.util.Arrays.copyOf(all, Math.min(all.length, 4096));
    }

    private static double[] numbers(JsonArray a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsDouble();
        }
        return out;
    }
}

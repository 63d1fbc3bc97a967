/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xanesml.testing.SharedData;

/** Format detection by content, explicit choice, and the error listing the formats tried. */
class SpectrumReadersTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "data/experimental/XASDataLibrary/data/Fe/Hansel2001_goethite_xanes_004.xd, xdi",
        "data/experimental/XASDataLibrary/data/S/iron_sulfide_rt_01.xxdi, xdi",
        "data/experimental/larch-examples/xafsdata/cu.xmu, columns",
        "data/experimental/larch-examples/xafsdata/feo_xafs.dat, columns",
        "data/formats/lightshow/anatase_theory_FEFF.txt, columns",
        "data/formats/trixs/sample_spectrum_b.txt, columns", "data/formats/trixs/sample_spectrum_c.txt, xas-json"})
    void detectsFromContent(String relative, String format) throws Exception {
        assertEquals(format, SpectrumReaders.detect(SharedData.require(relative)).formatName());
    }

    @Test
    void contentWinsOverAMisleadingName() throws Exception {
        Path xdiNamedDat = Fixtures.write(tmp, "looks_like_columns.dat", "# XDI/1.0\n# Column.1: energy eV\n"
                + "# Column.2: mutrans\n#----\n7100 0.1\n7110 0.2\n");
        assertEquals("xdi", SpectrumReaders.detect(xdiNamedDat).formatName());
        Path columnsNamedXdi = Fixtures.write(tmp, "not_really.xdi", "7100 0.1\n7110 0.2\n7120 0.3\n");
        assertEquals("columns", SpectrumReaders.detect(columnsNamedXdi).formatName());
    }

    @Test
    void explicitFormatSkipsDetection() throws Exception {
        Path f = Fixtures.write(tmp, "x.txt", "# XDI/1.0\n# Column.1: energy eV\n# Column.2: mutrans\n#----\n"
                + "7100 0.1\n7110 0.2\n");
        assertEquals("xdi", SpectrumReaders.read(f, "XDI").get(0).metadata("xanesml.format").orElseThrow());
        // The same file as plain columns: the XDI header is comments, the data the same.
        assertEquals("columns", SpectrumReaders.read(f, "columns").get(0).metadata("xanesml.format").orElseThrow());
        SpectrumReadException e = assertThrows(SpectrumReadException.class, () -> SpectrumReaders.read(f, "nope"));
        assertTrue(e.getMessage().contains("unknown format 'nope'; expected one of [xdi, feff-xmu, fdmnes, columns"),
                e.getMessage());
    }

    @Test
    void unrecognisedContentListsTheFormatsTried() throws Exception {
        Path f = Fixtures.write(tmp, "notes.txt", "Dear beamline scientist,\nplease find attached...\n");
        SpectrumReadException e = assertThrows(SpectrumReadException.class, () -> SpectrumReaders.read(f));
        assertTrue(e.getMessage().contains("content not recognised; formats tried (confidence 0..1): xdi=0.00"),
                e.getMessage());
        for (String name : SpectrumReaders.formatNames()) {
            assertTrue(e.getMessage().contains(name + "="), name + " missing in " + e.getMessage());
        }
    }

    @Test
    void gzipContentIsSniffedInflatedAndUnknownContentIsNotRecognised() throws Exception {
        Path f = Fixtures.writeBytes(tmp, "columns.dat.gz", gzip("7100 0.1\n7110 0.2\n7120 0.3\n"));
        assertEquals(3, SpectrumReaders.read(f).get(0).size());
        Path prose = Fixtures.writeBytes(tmp, "notes.txt.gz", gzip("Beamtime notes: the mono was detuned.\n"));
        SpectrumReadException e = assertThrows(SpectrumReadException.class, () -> SpectrumReaders.read(prose));
        assertTrue(e.getMessage().contains("gzip content not recognised"), e.getMessage());
    }

    static byte[] gzip(String text) throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void emptyFileAndMissingFile() {
        Path empty = Fixtures.write(tmp, "empty.xdi", "");
        SpectrumReadException e = assertThrows(SpectrumReadException.class, () -> SpectrumReaders.read(empty));
        assertTrue(e.getMessage().contains("the file is empty"), e.getMessage());
        Path missing = tmp.resolve("missing.xdi");
        SpectrumReadException m = assertThrows(SpectrumReadException.class, () -> SpectrumReaders.read(missing));
        assertTrue(m.getMessage().startsWith(missing + ": cannot read the file"), m.getMessage());
    }

    @Test
    void readersAreStatelessAcrossThreads() throws Exception {
        Path f = SharedData.require("data/experimental/xdi-examples/data/fe3c_rt.xdi");
        var expected = SpectrumReaders.read(f).get(0);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<org.xanesml.core.Spectrum>>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> SpectrumReaders.read(f).get(0)));
            }
            for (var fu : futures) {
                assertEquals(expected, fu.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xanesml.testing.SharedData;

/**
 * Every XDI file of the XAS Data Library and of the XDI project's examples survives parse, write, parse: same header
 * fields in the same order, same comments, same labels, and the same numbers as an independent tokenisation of the
 * original file's data lines.
 */
class XdiRoundTripTest {

    static Stream<Path> xdiFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("data/experimental/XASDataLibrary/data", "data/experimental/xdi-examples/data")) {
            try (Stream<Path> s = Files.walk(SharedData.require(root))) {
                s.filter(Files::isRegularFile).filter(XdiRoundTripTest::startsWithXdiVersion).sorted()
                        .forEach(files::add);
            }
        }
        return files.stream();
    }

    private static boolean startsWithXdiVersion(Path p) {
        try (Stream<String> lines = Files.lines(p, StandardCharsets.ISO_8859_1)) {
            return lines.findFirst().map(l -> l.replace(" ", "").startsWith("#XDI/")).orElse(false);
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("xdiFiles")
    void roundTripKeepsFieldsCommentsAndNumbers(Path file) throws Exception {
        XdiDocument original = Xdi.parse(file);
        String written = Xdi.toText(original);
        XdiDocument again = Xdi.parse(written, file);

        assertEquals(original.versionLine(), again.versionLine());
        assertEquals(original.fields(), again.fields());
        assertEquals(original.comments(), again.comments());
        assertEquals(original.columnLabels(), again.columnLabels());
        assertEquals(original.rowFields(), again.rowFields());
        assertEquals(original, again);

        // The numbers equal an independent reading of the original text, not only the parser's own.
        List<double[]> rows = independentRows(file);
        assertEquals(rows.size(), original.rowCount());
        for (int r = 0; r < rows.size(); r++) {
            double[] row = new double[original.columnCount()];
            for (int c = 0; c < row.length; c++) {
                row[c] = again.value(c, r);
            }
            assertArrayEquals(rows.get(r), row, 0.0, "row " + r);
        }
        // Every original header field line is present with its value.
        long fieldLines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .takeWhile(l -> !l.replace(" ", "").startsWith("#---") && !l.replace(" ", "").startsWith("#///"))
                .filter(l -> l.matches("#\\s*[A-Za-z][\\w]*\\.[\\w-]+\\s*:.*"))
                .count();
        assertEquals(fieldLines, again.fields().size());
    }

    private static List<double[]> independentRows(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String[] cells = s.split("\\s+");
            double[] row = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                row[c] = Double.parseDouble(cells[c]);
            }
            rows.add(row);
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("xdiFiles")
    void everyXasFileBecomesASpectrum(Path file) throws Exception {
        String name = file.getFileName().toString();
        if (name.startsWith("nonxafs_1d") || name.startsWith("nonxafs_negvalues")) {
            SpectrumReadException e = org.junit.jupiter.api.Assertions.assertThrows(SpectrumReadException.class,
                    () -> SpectrumReaders.read(file));
            assertTrue(e.getMessage().contains("expected the abscissa 'energy'"), e.getMessage());
            return;
        }
        assertEquals("xdi", SpectrumReaders.detect(file).formatName());
        var spectra = SpectrumReaders.read(file);
        assertTrue(!spectra.isEmpty());
        for (var s : spectra) {
            assertTrue(s.metadata("xanesml.mu.source").isPresent());
            assertTrue(s.size() >= 2);
        }
    }
}

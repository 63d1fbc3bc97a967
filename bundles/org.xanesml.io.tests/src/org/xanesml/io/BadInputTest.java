/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xanesml.core.Spectrum;

/**
 * Every kind of bad input the issue lists, for every text reader: each fails with a {@link SpectrumReadException}
 * that names the file, the line (when there is one) and what was expected; or, for energy order, follows the
 * documented {@link EnergyOrderPolicy}.
 */
class BadInputTest {
    @TempDir
    Path tmp;

    private static final String XDI_HEAD = "# XDI/1.0\n# Element.symbol: Cu\n# Element.edge: K\n# Column.1: energy eV\n"
            + "# Column.2: mutrans\n#----\n# energy mutrans\n";
    private static final String FEFF_HEAD = "# Cu K FEFF 9.9.1\n# Abs   Z=29 Rmt= 1.247 Rnm= 1.305 K  shell\n"
            + "#  omega    e    k    mu    mu0     chi     @#\n";
    private static final String FDMNES_HEAD = "    FDMNES\n    energy     <xanes>\n";
    private static final String COLUMNS_HEAD = "# energy mu\n";

    private SpectrumReadException fails(String format, String name, String content) {
        Path f = Fixtures.write(tmp, name, content);
        SpectrumReadException e = assertThrows(SpectrumReadException.class, () -> SpectrumReaders.read(f, format));
        assertEquals(f, e.file());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("expected"), "message must say what was expected: " + e.getMessage());
        return e;
    }

    private static String feffRow(double omega, double mu) {
        return String.format(java.util.Locale.ROOT, "  %.3f  %.3f  0.0  %.5e  0.5  0.0%n", omega, omega - 8979, mu);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"xdi", "feff-xmu", "fdmnes", "columns"})
    void nonNumericCell(String format) {
        String body = switch (format) {
            case "xdi" -> XDI_HEAD + "8970 0.1\n8980 zero\n8990 1.0\n";
            case "feff-xmu" -> FEFF_HEAD + feffRow(8970, 0.1) + "  8980.0 1.0 0.0 x.5 0.5 0.0\n" + feffRow(8990, 1);
            case "fdmnes" -> FDMNES_HEAD + "8970 0.1\n8980 zero\n8990 1.0\n";
            default -> COLUMNS_HEAD + "8970 0.1\n8980 zero\n8990 1.0\n";
        };
        SpectrumReadException e = fails(format, "cell." + format, body);
        assertTrue(e.getMessage().contains("is not a number"), e.getMessage());
        long expectedLine = body.substring(0, body.indexOf("8980")).chars().filter(c -> c == '\n').count() + 1;
        assertEquals(expectedLine, e.line().orElseThrow(), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"xdi", "feff-xmu", "fdmnes", "columns"})
    void raggedRow(String format) {
        String body = switch (format) {
            case "xdi" -> XDI_HEAD + "8970 0.1\n8980\n8990 1.0\n";
            case "feff-xmu" -> FEFF_HEAD + feffRow(8970, 0.1) + "  8980.0 1.0 0.0\n" + feffRow(8990, 1);
            case "fdmnes" -> FDMNES_HEAD + "8970 0.1\n8980 0.2 0.3\n8990 1.0\n";
            default -> COLUMNS_HEAD + "8970 0.1\n8980 0.2 0.3\n8990 1.0\n";
        };
        SpectrumReadException e = fails(format, "ragged." + format, body);
        assertTrue(e.getMessage().contains("ragged or truncated row"), e.getMessage());
        assertTrue(e.line().isPresent());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"xdi, NaN", "xdi, inf", "xdi, -Infinity", "columns, nan", "columns, 1e999", "fdmnes, NaN",
        "feff-xmu, Infinity"})
    void nanAndInfinity(String format, String token) throws SpectrumReadException {
        String body = switch (format) {
            case "xdi" -> XDI_HEAD + "8970 0.1\n8980 " + token + "\n8990 0.9\n";
            case "feff-xmu" -> FEFF_HEAD + feffRow(8970, 0.1) + "  8980.0 1.0 0.0 " + token + " 0.5 0.0\n"
                    + feffRow(8990, 0.9);
            case "fdmnes" -> FDMNES_HEAD + "8970 0.1\n8980 " + token + "\n8990 0.9\n";
            default -> COLUMNS_HEAD + "8970 0.1\n8980 " + token + "\n8990 0.9\n";
        };
        Path f = Fixtures.write(tmp, "nan." + format, body);
        long line = body.lines().toList().indexOf(body.lines().filter(l -> l.contains(token)).findFirst()
                .orElseThrow()) + 1L;
        if (token.equals("1e999")) {
            // not a word for a missing value but a number that overflows: malformed under either policy
            SpectrumReadException e = fails(format, "nan." + format, body);
            assertTrue(e.getMessage().contains("expected a finite decimal number"), e.getMessage());
            return;
        }
        // NonFinitePolicy.FAIL refuses the file at the point's line
        SpectrumReadException e = assertThrows(SpectrumReadException.class, () -> SpectrumReaders.read(f,
                ReadOptions.DEFAULT.withFormat(format).withNonFinite(NonFinitePolicy.FAIL)));
        assertEquals(line, e.line().orElseThrow(), e.getMessage());
        assertTrue(e.getMessage().contains("expected a finite number"), e.getMessage());
        // the default (DROP) leaves the point out and says so, naming its line
        Spectrum s = SpectrumReaders.read(f, format).get(0);
        assertEquals(2, s.size());
        assertEquals(8990.0, s.energyEv(1), 0.0);
        assertTrue(SpectrumReaders.warnings(s).contains("1 point with a non-finite energy or mu left out (line "
                + line + ")"), SpectrumReaders.warnings(s).toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"xdi", "feff-xmu", "fdmnes", "columns"})
    void emptyDataAndEmptyFile(String format) {
        String head = switch (format) {
            case "xdi" -> XDI_HEAD;
            case "feff-xmu" -> FEFF_HEAD;
            case "fdmnes" -> FDMNES_HEAD;
            default -> COLUMNS_HEAD;
        };
        SpectrumReadException e = fails(format, "nodata." + format, head + "\n\n");
        assertTrue(e.getMessage().contains("no data rows"), e.getMessage());
        fails(format, "empty." + format, "");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"xdi", "feff-xmu", "fdmnes", "columns"})
    void truncatedFile(String format) {
        String full = switch (format) {
            case "xdi" -> XDI_HEAD + "8970 0.1\n8980 0.5\n8990 1.0\n";
            case "feff-xmu" -> FEFF_HEAD + feffRow(8970, 0.1) + feffRow(8980, 0.5) + feffRow(8990, 1.0);
            case "fdmnes" -> FDMNES_HEAD + "8970 0.1\n8980 0.5\n8990 1.0\n";
            default -> COLUMNS_HEAD + "8970 0.1 5\n8980 0.5 5\n8990 1.0 5\n";
        };
        // Cut inside the last row (a copy that stopped early): a short row, reported at its line.
        String cut = full.substring(0, full.length() - (format.equals("feff-xmu") ? 20 : 4));
        SpectrumReadException e = fails(format, "cut." + format, cut);
        assertEquals(cut.lines().count(), e.line().orElseThrow(), e.getMessage());
        // Cut inside the header: no data at all.
        String header = full.substring(0, full.indexOf('\n', 5) + 1);
        fails(format, "cuthead." + format, header);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"xdi", "feff-xmu", "fdmnes", "columns"})
    void binaryGarbage(String format) {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        junk[10] = 0;
        Path f = Fixtures.writeBytes(tmp, "junk." + format, junk);
        SpectrumReadException e = assertThrows(SpectrumReadException.class, () -> SpectrumReaders.read(f, format));
        assertTrue(e.getMessage().contains("looks binary") || e.getMessage().contains("not"), e.getMessage());
        SpectrumReadException auto = assertThrows(SpectrumReadException.class, () -> SpectrumReaders.read(f));
        assertTrue(auto.getMessage().contains("formats tried"), auto.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"xdi", "feff-xmu", "columns"})
    void hugeHeaderIsBounded(String format) {
        StringBuilder b = new StringBuilder(format.equals("xdi") ? "# XDI/1.0\n" : "");
        for (int i = 0; i < 20_000; i++) {
            b.append(format.equals("xdi") ? "# Extra.f" + i + ": x\n" : "# header line " + i + "\n");
        }
        SpectrumReadException e = fails(format, "huge." + format, b + "8970 0.1\n8980 0.5\n");
        assertTrue(e.getMessage().contains("10000"), e.getMessage());
    }

    /**
     * A 20,000-line header that does end with '# ---' must not be called one "without the header-end line": the
     * message says where the header ends and what to do.
     */
    @Test
    void longXdiHeaderThatEndsSaysWhereItEnds() {
        StringBuilder b = new StringBuilder("# XDI/1.0\n# Element.symbol: Cu\n# Element.edge: K\n");
        for (int i = 0; i < 20_000; i++) {
            b.append("# Extra.f").append(i).append(": x\n");
        }
        b.append("#----\n# energy mu\n8970 0.1\n8980 0.5\n");
        SpectrumReadException e = fails("xdi", "long.xdi", b.toString());
        assertTrue(!e.getMessage().contains("without the header-end line") && !e.getMessage().contains("no header-end"),
                e.getMessage());
        assertTrue(e.getMessage().contains("its header-end line '# ---' is line 20004"), e.getMessage());
        assertTrue(e.getMessage().contains("shorten the header"), e.getMessage());
    }

    @Test
    void overlongLineIsBounded() {
        SpectrumReadException e = fails("columns", "long.dat", "# " + "x".repeat(100_000) + "\n1 2\n3 4\n");
        assertEquals(1L, e.line().orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"xdi", "columns", "feff-xmu"})
    void missingColumns(String format) {
        String body = switch (format) {
            case "xdi" -> "# XDI/1.0\n# Column.1: energy eV\n# Column.2: i0\n#----\n# energy i0\n8970 1\n8980 2\n";
            case "feff-xmu" -> FEFF_HEAD + "8970 -9 0\n8980 1 0.1\n";
            default -> COLUMNS_HEAD.replace("mu", "") + "8970\n8980\n";
        };
        SpectrumReadException e = fails(format, "cols." + format, body);
        assertTrue(e.getMessage().contains("column"), e.getMessage());
    }

    @Test
    void wrongElementForTheEnergyRange() {
        String body = XDI_HEAD.replace("Cu", "Fe") + "8970 0.1\n8980 0.5\n8990 1.0\n";
        SpectrumReadException e = fails("xdi", "wrong.xdi", body);
        assertEquals(2L, e.line().orElseThrow());
        assertTrue(e.getMessage().contains("header says Fe K edge (7112.0 eV) but the data cover 8970.0..8990.0 eV"),
                e.getMessage());
        SpectrumReadException edge = fails("xdi", "wrongedge.xdi", XDI_HEAD.replace("edge: K", "edge: L3")
                + "8970 0.1\n8980 0.5\n");
        assertTrue(edge.getMessage().contains("Cu L3") || edge.getMessage().contains("L3"), edge.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"xdi", "feff-xmu", "fdmnes", "columns"})
    void decreasingEnergiesAreReversedWithAWarning(String format) throws Exception {
        String body = switch (format) {
            case "xdi" -> XDI_HEAD + "8990 1.0\n8980 0.5\n8970 0.1\n";
            case "feff-xmu" -> FEFF_HEAD + feffRow(8990, 1.0) + feffRow(8980, 0.5) + feffRow(8970, 0.1);
            case "fdmnes" -> FDMNES_HEAD + "8990 1.0\n8980 0.5\n8970 0.1\n";
            default -> COLUMNS_HEAD + "8990 1.0\n8980 0.5\n8970 0.1\n";
        };
        Path f = Fixtures.write(tmp, "down." + format, body);
        Spectrum s = SpectrumReaders.read(f, format).get(0);
        assertArrayEquals(new double[] {8970, 8980, 8990}, s.energyEv(), 0.0);
        assertEquals(0.1, s.mu(0), 1e-12);
        assertTrue(s.metadata("xanesml.warning.1").orElseThrow().contains("reversed"), s.metadata().toString());

        SpectrumReadException e = assertThrows(SpectrumReadException.class,
                () -> strict(format).read(f));
        assertTrue(e.getMessage().contains("expected strictly increasing energies"), e.getMessage());
        assertEquals(body.lines().toList().indexOf(body.lines().filter(l -> l.contains("8980")).findFirst()
                .orElseThrow()) + 1L, e.line().orElseThrow());
    }

    private static SpectrumReader strict(String format) {
        return SpectrumReaders.textReaders(EnergyOrderPolicy.REJECT).stream()
                .filter(r -> r.formatName().equals(format)).findFirst().orElseThrow();
    }

    @Test
    void unorderedAndDuplicateEnergiesAreSortedAndAveraged() throws Exception {
        Path f = Fixtures.write(tmp, "dup.dat", COLUMNS_HEAD + "8970 0.1\n8990 1.0\n8980 0.4\n8980 0.6\n9000 1.1\n");
        Spectrum s = SpectrumReaders.read(f).get(0);
        assertArrayEquals(new double[] {8970, 8980, 8990, 9000}, s.energyEv(), 0.0);
        assertEquals(0.5, s.mu(1), 1e-15);
        String all = s.metadata().toString();
        assertTrue(all.contains("8980.0 on line 4 is below 8990.0 on line 3; the points were sorted"), all);
        assertTrue(all.contains("1 duplicate energy merged, mu averaged: 8980.0 eV on lines 4, 5"), all);
        SpectrumReadException e = assertThrows(SpectrumReadException.class, () -> strict("columns").read(f));
        assertEquals(4L, e.line().orElseThrow());
    }

    @Test
    void nonPositiveDetectorCountsForTheLogarithm() {
        SpectrumReadException e = fails("xdi", "neg.xdi", "# XDI/1.0\n# Column.1: energy eV\n# Column.2: i0\n"
                + "# Column.3: itrans\n#----\n8970 100 40\n8980 100 0\n");
        assertEquals(7L, e.line().orElseThrow());
        assertTrue(e.getMessage().contains("expected both positive to form ln(i0/itrans)"), e.getMessage());
    }

    @Test
    void latin1TextIsDecoded() throws Exception {
        byte[] bytes = "# sample: h\u00e9matite\n7100 0.1\n7110 0.2\n".getBytes(StandardCharsets.ISO_8859_1);
        Spectrum s = SpectrumReaders.read(Fixtures.writeBytes(tmp, "latin.dat", bytes)).get(0);
        assertEquals("h\u00e9matite", s.metadata("sample").orElseThrow());
    }
}

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xanesml.core.Spectrum;
import org.xanesml.io.internal.XdiSpectra;
import org.xanesml.testing.SharedData;

/**
 * Issue 17 item 1, in the readers: the columns that make a spectrum chosen by name or number, mu as an expression
 * (ratios, ln, channel sums) for XDI and plain column files, and gzipped text spectra read as they are.
 */
class ColumnSelectionTest {
    @TempDir
    Path tmp;

    @Test
    void eightChannelFluorescenceSummedOverI0() throws Exception {
        Path f = SharedData.require("data/experimental/larch-examples/xafsdata/fe_xanes_8ch.xdi");
        ReadOptions options = ReadOptions.of(null, null, "sum(Fe_Ka_mca*)/I0", null);
        Spectrum s = SpectrumReaders.read(f, options).get(0);
        assertEquals("sum(Fe_Ka_mca*)/I0 (chosen)", s.metadata(XdiSpectra.MU_SOURCE).orElseThrow());
        // the same number from the file's own columns: Fe_Ka_mca1..8 are columns 16..23, I0 column 5
        XdiDocument doc = Xdi.parse(f);
        for (int row : new int[] {0, 40, doc.rowCount() - 1}) {
            double sum = 0;
            for (int c = 15; c <= 22; c++) {
                sum += doc.value(c, row);
            }
            assertEquals(sum / doc.value(4, row), s.mu(row), 1e-12 * Math.abs(s.mu(row)), "row " + row);
        }
        // the golden Larch case made its input the same way: (Fe_Ka_mca1 + ... + Fe_Ka_mca8) / I0
        List<String> golden = Files.readAllLines(SharedData.require(
                "golden/larch/edge_cases/no_edge_fe_xanes_8ch.input.csv"));
        assertEquals(golden.size() - 1, s.size());
        for (int i = 1; i < golden.size(); i++) {
            String[] cells = golden.get(i).split(",");
            assertEquals(Double.parseDouble(cells[0]), s.energyEv(i - 1), 0.0);
            assertEquals(Double.parseDouble(cells[1]), s.mu(i - 1), 1e-15 * Math.abs(s.mu(i - 1)));
        }
        // the automatic choice takes ln(I0/IT), another curve
        Spectrum auto = SpectrumReaders.read(f).get(0);
        assertEquals("ln(i0/itrans)", auto.metadata(XdiSpectra.MU_SOURCE).orElseThrow());
        assertTrue(Math.abs(auto.mu(0) - s.mu(0)) > 1e-3);
        // the same by listing the channels, and the energy column by name
        Spectrum listed = SpectrumReaders.read(f, ReadOptions.of("xdi", "energy_readback",
                "(Fe_Ka_mca1+Fe_Ka_mca2+Fe_Ka_mca3+Fe_Ka_mca4+Fe_Ka_mca5+Fe_Ka_mca6+Fe_Ka_mca7+Fe_Ka_mca8) / i0",
                "fail")).get(0);
        assertArrayEquals(s.mu(), listed.mu(), 1e-12);
        assertEquals(doc.value(1, 0), listed.energyEv(0), 0.0);
    }

    @Test
    void plainColumnsByNumberAndExpression() throws Exception {
        Path f = Fixtures.write(tmp, "scan.dat", "# energy i0 it\n7100 100 50\n7110 100 40\n7120 100 20\n");
        Spectrum byName = SpectrumReaders.read(f, ReadOptions.of(null, "energy", "ln(i0/it)", null)).get(0);
        assertEquals(Math.log(100.0 / 40.0), byName.mu(1), 1e-15);
        Spectrum byNumber = SpectrumReaders.read(f, ReadOptions.of("columns", "1", "-ln($3/$2)", null)).get(0);
        assertArrayEquals(byName.mu(), byNumber.mu(), 1e-15);
        // a bare number is a column, as ColumnChoice has it
        assertEquals(40.0, SpectrumReaders.read(f, ReadOptions.of(null, null, "3", null)).get(0).mu(1), 0.0);
        // a label that is no plain name is quoted; ColumnChoice labels are taken as they are
        Path odd = Fixtures.write(tmp, "odd.dat", "# e(ev) xmu(fluo)\n7100 0.1\n7110 0.4\n7120 0.9\n");
        assertEquals(0.4, SpectrumReaders.read(odd, ReadOptions.of(null, "e(ev)", "\"xmu(fluo)\"", null)).get(0)
                .mu(1), 0.0);
        assertEquals(0.4, SpectrumReaders.plainColumns(ColumnChoice.of("1", "xmu(fluo)"),
                EnergyOrderPolicy.SORT_AND_AVERAGE).read(odd).get(0).mu(1), 0.0);
    }

    @Test
    void aPointWhereTheExpressionIsNotFiniteFollowsTheNonFinitePolicy() throws Exception {
        Path f = Fixtures.write(tmp, "zero.dat", "# energy i0 if\n7100 100 5\n7110 0 6\n7120 100 9\n7130 100 9\n");
        Spectrum s = SpectrumReaders.read(f, ReadOptions.of(null, null, "if/i0", null)).get(0);
        assertArrayEquals(new double[] {7100, 7120, 7130}, s.energyEv(), 0.0);
        assertTrue(SpectrumReaders.warnings(s).contains("1 point with a non-finite energy or mu left out (line 3)"),
                SpectrumReaders.warnings(s).toString());
        SpectrumReadException e = assertThrows(SpectrumReadException.class, () -> SpectrumReaders.read(f,
                ReadOptions.of(null, null, "if/i0", "fail")));
        assertEquals(3L, e.line().orElseThrow(), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ln(i0/           | at character 7: expected a column, a number, ln(...), sum(...) or '('
            exp(i0)          | at character 1: unknown function 'exp'; expected ln(...) or sum(...)
            i0 + * it        | at character 6: unexpected '*'; expected a column, a number, ln(...), sum(...) or '('
            i0 it            | at character 4: expected an operator (+ - * /) or the end
            sum()            | at character 5: expected a column name pattern such as ch* inside sum(...)
            Runtime.exec(x)  | at character 1: unknown function 'Runtime.exec'
            $                | at character 2: expected a column number after '$'
            """)
    void malformedExpressionsSayWhereAndWhat(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MuExpression.parse(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void randomTextIsParsedOrRefusedWithAReasonNeverACrash() {
        String[] tokens = {"i0", "it", "$1", "$2", "$9", "2", "1e3", ".5", "ln(", "sum(", "i*", ")", "(", "+", "-",
            "*", "/", " ", "x.y", "_", "?", "é", "\t", "$", "e", "1e", "--", "sum(i?)"};
        MuExpression.Columns columns = MuExpression.Columns.of(List.of("i0", "it"), i -> new double[] {1.0 + i, 2.0},
                2);
        java.util.Random random = new java.util.Random(17);
        int parsed = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                text.append(tokens[random.nextInt(tokens.length)]);
            }
            MuExpression e;
            try {
                e = MuExpression.parse(text.toString());
            } catch (IllegalArgumentException refused) {
                assertTrue(refused.getMessage().startsWith("mu expression") || refused.getMessage().startsWith("the mu"),
                        refused.getMessage());
                continue;
            }
            parsed++;
            try {
                assertEquals(2, e.evaluate(columns).length, text.toString());
            } catch (IllegalArgumentException unknown) {
                assertTrue(unknown.getMessage().startsWith("mu expression: "), unknown.getMessage());
            }
        }
        assertTrue(parsed > 1000, "only " + parsed + " of the random expressions parsed");
    }

    @Test
    void aColumnTheFileDoesNotHaveIsNamedWithTheColumnsItHas() throws Exception {
        Path f = SharedData.require("data/experimental/larch-examples/xafsdata/fe_xanes_8ch.xdi");
        SpectrumReadException e = assertThrows(SpectrumReadException.class, () -> SpectrumReaders.read(f,
                ReadOptions.of(null, null, "sum(Cu_Ka*)/I0", null)));
        assertTrue(e.getMessage().startsWith(f + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("sum(Cu_Ka*) matches no column; the columns are [energy, "),
                e.getMessage());
        SpectrumReadException energy = assertThrows(SpectrumReadException.class, () -> SpectrumReaders.read(f,
                ReadOptions.of(null, "mono", null, null)));
        assertTrue(energy.getMessage().contains("energy column 'mono' was chosen but the columns are"),
                energy.getMessage());
    }

    @Test
    void gzippedXdiAndColumnFilesReadAsTheirContent() throws Exception {
        Path plain = SharedData.require("data/experimental/xdi-examples/data/cu_metal_rt.xdi");
        Path gz = Fixtures.writeBytes(tmp, "cu_metal_rt.xdi.gz", SpectrumReadersTest.gzip(Files.readString(plain)));
        Spectrum expected = SpectrumReaders.read(plain).get(0);
        Spectrum got = SpectrumReaders.read(gz).get(0);
        assertEquals("xdi", SpectrumReaders.detect(gz).formatName());
        assertEquals(expected.id(), got.id());
        assertArrayEquals(expected.energyEv(), got.energyEv(), 0.0);
        assertArrayEquals(expected.mu(), got.mu(), 0.0);

        byte[] truncated = SpectrumReadersTest.gzip(Files.readString(plain));
        Path cut = Fixtures.writeBytes(tmp, "cut.xdi.gz", java.util.Arrays.copyOf(truncated, truncated.length - 20));
        SpectrumReadException e = assertThrows(SpectrumReadException.class, () -> SpectrumReaders.read(cut, "xdi"));
        assertTrue(e.getMessage().contains("the gzip stream is corrupt or truncated"), e.getMessage());
    }

    @Test
    void anUnknownFormatNameListsTheFormats() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReadOptions.of("spec", null,
                null, null));
        assertTrue(e.getMessage().contains("unknown format 'spec'; expected one of " + SpectrumReaders.formatNames()),
                e.getMessage());
    }
}

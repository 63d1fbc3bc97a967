/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.Spectrum;
import org.xanesml.io.Xdi;
import org.xanesml.testing.SharedData;

/** {@code xanesml valence}: the edge-position method on measured references and on made edges. */
class ValenceCommandTest {
    @TempDir
    Path dir;

    /** An Fe K-edge scan whose edge (an arctan step) is centred on e0Ev, written as XDI. */
    private Path edge(String name, double e0Ev) throws IOException {
        int n = 0;
        double[] e = new double[900];
        for (double x = 6900; x < 7600 && n < e.length; x += x < 7080 || x > 7200 ? 2.0 : 0.25) {
            e[n++] = x;
        }
        double[] energy = java.util.Arrays.copyOf(e, n);
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = 0.2 - 1e-5 * (energy[i] - 6900) + 0.5 + Math.atan((energy[i] - e0Ev) / 1.5) / Math.PI;
        }
        Spectrum s = Spectrum.builder().id(name).energyEv(energy).mu(mu).absorber(Element.Fe).edge(Edge.K).build();
        Path f = dir.resolve(name + ".xdi");
        Files.writeString(f, Xdi.toText(Xdi.fromSpectrum(s)));
        return f;
    }

    private static Map<String, String[]> rows(Path report) throws IOException {
        List<String> lines = Files.readAllLines(report);
        assertEquals(String.join(",", ValenceCommand.COLUMNS), lines.get(0));
        Map<String, String[]> out = new HashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",", -1);
            out.put(Path.of(c[0]).getFileName().toString(), c);
        }
        return out;
    }

    @Test
    void madeEdgesAreReadOffTheLineThroughTheReferences() throws IOException {
        Path lo = edge("fe2", 7120.0);
        Path hi = edge("fe3", 7124.0);
        Path in = Files.createDirectories(dir.resolve("scans"));
        Files.move(edge("magnetite", 7122.75), in.resolve("magnetite.xdi"));
        Files.move(edge("beyond", 7126.0), in.resolve("beyond.xdi"));
        byte[] before = Files.readAllBytes(in.resolve("magnetite.xdi"));
        Fixtures.Cli cli = new Fixtures.Cli();
        Path report = dir.resolve("out/valence.csv");
        int code = cli.run("valence", "--reference", lo + "=2", "--reference", hi + "=3", "-o", report.toString(),
                in.toString());
        assertEquals(ExitCodes.OK, code, cli.err());
        Map<String, String[]> rows = rows(report);
        String[] m = rows.get("magnetite.xdi");
        assertEquals(7122.75, Double.parseDouble(m[3]), 0.01, "E0 of the arctan edge");
        assertEquals(2.6875, Double.parseDouble(m[4]), 0.005);
        assertEquals("3", m[5]);
        assertEquals("fe2.xdi .. fe3.xdi", m[6]);
        assertEquals("false", m[7]);
        String[] b = rows.get("beyond.xdi");
        assertEquals(3.5, Double.parseDouble(b[4]), 0.02);
        assertEquals("true", b[7]);
        assertTrue(cli.err().contains("2 spectra, 2 estimated (1 beyond the references), 0 failed"), cli.err());
        assertTrue(cli.err().contains("bracket such spectra with references"), cli.err());
        assertArrayEquals(before, Files.readAllBytes(in.resolve("magnetite.xdi")), "inputs are only read");
    }

    @Test
    void aBadFileIsReportedAndTheRestEstimated() throws IOException {
        Path lo = edge("fe2", 7120.0);
        Path hi = edge("fe3", 7124.0);
        Path in = Files.createDirectories(dir.resolve("scans"));
        Files.move(edge("good", 7121.0), in.resolve("good.xdi"));
        Files.writeString(in.resolve("broken.xdi"), "# XDI/1.0\n# Column.1: energy eV\n# Column.2: mutrans\n#----\n"
                + "7000 0.1\n7001 oops\n");
        Fixtures.Cli cli = new Fixtures.Cli();
        Path report = dir.resolve("valence.csv");
        int code = cli.run("valence", "--reference", lo + "=2", "--reference", hi + "=3", "-o", report.toString(),
                in.toString());
        assertEquals(ExitCodes.PARTIAL, code, cli.err());
        Map<String, String[]> rows = rows(report);
        assertEquals("OK", rows.get("good.xdi")[8]);
        assertEquals(2.25, Double.parseDouble(rows.get("good.xdi")[4]), 0.02);
        assertEquals("FAILED", rows.get("broken.xdi")[8]);
        assertFalse(rows.get("broken.xdi")[9].isEmpty(), "the failure says why");
        assertTrue(cli.err().contains("failed: " + in.resolve("broken.xdi")), cli.err());
    }

    @Test
    void referencesThatCannotMakeALineAreRefusedWithTheReason() throws IOException {
        Path a = edge("a", 7120.0);
        Path b = edge("b", 7118.0);
        Path scan = edge("scan", 7121.0);
        Path report = dir.resolve("v.csv");

        Fixtures.Cli oneState = new Fixtures.Cli();
        assertEquals(ExitCodes.FAILURE, oneState.run("valence", "--reference", a + "=2", "--reference", b + "=2",
                "-o", report.toString(), scan.toString()));
        assertTrue(oneState.err().contains("at least two oxidation states; got a.xdi (2), b.xdi (2)"),
                oneState.err());

        Fixtures.Cli reversed = new Fixtures.Cli();
        assertEquals(ExitCodes.FAILURE, reversed.run("valence", "--reference", a + "=2", "--reference", b + "=3",
                "-o", report.toString(), scan.toString()));
        assertTrue(reversed.err().contains("do not rise with the oxidation state: b.xdi (state 3) has E0 7118"),
                reversed.err());
        assertFalse(Files.exists(report), "nothing is written when the line cannot be made");

        Fixtures.Cli syntax = new Fixtures.Cli();
        assertEquals(ExitCodes.USAGE, syntax.run("valence", "--reference", a.toString(), "--reference", b + "=3",
                "-o", report.toString(), scan.toString()));
        assertTrue(syntax.err().contains("expected FILE=STATE"), syntax.err());

        Fixtures.Cli notANumber = new Fixtures.Cli();
        assertEquals(ExitCodes.USAGE, notANumber.run("valence", "--reference", a + "=II", "--reference", b + "=3",
                "-o", report.toString(), scan.toString()));
        assertTrue(notANumber.err().contains("the oxidation state 'II' is not a number"), notANumber.err());

        Fixtures.Cli missing = new Fixtures.Cli();
        assertEquals(ExitCodes.USAGE, missing.run("valence", "--reference", dir.resolve("nope.xdi") + "=2",
                "--reference", b + "=3", "-o", report.toString(), scan.toString()));
        assertTrue(missing.err().contains("nope.xdi is not a file"), missing.err());

        Fixtures.Cli fixed = new Fixtures.Cli();
        assertEquals(ExitCodes.USAGE, fixed.run("valence", "--e0", "7120", "--reference", a + "=2", "--reference",
                b + "=3", "-o", report.toString(), scan.toString()));
        assertTrue(fixed.err().contains("give auto or file, not a fixed energy"), fixed.err());
    }

    @Test
    void theReportNeverReplacesAnInputOrAReference() throws IOException {
        Path lo = edge("fe2", 7120.0);
        Path hi = edge("fe3", 7124.0);
        Path scan = edge("scan", 7121.0);
        byte[] before = Files.readAllBytes(hi);
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.FAILURE, cli.run("valence", "--reference", lo + "=2", "--reference", hi + "=3", "-o",
                hi.toString(), scan.toString()));
        assertTrue(cli.err().contains("would replace that input"), cli.err());
        assertArrayEquals(before, Files.readAllBytes(hi));
    }

    @Test
    void aSpectrumOfAnotherElementIsNotReadOffTheReferencesLine() throws IOException {
        Path d = SharedData.require("data/experimental/larch-examples/athena_extracted/athena4__001_cu_tenorite.001.txt")
                .getParent();
        Path fe = edge("fe-scan", 7121.0);
        Fixtures.Cli cli = new Fixtures.Cli();
        Path report = dir.resolve("mixed.csv");
        int code = cli.run("valence", "--reference", d.resolve("athena4__009_CuXAFS_cuprite.001.txt") + "=1",
                "--reference", d.resolve("athena4__001_cu_tenorite.001.txt") + "=2", "-o", report.toString(),
                fe.toString(), d.resolve("athena4__005_cu2s_cu_xafs.001.txt").toString());
        assertEquals(ExitCodes.PARTIAL, code, cli.err());
        Map<String, String[]> rows = rows(report);
        assertEquals("FAILED", rows.get("fe-scan.xdi")[8]);
        assertTrue(rows.get("fe-scan.xdi")[9].startsWith("a Fe K spectrum; the references are Cu K"),
                rows.get("fe-scan.xdi")[9]);
        assertEquals("OK", rows.get("athena4__005_cu2s_cu_xafs.001.txt")[8]);

        Fixtures.Cli mixedRefs = new Fixtures.Cli();
        assertEquals(ExitCodes.FAILURE, mixedRefs.run("valence", "--reference", fe + "=2", "--reference",
                d.resolve("athena4__001_cu_tenorite.001.txt") + "=3", "-o", dir.resolve("no.csv").toString(),
                fe.toString()));
        assertTrue(mixedRefs.err().contains("the references are of different edges: fe-scan.xdi (Fe K),"
                + " athena4__001_cu_tenorite.001.txt (Cu K)"), mixedRefs.err());
    }

    /** The measured Cu references of the athena project: Cu(I) and Cu(II) compounds of one calibration. */
    @Test
    void measuredCopperCompoundsAgainstCupriteAndTenorite() throws IOException {
        Path d = SharedData.require("data/experimental/larch-examples/athena_extracted/athena4__001_cu_tenorite.001.txt")
                .getParent();
        Fixtures.Cli cli = new Fixtures.Cli();
        Path report = dir.resolve("cu.csv");
        int code = cli.run("valence", "--reference", d.resolve("athena4__009_CuXAFS_cuprite.001.txt") + "=1",
                "--reference", d.resolve("athena4__001_cu_tenorite.001.txt") + "=2", "-o", report.toString(),
                d.resolve("athena4__003_cu_azurite.001.txt").toString(),
                d.resolve("athena4__006_cusulfate_cu_xafs.001.txt").toString(),
                d.resolve("athena4__007_cucl2_5h2o_cu_xafs.001.txt").toString(),
                d.resolve("athena4__005_cu2s_cu_xafs.001.txt").toString());
        assertEquals(ExitCodes.OK, code, cli.err());
        Map<String, String[]> rows = rows(report);
        // nearest state: 2, 2, 2, 1 (models README: the edge-position method on these files)
        assertEquals("2", rows.get("athena4__003_cu_azurite.001.txt")[5]);
        assertEquals("2", rows.get("athena4__006_cusulfate_cu_xafs.001.txt")[5]);
        assertEquals("2", rows.get("athena4__007_cucl2_5h2o_cu_xafs.001.txt")[5]);
        assertEquals("1", rows.get("athena4__005_cu2s_cu_xafs.001.txt")[5]);
        assertEquals(1.75, Double.parseDouble(rows.get("athena4__006_cusulfate_cu_xafs.001.txt")[4]), 0.02);
        assertEquals("true", rows.get("athena4__003_cu_azurite.001.txt")[7], "azurite's edge is above tenorite's");
    }
}

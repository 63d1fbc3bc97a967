/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.testing.SharedData;

/**
 * Issue 17 item 1 on the command line: which files are inputs ({@code --include/--exclude}, non-spectra skipped and
 * listed, every readable format found in folders) and how they are read ({@code --input-format}, {@code --mu},
 * {@code --energy-column}, {@code --non-finite}, gzipped text).
 */
class InputSelectionTest {
    private static final String NORM_HEADER = "# Processing.e0_eV:";

    @Test
    void aDataFolderWithNotesAndReportsNormalisesEverySpectrumAndListsTheRest(@TempDir Path dir) throws Exception {
        Path scans = Files.createDirectory(dir.resolve("scans"));
        Files.copy(Fixtures.cu(), scans.resolve("cu_metal_rt.xdi"));
        Files.writeString(scans.resolve("README.txt"), "Beamtime 2026-11: Cu foil and oxides, see logbook p. 12.\n");
        Files.writeString(scans.resolve("summary.csv"), "sample,operator,comment\ncu foil,AB,fine\nCuO,AB,ok\n");
        // a CSV and a JSON spectrum, as other tools write them: one Cu K-edge scan each, made from the XDI
        List<double[]> points = points(Fixtures.cu());
        StringBuilder csv = new StringBuilder("energy,mu\n");
        StringBuilder x = new StringBuilder();
        StringBuilder y = new StringBuilder();
        for (double[] p : points) {
            csv.append(p[0]).append(',').append(p[1]).append('\n');
            x.append(x.length() == 0 ? "" : ",").append(p[0]);
            y.append(y.length() == 0 ? "" : ",").append(p[1]);
        }
        Files.writeString(scans.resolve("cu_export.csv"), csv);
        Files.writeString(scans.resolve("cu_doc.json"), "{\"absorbing_element\": \"Cu\", \"edge\": \"K\", \"x\": [" + x
                + "], \"y\": [" + y + "]}");
        Files.write(scans.resolve("cu_gz.xdi.gz"), gzip(Files.readAllBytes(Fixtures.cu())));

        Path out = dir.resolve("out");
        Fixtures.Cli cli = new Fixtures.Cli();
        // without -q: the skipped files are a note (-q prints errors only)
        assertEquals(ExitCodes.OK, cli.run("normalize", "-o", out.toString(), scans.toString()), cli.err());
        assertTrue(cli.err().contains("skipped 2 file(s) that no reader recognises as a spectrum (name a format with"
                + " --input-format if they are one): " + scans.resolve("README.txt") + ", "
                + scans.resolve("summary.csv")), cli.err());
        assertEquals(List.of("cu_doc.xdi", "cu_export.xdi", "cu_gz.xdi", "cu_metal_rt.xdi", "normalize-report.csv"),
                Fixtures.names(out));
        // the same edge from each copy of the scan
        String e0 = e0(out.resolve("cu_metal_rt.xdi"));
        assertEquals(e0, e0(out.resolve("cu_gz.xdi")));
        assertEquals(Double.parseDouble(e0), Double.parseDouble(e0(out.resolve("cu_export.xdi"))), 1e-3);

        Path picked = dir.resolve("picked");
        Fixtures.Cli sel = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, sel.run("normalize", "--include", "*.xdi*", "--include", "*.json",
                "--exclude", "*_gz*", "-o", picked.toString(), scans.toString()), sel.err());
        assertEquals(List.of("cu_doc.xdi", "cu_metal_rt.xdi", "normalize-report.csv"), Fixtures.names(picked));
        assertTrue(sel.err().contains("4 file(s) left out by --include/--exclude"), sel.err());
    }

    @Test
    void theMuExpressionAndEnergyColumnReachTheReadStep(@TempDir Path dir) throws Exception {
        Path fe = SharedData.require("data/experimental/larch-examples/xafsdata/fe_xanes_8ch.xdi");
        // This scan ends at 7108.6 eV, before the Fe K edge: no column choice gives it an edge. Summed over the 8
        // fluorescence channels it fails as Larch's golden case does (find_e0 = 7103.59913 eV, in the noise);
        // the reader's own choice (transmission, ln(I0/IT)) puts E0 elsewhere.
        Fixtures.Cli sum = new Fixtures.Cli();
        assertEquals(ExitCodes.FAILURE, sum.run("normalize", "-q", "--mu", "sum(Fe_Ka_mca*)/I0", "-o",
                dir.resolve("sum").toString(), fe.toString()));
        assertTrue(sum.err().contains("no absorption edge") && sum.err().contains("e0 7103.59913 eV"), sum.err());
        Fixtures.Cli auto = new Fixtures.Cli();
        assertEquals(ExitCodes.FAILURE, auto.run("normalize", "-q", "-o", dir.resolve("auto").toString(),
                fe.toString()));
        assertTrue(auto.err().contains("no absorption edge") && !auto.err().contains("e0 7103.59913 eV"),
                auto.err());

        // On a scan with an edge: mu as ln(i0/itrans) and energy by name, recorded in the written file
        Path out = dir.resolve("cu");
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, cli.run("normalize", "-q", "--energy-column", "energy", "--mu", "ln(i0/itrans)",
                "-o", out.toString(), Fixtures.cu().toString()), cli.err());
        String written = Files.readString(out.resolve("cu_metal_rt.xdi"));
        assertTrue(written.contains("# Processing.mu_expression: ln(i0/itrans)\n"), written.substring(0, 2000));
        assertTrue(Math.abs(Double.parseDouble(e0(out.resolve("cu_metal_rt.xdi"))) - 8979) < 10, written);

        Fixtures.Cli bad = new Fixtures.Cli();
        assertEquals(ExitCodes.FAILURE, bad.run("normalize", "-q", "--mu", "sum(Fe_Ka_mca*/I0", "-o",
                dir.resolve("bad").toString(), fe.toString()));
        assertTrue(bad.err().contains("normalize: mu expression 'sum(Fe_Ka_mca*/I0', at character 15: expected ')'"),
                bad.err());
    }

    @Test
    void aNanCellDropsOnePointWithAWarningOrRefusesTheFileOnRequest(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(Fixtures.cu());
        int row = lines.size() - 40;
        String[] cells = lines.get(row).strip().split("\\s+");
        cells[3] = "nan"; // mutrans, the column the reader takes mu from
        lines.set(row, "  " + String.join("  ", cells));
        Path f = Files.write(dir.resolve("cu_nan.xdi"), lines);

        Path out = dir.resolve("out");
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, cli.run("normalize", "-q", "-o", out.toString(), f.toString()), cli.err());
        String written = Files.readString(out.resolve("cu_nan.xdi"));
        assertTrue(written.contains("1 point with a non-finite energy or mu left out (line " + (row + 1) + ")"),
                written.substring(0, 3000));
        assertTrue(Files.readString(out.resolve("normalize-report.csv")).contains("non-finite"));

        Fixtures.Cli strict = new Fixtures.Cli();
        assertEquals(ExitCodes.FAILURE, strict.run("normalize", "-q", "--non-finite", "fail", "-o",
                dir.resolve("strict").toString(), f.toString()), strict.err());
        assertTrue(strict.err().contains(f + ":" + (row + 1) + ":"), strict.err());
    }

    @Test
    void aFormatDetectionCannotSeeIsNamedWithInputFormat(@TempDir Path dir) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            text.append("# scan note ").append(i).append('\n');
        }
        for (double[] p : points(Fixtures.cu())) {
            text.append(p[0]).append(' ').append(p[1]).append('\n');
        }
        Path f = Files.writeString(dir.resolve("long_header.dat"), text);
        Fixtures.Cli detect = new Fixtures.Cli();
        assertEquals(ExitCodes.FAILURE, detect.run("normalize", "-q", "-o", dir.resolve("a").toString(),
                f.toString()));
        assertTrue(detect.err().contains("content not recognised") && detect.err().contains("--input-format NAME"),
                detect.err());
        Fixtures.Cli named = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, named.run("normalize", "-q", "--input-format", "columns", "-o",
                dir.resolve("b").toString(), f.toString()), named.err());
        Fixtures.Cli unknown = new Fixtures.Cli();
        assertEquals(ExitCodes.FAILURE, unknown.run("normalize", "-q", "--input-format", "spec", "-o",
                dir.resolve("c").toString(), f.toString()));
        assertTrue(unknown.err().contains("unknown format 'spec'; expected one of [xdi,"), unknown.err());
    }

    @Test
    void watchSkipsWhatIsNotASpectrumAndWhatTheGlobsLeaveOut(@TempDir Path dir) throws Exception {
        Path model = Fixtures.model(dir, "watch");
        Path data = Fixtures.data(dir, 2);
        Path folder = Files.createDirectory(dir.resolve("beamtime"));
        Path report = dir.resolve("report.csv");
        Files.writeString(folder.resolve("README.txt"), "Fe series, sample changer slots 1-8.\n");
        Files.copy(data.resolve("synthetic_0000.xdi"), folder.resolve("scan_001.xdi"));
        Files.copy(data.resolve("synthetic_0001.xdi"), folder.resolve("ref_001.xdi"));
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, cli.run("watch", "-m", model.toString(), "--poll-ms", "100", "--stable-polls", "2",
                "--threads", "1", "--exclude", "ref_*", "-o", report.toString(), "--timeout", "4", folder.toString()),
                cli.err());
        List<String> rows = Files.readAllLines(report);
        assertEquals(2, rows.size(), String.join("\n", rows));
        assertTrue(rows.get(1).contains("scan_001.xdi") && !rows.get(1).contains("FAILED"), rows.get(1));
        assertTrue(cli.err().contains("watch: skipped " + folder.resolve("README.txt") + ": no reader recognises it"
                + " as a spectrum"), cli.err());
    }

    @Test
    void classifyAndWatchShareTheOptions() {
        for (String command : List.of("classify", "normalize", "watch")) {
            var spec = new Fixtures.Cli().cl.getSubcommands().get(command).getCommandSpec();
            for (String option : List.of("--include", "--exclude", "--input-format", "--energy-column", "--mu",
                    "--non-finite")) {
                assertTrue(spec.findOption(option) != null, command + " " + option);
            }
        }
    }

    private static String e0(Path normalised) throws Exception {
        String line = Files.readString(normalised).lines().filter(l -> l.startsWith(NORM_HEADER)).findFirst()
                .orElseThrow();
        return line.substring(NORM_HEADER.length()).strip();
    }

    /** @return energy and mutrans (column 4) of the rows of an XDI file such as cu_metal_rt.xdi, from its text */
    private static List<double[]> points(Path xdi) throws Exception {
        return Files.readAllLines(xdi).stream().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> {
            String[] c = l.strip().split("\\s+");
            return new double[] {Double.parseDouble(c[0]), Double.parseDouble(c[3])};
        }).toList();
    }

    private static byte[] gzip(byte[] content) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content);
        }
        return bytes.toByteArray();
    }
}

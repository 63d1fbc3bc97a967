/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.classify.LabelTable;
import org.xanesml.testing.SharedData;

/**
 * Issue 15 item 4 on the command line: {@code classify} and {@code watch} without {@code -m} apply every shipped
 * model for each spectrum's element and edge, {@code -m} may be repeated, a spectrum no model covers is a NO_MODEL
 * row and not a failure, and an interrupted multi-model run resumes to the report an uninterrupted one writes.
 */
class MultiModelCommandsTest {
    private static final String LIBRARY = "data/experimental/XASDataLibrary/data/";

    /** Two Cu, two Fe and one Mn spectrum. */
    private static Path mixed(Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("scans"));
        for (String f : List.of("Cu/CuO_tenorite_13K_01.xdi", "Cu/Cu2S_13K_01.xdi", "Fe/Fe2O3_rt_01.xdi",
                "Fe/FeO_rt_01.xdi", "Mn/Mn2O3_rt_01.xdi")) {
            Path from = SharedData.require(LIBRARY + f);
            Files.copy(from, data.resolve(from.getFileName()));
        }
        return data;
    }

    /** @return the report's rows as cells, the header first */
    private static List<List<String>> table(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().map(LabelTable::split).toList();
    }

    private static List<String> row(List<List<String>> table, String fileName) {
        return table.stream().filter(r -> r.get(0).endsWith(fileName)).findFirst().orElseThrow(() ->
                new AssertionError(fileName + " not in " + table));
    }

    @Test
    void classifyWithoutModelsAnswersEachElementWithItsModelsAndAnUncoveredOneWithNoModel(@TempDir Path dir)
            throws Exception {
        Path data = mixed(dir);
        Path report = dir.resolve("report.csv");
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, cli.run("classify", "-o", report.toString(), data.toString()), cli.err());
        assertTrue(cli.err().contains("1 without a model"), cli.err());
        List<List<String>> t = table(report);
        List<String> h = t.get(0);
        assertEquals(6, t.size());
        List<String> cu = row(t, "CuO_tenorite_13K_01.xdi");
        assertEquals(List.of("cu-k-cn", "cu-k-geometry", "cu-k-oxidation"), List.of(cu.get(h.indexOf("cn_model")),
                cu.get(h.indexOf("geometry_model")), cu.get(h.indexOf("oxidation_model"))));
        List<String> fe = row(t, "FeO_rt_01.xdi");
        assertEquals(List.of("fe-k-cn", "fe-k-geometry", "fe-k-oxidation"), List.of(fe.get(h.indexOf("cn_model")),
                fe.get(h.indexOf("geometry_model")), fe.get(h.indexOf("oxidation_model"))));
        for (List<String> r : List.of(cu, fe)) {
            String answered = r.get(h.indexOf("oxidation"));
            String estimate = r.get(h.indexOf("oxidation_estimate"));
            assertEquals(answered.isEmpty(), estimate.isEmpty(), "an oxidation answer has its estimate: " + r);
        }
        List<String> mn = row(t, "Mn2O3_rt_01.xdi");
        assertEquals("NO_MODEL", mn.get(h.indexOf("status")));
        assertTrue(mn.get(h.indexOf("warnings")).startsWith("no model for Mn K"), mn.toString());
        assertEquals("", mn.get(h.indexOf("cn_model")));
    }

    @Test
    void repeatedModelOptionsEachAnswerTheSpectraOfTheirElement(@TempDir Path dir) throws Exception {
        Path data = mixed(dir);
        Fixtures.Cli cli = new Fixtures.Cli();
        Path report = dir.resolve("two.csv");
        assertEquals(ExitCodes.OK, cli.run("classify", "-q", "-m", "cu-k-cn", "-m", "fe-k-geometry", "-o",
                report.toString(), data.toString()), cli.err());
        List<List<String>> t = table(report);
        List<String> h = t.get(0);
        assertTrue(h.contains("cn_model") && h.contains("geometry_model") && !h.contains("oxidation_model"),
                h.toString());
        List<String> cu = row(t, "Cu2S_13K_01.xdi");
        assertEquals(List.of("cu-k-cn", ""), List.of(cu.get(h.indexOf("cn_model")),
                cu.get(h.indexOf("geometry_model"))));
        List<String> fe = row(t, "Fe2O3_rt_01.xdi");
        assertEquals(List.of("", "fe-k-geometry"), List.of(fe.get(h.indexOf("cn_model")),
                fe.get(h.indexOf("geometry_model"))));
    }

    @Test
    void anInterruptedMultiModelRunResumesToTheUninterruptedReport(@TempDir Path dir) throws Exception {
        Path data = mixed(dir);
        Path whole = dir.resolve("whole.csv");
        Fixtures.Cli once = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, once.run("classify", "-q", "--threads", "1", "-o", whole.toString(),
                data.toString()), once.err());

        Path report = dir.resolve("report.csv");
        Fixtures.Cli killed = new Fixtures.Cli();
        killed.classify().files = Fixtures.diskFull(0, Integer.MAX_VALUE);
        assertEquals(ExitCodes.FAILURE, killed.run("classify", "-q", "--threads", "1", "-o", report.toString(),
                data.toString()), killed.err());
        Path journal = Journal.pathFor(report);
        List<String> lines = Files.readAllLines(journal);
        assertEquals(6, lines.size(), "identity and header, then one line per spectrum");
        // killed after three inputs, in the middle of writing the fourth line
        Files.writeString(journal, String.join("\n", lines.subList(0, 4)) + "\n" + lines.get(4).substring(0, 20));

        Fixtures.Cli resumed = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, resumed.run("classify", "--threads", "1", "--resume", "-o",
                report.toString(), data.toString()), resumed.err());
        assertTrue(resumed.err().contains("resuming, 3 input(s) already done"), resumed.err());
        List<String> expected = Files.readAllLines(whole);
        assertEquals(expected, Files.readAllLines(report));
        assertFalse(Files.exists(journal));
    }

    @Test
    void theNormalisationSummaryHasNoClassifierColumns(@TempDir Path dir) throws Exception {
        Path data = mixed(dir);
        Path out = dir.resolve("normalised");
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, cli.run("normalize", "-q", "-o", out.toString(), data.toString()), cli.err());
        assertEquals("source,id,element,edge,status,e0_eV,edge_step,warnings,error,energy",
                Files.readAllLines(out.resolve("normalize-report.csv")).get(0));
    }

    @Test
    void namedModelsForNoSpectrumFailWithTheReason(@TempDir Path dir) throws Exception {
        Path mn = Files.createDirectories(dir.resolve("mn"));
        Files.copy(SharedData.require(LIBRARY + "Mn/Mn2O3_rt_01.xdi"), mn.resolve("mn.xdi"));
        Fixtures.Cli named = new Fixtures.Cli();
        assertEquals(ExitCodes.FAILURE, named.run("classify", "-q", "-m", "cu-k-cn", mn.toString()));
        assertTrue(named.err().contains("no model for Mn K (models: cu-k-cn)"), named.err());
        // without -m, "no shipped model knows Mn" is an answer about the data, not a failure
        Fixtures.Cli all = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, all.run("classify", "-q", mn.toString()), all.err());
    }

    @Test
    void watchWithoutModelsShowsEveryAnswerAndNoModel(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("beamtime"));
        Files.copy(SharedData.require(LIBRARY + "Cu/CuO_tenorite_13K_01.xdi"), folder.resolve("cu.xdi"));
        Files.copy(SharedData.require(LIBRARY + "Mn/Mn2O3_rt_01.xdi"), folder.resolve("mn.xdi"));
        Path report = dir.resolve("watch.csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = XanesmlCommand.run(new String[] {"watch", "--poll-ms", "100", "--stable-polls", "2", "--threads",
            "1", "-o", report.toString(), "--max-files", "2", "--timeout", "60", folder.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(ExitCodes.OK, code, out + "\n" + err);
        assertTrue(err.toString().contains("cu-k-cn, cu-k-geometry, fe-k-cn"), err.toString());
        String console = out.toString();
        assertTrue(console.lines().anyMatch(l -> l.contains("cn ") && l.contains("geometry ")
                && l.contains("oxidation ")), console);
        assertTrue(console.contains("no model for Mn K"), console);
        List<List<String>> t = table(report);
        List<String> h = t.get(0);
        assertEquals("cu-k-oxidation", row(t, "cu.xdi").get(h.indexOf("oxidation_model")));
        assertEquals("NO_MODEL", row(t, "mn.xdi").get(h.indexOf("status")));
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.classify.LabelTable;
import org.xanesml.core.Spectrum;
import org.xanesml.testing.SharedData;
import org.xanesml.workflow.report.Report;
import org.xanesml.workflow.report.ReportFormat;
import org.xanesml.workflow.report.ReportRow;
import org.xanesml.workflow.report.ReportWriters;

/**
 * Issue 15 items 4 and 17: every model at once. A folder of Cu, Fe and Mn spectra through one classify step gets the
 * Cu models on the Cu spectra, the Fe models on the Fe spectra and "no model for Mn K" on the Mn spectrum; every
 * report format carries every answer; the CSV has one group of columns per task and no repeated text.
 */
class MultiModelClassifyTest {
    private static final String LIBRARY = "data/experimental/XASDataLibrary/data/";

    private final PipelineRunner runner = new PipelineRunner(StepCatalog.builtIn());

    /** Cu, Fe and Mn spectra; the Cu one twice under one name in two folders. */
    private static List<Path> mixed(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String sub : List.of("a", "b")) {
            Files.createDirectories(dir.resolve(sub));
            files.add(Files.copy(SharedData.require(LIBRARY + "Cu/CuO_tenorite_13K_01.xdi"),
                    dir.resolve(sub).resolve("scan.xdi")));
        }
        files.add(Files.copy(SharedData.require(LIBRARY + "Fe/Fe2O3_rt_01.xdi"), dir.resolve("fe2o3.xdi")));
        files.add(Files.copy(SharedData.require(LIBRARY + "Mn/Mn2O3_rt_01.xdi"), dir.resolve("mn2o3.xdi")));
        return files;
    }

    private static List<String> models(ReportRow r) {
        return r.answers().stream().map(ReportRow.Answer::model).toList();
    }

    @Test
    void withoutModelsEverySpectrumGetsTheShippedModelsOfItsElementAndAnUncoveredOneNoModel(@TempDir Path dir)
            throws Exception {
        Report report = runner.run(StepCatalog.classification(List.of()), mixed(dir),
                PipelineRunner.Options.threads(2)).report();
        List<ReportRow> rows = report.rows();
        assertEquals(4, rows.size(), rows.toString());
        for (int i : new int[] {0, 1}) {
            assertEquals(List.of("cu-k-cn", "cu-k-geometry", "cu-k-oxidation"), models(rows.get(i)));
            assertEquals(List.of("COORDINATION_NUMBER", "GEOMETRY", "OXIDATION_STATE"),
                    rows.get(i).answers().stream().map(ReportRow.Answer::task).toList());
        }
        assertEquals(List.of("fe-k-cn", "fe-k-geometry", "fe-k-oxidation"), models(rows.get(2)));
        for (ReportRow r : rows.subList(0, 3)) {
            assertTrue(r.status() == ReportRow.Status.OK || r.status() == ReportRow.Status.NOT_APPLICABLE,
                    r.toString());
            ReportRow.Answer ox = r.answer("OXIDATION_STATE").orElseThrow();
            if (!ox.predicted().isEmpty()) {
                // the continuous estimate lies between the classes it is the expectation over
                double lo = ox.classes().stream().mapToDouble(Double::parseDouble).min().orElseThrow();
                double hi = ox.classes().stream().mapToDouble(Double::parseDouble).max().orElseThrow();
                assertTrue(ox.oxidationMean() >= lo && ox.oxidationMean() <= hi, ox.toString());
            }
            assertTrue(r.answers().stream().allMatch(a -> a.inDomain() == a.reason().isEmpty()), r.toString());
        }
        ReportRow mn = rows.get(3);
        assertEquals(ReportRow.Status.NO_MODEL, mn.status());
        assertEquals(List.of(), mn.answers());
        assertTrue(mn.warnings().stream().anyMatch(w -> w.startsWith("no model for Mn K")), mn.warnings().toString());
        assertEquals("1", report.info().get("no model"), report.info().toString());
        assertEquals("0", report.info().get("failed"));
    }

    @Test
    void namedModelsAnswerOnlyTheSpectraOfTheirElement(@TempDir Path dir) throws Exception {
        List<ReportRow> rows = runner.run(StepCatalog.classification(List.of("fe-k-cn", "cu-k-cn", "cu-k-geometry")),
                mixed(dir), PipelineRunner.Options.threads(1)).report().rows();
        assertEquals(List.of("cu-k-cn", "cu-k-geometry"), models(rows.get(0)));
        assertEquals(List.of("fe-k-cn"), models(rows.get(2)));
        assertEquals(ReportRow.Status.NO_MODEL, rows.get(3).status());
        assertTrue(rows.get(3).warnings().get(rows.get(3).warnings().size() - 1)
                .equals("no model for Mn K (models: fe-k-cn, cu-k-cn, cu-k-geometry)"), rows.get(3).toString());
    }

    @Test
    void theCsvHasOneGroupPerTaskInAStableOrderAndNoRepeatedColumnsOrText(@TempDir Path dir) throws Exception {
        Report report = runner.run(StepCatalog.classification(List.of()), mixed(dir),
                PipelineRunner.Options.threads(2)).report();
        List<String> lines = csv(report);
        List<String> header = LabelTable.split(lines.get(0));
        assertEquals(List.of("source", "id", "element", "edge", "status", "cn_model", "cn", "cn_p_4", "cn_p_5",
                "cn_p_6", "cn_verdict", "cn_domain_score", "cn_reason", "geometry_model", "geometry"),
                header.subList(0, 15));
        assertTrue(header.containsAll(List.of("oxidation_model", "oxidation", "oxidation_estimate",
                "oxidation_spread")), header.toString());
        assertEquals(List.of("e0_eV", "edge_step", "warnings", "error", "energy"), header.subList(header.size() - 5,
                header.size()));
        assertEquals(header.size(), new HashSet<>(header).size(), "no column twice: " + header);
        assertFalse(header.contains("confidence") || header.contains("reason"), header.toString());
        for (String line : lines.subList(1, lines.size())) {
            List<String> c = LabelTable.split(line);
            String warnings = c.get(header.indexOf("warnings"));
            for (String reasonColumn : List.of("cn_reason", "geometry_reason", "oxidation_reason")) {
                String reason = c.get(header.indexOf(reasonColumn));
                assertTrue(reason.isEmpty() || !warnings.contains(reason), "reason repeated in warnings: " + line);
            }
        }
        // the Fe row's answers are under the same columns as the Cu rows'
        List<String> fe = LabelTable.split(lines.get(3));
        assertEquals("fe-k-geometry", fe.get(header.indexOf("geometry_model")));
        assertEquals(report.rows().get(2).answer("GEOMETRY").orElseThrow().predicted(),
                fe.get(header.indexOf("geometry")));
    }

    @Test
    void aNormalisationSummaryHasNoClassifierColumns(@TempDir Path dir) throws Exception {
        Pipeline normalise = new Pipeline("normalize", "read and normalise", List.of()).then("read", Map.of())
                .then("normalise", Map.of());
        Report report = runner.run(normalise, mixed(dir), PipelineRunner.Options.threads(1)).report();
        assertEquals("source,id,element,edge,status,e0_eV,edge_step,warnings,error,energy", csv(report).get(0));
    }

    @Test
    void xmlAndJsonCarryEveryAnswer(@TempDir Path dir) throws Exception {
        Report report = runner.run(StepCatalog.classification(List.of()), mixed(dir),
                PipelineRunner.Options.threads(2)).report();
        int answers = report.rows().stream().mapToInt(r -> r.answers().size()).sum();
        assertEquals(9, answers);
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        var doc = dbf.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(bytes(report, ReportFormat.XML)));
        var elements = doc.getElementsByTagNameNS("urn:xanesml:workflow:report:1", "answer");
        assertEquals(answers, elements.getLength());
        List<String> xmlModels = new ArrayList<>();
        for (int i = 0; i < elements.getLength(); i++) {
            xmlModels.add(((org.w3c.dom.Element) elements.item(i)).getAttribute("model"));
        }
        assertEquals(report.rows().stream().flatMap(r -> r.answers().stream()).map(ReportRow.Answer::model)
                .toList(), xmlModels);
        var json = com.google.gson.JsonParser.parseString(new String(bytes(report, ReportFormat.JSON),
                StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(3, json.getAsJsonArray("rows").get(2).getAsJsonObject().getAsJsonArray("answers").size());
        assertEquals("fe-k-oxidation", json.getAsJsonArray("rows").get(2).getAsJsonObject()
                .getAsJsonArray("answers").get(2).getAsJsonObject().get("model").getAsString());
    }

    @Test
    void theHtmlTableFitsThePageAndTellsSameNamedFilesApart(@TempDir Path dir) throws Exception {
        Report report = runner.run(StepCatalog.classification(List.of()), mixed(dir),
                PipelineRunner.Options.threads(2)).report();
        String html = new String(bytes(report, ReportFormat.HTML), StandardCharsets.UTF_8);
        // left for people to look at, as the other report examples
        Files.writeString(SharedData.outputDir().resolve("multi-model-report-example.html"), html);
        int at = html.indexOf("<table class=\"results\">");
        assertTrue(at > 0, "results table");
        String table = html.substring(at, html.indexOf("</table>", at));
        assertTrue(html.contains("table.results{width:100%;table-layout:fixed}"), "the table is as wide as the page");
        // one column per task, not one per class and per field: 4 + 3 + 3 here, where the CSV has 38
        Matcher th = Pattern.compile("<th>").matcher(table.substring(0, table.indexOf("</tr>")));
        int columns = 0;
        while (th.find()) {
            columns++;
        }
        assertEquals(10, columns, table.substring(0, table.indexOf("</tr>")));
        assertTrue(table.contains(">a/scan.xdi<") && table.contains(">b/scan.xdi<"), "same-named files apart");
        assertTrue(table.contains("fe-k-oxidation") && table.contains("no model for Mn K"), "every answer shown");
    }

    @Test
    void aSpectrumThatNamesNoElementGetsAModelOnlyWhenThereIsNoChoice() throws Exception {
        Spectrum unnamed = Spectrum.builder().id("x").energyEv(new double[] {1, 2, 3}).mu(new double[] {0, 1, 1})
                .build();
        List<ModelChoice.Candidate> all = new ArrayList<>();
        for (String m : ModelSource.shippedNames()) {
            all.add(new ModelChoice.Candidate(m, ModelSource.load(m)));
        }
        ModelChoice.Selection none = new ModelChoice(all).select(unnamed);
        assertTrue(none.models().isEmpty());
        assertTrue(none.noModel().orElseThrow().contains("does not name its absorbing element"), none.toString());
        ModelChoice.Selection one = new ModelChoice(all.subList(0, 1)).select(unnamed);
        assertEquals(List.of("cu-k-cn"), one.models().stream().map(ModelChoice.Candidate::name).toList());
    }

    private static List<String> csv(Report report) throws IOException {
        return List.of(new String(bytes(report, ReportFormat.CSV), StandardCharsets.UTF_8).split("\n"));
    }

    private static byte[] bytes(Report report, ReportFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriters.write(report, format, out);
        return out.toByteArray();
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.runtime.MultiStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.batch.internal.XanesmlCommand;
import org.xanesml.classify.Prediction;
import org.xanesml.models.PretrainedModels;
import org.xanesml.testing.SharedData;
import org.xanesml.ui.internal.session.AnalysisEntry;
import org.xanesml.ui.internal.session.LoadedModel;
import org.xanesml.ui.internal.session.ModelFiles;
import org.xanesml.ui.internal.session.SpectrumAnalysis;
import org.xanesml.workflow.StepServices;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The workbench and the command line on the same measured Cu spectra give the same numbers, to the last bit: each
 * file read, normalised and classified as XANES > Open does (with the model loaded as the workbench loads it), and by
 * {@code xanesml classify -m <model> -o report.json} (whose JSON keeps every double exactly).
 */
class WorkbenchMatchesCommandLineTest {
    static final String CU = "data/experimental/XASDataLibrary/data/Cu";

    @Test
    void everyMeasuredCuFileGetsTheCommandLinesNumbersInTheWorkbench(@TempDir Path tmp) throws Exception {
        Path folder = SharedData.require(CU);
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".xdi")).sorted().toList();
        }
        assertTrue(files.size() >= 5, "Cu files in " + folder + ": " + files);
        for (String model : List.of(PretrainedModels.CU_CN, PretrainedModels.CU_GEOMETRY)) {
            Map<String, JsonObject> cli = commandLine(model.replace(".zip", ""), files, tmp);
            assertEquals(files.size(), cli.size(), model + ": " + cli.keySet());
            LoadedModel loaded = ModelFiles.load(LoadedModel.SHIPPED_PREFIX + model);
            try (StepServices steps = StepServices.open()) {
                SpectrumAnalysis analysis = new SpectrumAnalysis(steps.catalog(), List.of(loaded));
                for (Path f : files) {
                    MultiStatus problems = Jobs.problems("reading " + f);
                    List<AnalysisEntry> entries = OpenSpectraJob.readOne(f, analysis, problems);
                    assertTrue(problems.isOK(), f + ": " + problems);
                    assertEquals(1, entries.size(), f.toString());
                    sameNumbers(model + ", " + f.getFileName(), cli.get(f.getFileName().toString()), entries.get(0));
                }
            }
        }
    }

    private static void sameNumbers(String what, JsonObject row, AnalysisEntry entry) {
        assertNotNull(row, what + ": no row in the command line's report");
        assertEquals("", row.get("error").getAsString(), what);
        assertEquals(row.get("e0Ev").getAsDouble(), entry.e0Ev(), 0.0, what + ": E0");
        assertEquals(row.get("edgeStep").getAsDouble(), entry.normalization().edgeStep(), 0.0, what + ": edge step");
        Prediction p = entry.bestPrediction().orElseThrow().prediction();
        JsonObject answer = row.getAsJsonArray("answers").get(0).getAsJsonObject();
        assertEquals(answer.get("predicted").getAsString(), p.label(), what + ": class");
        assertEquals(answer.get("verdict").getAsString(), p.applicability().verdict().name(), what + ": verdict");
        JsonObject probabilities = answer.getAsJsonObject("probabilities");
        assertEquals(probabilities.keySet().stream().toList(), p.classes(), what + ": classes");
        double[] got = p.probabilities();
        assertTrue(got.length > 0, what + ": a Cu model gives a Cu spectrum probabilities");
        for (int i = 0; i < got.length; i++) {
            JsonElement expected = probabilities.get(p.classes().get(i));
            assertEquals(expected.getAsDouble(), got[i], 0.0, what + ": p(" + p.classes().get(i) + ")");
        }
        System.out.printf(Locale.ROOT, "%s: E0 %s eV, %s p=%.4f %s, same in both%n", what, row.get("e0Ev"),
                p.label(), p.confidence(), p.applicability().verdict());
    }

    /** @return the rows of {@code xanesml classify -m model -o report.json files...}, by file name */
    private static Map<String, JsonObject> commandLine(String model, List<Path> files, Path tmp) throws Exception {
        Path report = tmp.resolve(model + ".json");
        List<String> args = new ArrayList<>(List.of("classify", "-q", "-m", model, "-o", report.toString()));
        files.forEach(f -> args.add(f.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = XanesmlCommand.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        assertTrue(code == 0 || code == 3, "exit " + code + ": " + err);
        Map<String, JsonObject> rows = new HashMap<>();
        for (JsonElement e : JsonParser.parseString(Files.readString(report)).getAsJsonObject().getAsJsonArray(
                "rows")) {
            JsonObject row = e.getAsJsonObject();
            rows.put(Path.of(row.get("source").getAsString()).getFileName().toString(), row);
        }
        return rows;
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.devtools;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The scikit-learn numbers of one task from {@code golden/sklearn-baseline/results.json}. */
public record SklearnBaseline(String key, double bestAccuracy, String bestAccuracyModel, double bestMacroF1,
        String bestMacroF1Model, double selectedAccuracy, double selectedMacroF1, String selectedModel,
        double selectedTrainSeconds1, double selectedBatchMsPerSpectrum1, double selectedSingleMs1) {

    /** Reads the best test accuracy and macro-F1 over all runs of the task, and the validation-selected run. */
    public static SklearnBaseline read(Path resultsJson, String key) throws IOException {
        JsonObject root;
        try (Reader r = Files.newBufferedReader(resultsJson, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(r).getAsJsonObject();
        }
        String[] dt = key.split("/");
        double bestAcc = -1;
        double bestF1 = -1;
        String accModel = "";
        String f1Model = "";
        for (JsonElement e : root.getAsJsonArray("runs")) {
            JsonObject run = e.getAsJsonObject();
            if (!run.get("dataset").getAsString().equals(dt[0]) || !run.get("task").getAsString().equals(dt[1])) {
                continue;
            }
            JsonObject test = run.getAsJsonObject("metrics").getAsJsonObject("test");
            String name = describe(run);
            double acc = test.get("accuracy").getAsDouble();
            double f1 = test.get("macro_f1").getAsDouble();
            if (acc > bestAcc) {
                bestAcc = acc;
                accModel = name;
            }
            if (f1 > bestF1) {
                bestF1 = f1;
                f1Model = name;
            }
        }
        if (bestAcc < 0) {
            throw new IOException(resultsJson + ": no runs for dataset '" + dt[0] + "' task '" + dt[1] + "'");
        }
        JsonObject sel = root.getAsJsonObject("best").getAsJsonObject(key).getAsJsonObject("best_by_val_macro_f1");
        JsonObject selRun = null;
        for (JsonElement e : root.getAsJsonArray("runs")) {
            JsonObject run = e.getAsJsonObject();
            if (run.get("dataset").getAsString().equals(dt[0]) && run.get("task").getAsString().equals(dt[1])
                    && run.get("grid").getAsString().equals(sel.get("grid").getAsString())
                    && run.get("derivative").getAsBoolean() == sel.get("derivative").getAsBoolean()
                    && run.get("model").getAsString().equals(sel.get("model").getAsString())) {
                selRun = run;
            }
        }
        if (selRun == null) {
            throw new IOException(resultsJson + ": validation-selected run of " + key + " not among the runs");
        }
        JsonObject st = selRun.getAsJsonObject("metrics").getAsJsonObject("test");
        JsonObject t1 = selRun.getAsJsonObject("timing").getAsJsonObject("n_jobs=1");
        return new SklearnBaseline(key, bestAcc, accModel, bestF1, f1Model, st.get("accuracy").getAsDouble(),
                st.get("macro_f1").getAsDouble(), describe(selRun), t1.get("train_s").getAsDouble(),
                t1.get("predict_batch_ms_per_spectrum").getAsDouble(),
                t1.get("predict_single_spectrum_ms_median").getAsDouble());
    }

    private static String describe(JsonObject run) {
        return run.get("model").getAsString() + " " + run.get("grid").getAsString()
                + (run.get("derivative").getAsBoolean() ? "+d" : "");
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.xanesml.classify.internal.WekaData;

import weka.core.Instances;
import weka.core.converters.ArffSaver;

/**
 * Writes a data set's features for use outside xanesml: ARFF for the Weka GUI (with the split as a nominal
 * attribute so the Explorer can filter on it) and CSV (id, group, split, class, features).
 */
public final class DataSetExport {
    private DataSetExport() {
    }

    public static void writeArff(DataSet data, FeatureRecipe recipe, Path file) throws IOException {
        FeatureExtractor fx = new FeatureExtractor(recipe);
        FeatureMatrix all = FeatureMatrix.of(data.examples(), fx);
        Instances inst = WekaData.instances(recipe, data.classes(), all, ClassBalance.NONE, 0);
        inst.setRelationName(data.name().replace(' ', '_') + "_" + data.task());
        weka.core.Attribute split = new weka.core.Attribute("split",
                List.of("train", "val", "test"));
        inst.insertAttributeAt(split, 0);
        for (int i = 0; i < inst.numInstances(); i++) {
            inst.instance(i).setValue(0, data.examples().get(i).role().name().toLowerCase(Locale.ROOT));
        }
        ArffSaver saver = new ArffSaver();
        saver.setInstances(inst);
        saver.setFile(file.toFile());
        saver.writeBatch();
    }

    public static void writeCsv(DataSet data, FeatureRecipe recipe, Path file) throws IOException {
        FeatureExtractor fx = new FeatureExtractor(recipe);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder h = new StringBuilder("id,group,split,class");
            for (int i = 0; i < recipe.featureCount(); i++) {
                h.append(',').append(recipe.featureName(i));
            }
            w.write(h.toString());
            w.newLine();
            for (Example e : data.examples()) {
                StringBuilder sb = new StringBuilder();
                sb.append(csv(e.id())).append(',').append(csv(e.item().group())).append(',')
                        .append(e.role().name().toLowerCase(Locale.ROOT)).append(',')
                        .append(csv(data.classes().get(e.classIndex())));
                for (double v : fx.extract(e.item().spectrum())) {
                    sb.append(',').append(Double.toString(v));
                }
                w.write(sb.toString());
                w.newLine();
            }
        }
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}

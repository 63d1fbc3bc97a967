/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import weka.core.Instances;
import weka.core.converters.ConverterUtils;

class ExportTest {
    @TempDir
    Path tmp;

    @Test
    void arffReadsBackInWekaAndCsvHasOneRowPerSample() throws Exception {
        DataSet ds = Synthetic.dataSet();
        Path arff = tmp.resolve("d.arff");
        DataSetExport.writeArff(ds, Synthetic.recipe(), arff);
        Instances back = new ConverterUtils.DataSource(arff.toString()).getDataSet();
        assertEquals(ds.examples().size(), back.numInstances());
        assertEquals(Synthetic.recipe().featureCount() + 2, back.numAttributes());
        Path csv = tmp.resolve("d.csv");
        DataSetExport.writeCsv(ds, Synthetic.recipe(), csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(ds.examples().size() + 1, lines.size());
        assertTrue(lines.get(0).startsWith("id,group,split,class,mu@"));
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.classify.LabelTable;
import org.xanesml.classify.LabelledSpectrum;
import org.xanesml.classify.ModelBundle;
import org.xanesml.core.Element;

/** Collections as training input: format detection, an XDI folder read as a collection, ids matched to labels. */
class LabelledDataTest {

    @Test
    void detectsTheLayoutFromNamesAndFolders(@TempDir Path dir) throws IOException {
        Path table = Files.writeString(dir.resolve("spectra.csv.gz"), "");
        assertEquals(LabelledData.Format.TABLE, LabelledData.detect(table));
        Path feff = Files.createDirectories(dir.resolve("tree/Cu/mp-1/FEFF-XANES/000_Cu"));
        assertEquals(LabelledData.Format.FEFF, LabelledData.detect(dir.resolve("tree")));
        Files.createDirectories(dir.resolve("preconv/xanes_train"));
        assertEquals(LabelledData.Format.XANESNET, LabelledData.detect(dir.resolve("preconv")));
        Files.createDirectories(dir.resolve("plain"));
        assertEquals(LabelledData.Format.FILES, LabelledData.detect(dir.resolve("plain")));
        assertEquals(LabelledData.Format.FEFF, LabelledData.detect(Files.writeString(dir.resolve("FEFF_Cu.tar.gz"),
                "")));
        IOException e = assertThrows(IOException.class, () -> LabelledData.detect(Files.writeString(
                dir.resolve("stuff.tar.gz"), "")));
        assertTrue(e.getMessage().contains("--data-format"), e.getMessage());
        assertTrue(Files.isDirectory(feff));
    }

    /** The same labelled folder read file by file and as an XDI collection gives the same labelled spectra. */
    @Test
    void anXdiFolderAsCollectionMatchesTheFileByFileRead(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data");
        SyntheticData.write(SyntheticData.generate(40, 5), data);
        LabelTable labels = LabelTable.read(data.resolve("labels.csv"), "geometry");
        Training.Loaded files = LabelledData.load(List.of(data), LabelledData.Format.AUTO, Element.Fe, false, labels,
                2, null);
        Training.Loaded xdi = LabelledData.load(List.of(data), LabelledData.Format.XDI, Element.Fe, false, labels, 2,
                null);
        assertEquals(40, files.items().size());
        assertEquals(40, xdi.items().size());
        for (int i = 0; i < 40; i++) {
            LabelledSpectrum a = files.items().get(i);
            LabelledSpectrum b = xdi.items().get(i);
            assertEquals(a.label(), b.label());
            assertEquals(a.spectrum().metadata(org.xanesml.classify.EnergyReference.E0_KEY),
                    b.spectrum().metadata(org.xanesml.classify.EnergyReference.E0_KEY), a.id());
        }
    }

    /** Issue 17: a spectrum that fails was named by its id alone; its failure names the file or archive too. */
    @Test
    void aFailedSpectrumOfACollectionNamesItsFolderOrArchive(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data");
        SyntheticData.write(SyntheticData.generate(12, 3), data);
        StringBuilder tiny = new StringBuilder("# XDI/1.0\n# Element.symbol: Fe\n# Element.edge: K\n"
                + "# Column.1: energy eV\n# Column.2: mutrans\n#----\n# energy mutrans\n");
        for (int i = 0; i < 6; i++) {
            tiny.append(7100 + 5 * i).append(' ').append(0.1 * i).append('\n');
        }
        Files.writeString(data.resolve("tiny.xdi"), tiny);
        Files.writeString(data.resolve("labels.csv"), "tiny,octahedral,2,6\n", java.nio.file.StandardOpenOption.APPEND);
        Training.Loaded loaded = LabelledData.load(List.of(data), LabelledData.Format.XDI, Element.Fe, false,
                LabelTable.read(data.resolve("labels.csv"), "geometry"), 2, null);
        assertEquals(12, loaded.items().size());
        List<org.xanesml.workflow.report.ReportRow> failed = loaded.report().rows();
        assertEquals(1, failed.size(), failed.toString());
        String error = failed.get(0).error();
        assertTrue(error.startsWith(data + " (tiny): "), error);
        assertTrue(failed.get(0).source().equals(data + " (tiny)"), failed.get(0).source());
    }

    @Test
    void trainsFromAnXdiCollectionWithAGroupedSplit(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        SyntheticData.write(SyntheticData.generate(120, 9), data);
        Path model = dir.resolve("m.zip");
        StringWriter err = new StringWriter();
        int code = XanesmlCommand.run(new String[] {"train", "-q", "--threads", "2", "--data", data.toString(),
                "--data-format", "XDI", "--labels", data.resolve("labels.csv").toString(), "--task", "GEOMETRY",
                "--element", "Fe", "--learner", "J48", "--val-fraction", "0.2", "--test-fraction", "0.2", "-o",
                model.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(ExitCodes.OK, code, err.toString());
        ModelBundle b = ModelBundle.read(model);
        assertEquals(120, b.descriptor().training.trainSize + b.descriptor().training.valSize
                + b.descriptor().training.testSize);
        assertTrue(b.descriptor().training.rebuildCommand.contains("--data-format XDI"),
                b.descriptor().training.rebuildCommand);
    }

    /** A grid relative to a reference energy the spectra do not carry is a clear failure, not a stack trace. */
    @Test
    void aMissingReferenceEnergyIsAClearFailure(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        SyntheticData.write(SyntheticData.generate(60, 4), data);
        StringWriter err = new StringWriter();
        int code = XanesmlCommand.run(new String[] {"train", "-q", "--data", data.toString(), "--labels",
                data.resolve("labels.csv").toString(), "--task", "GEOMETRY", "--element", "Fe", "--learner", "J48",
                "--reference", "FEFF_FERMI_LEVEL", "--grid", "-5:40:1", "-o", dir.resolve("m.zip").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(ExitCodes.FAILURE, code, err.toString());
        assertTrue(err.toString().contains("train: synthetic_0000: the model's grid is relative to FEFF_FERMI_LEVEL"),
                err.toString());
        assertTrue(Files.notExists(dir.resolve("m.zip")));
    }
}

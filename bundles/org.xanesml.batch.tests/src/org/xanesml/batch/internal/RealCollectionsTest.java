/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.classify.ModelBundle;
import org.xanesml.classify.ModelDescriptor;
import org.xanesml.testing.SharedData;

/**
 * train and evaluate on the real shared collections: the OmniXAS Cu table and FEFF archive, the XANESNET Fe table and
 * preconv archive, with the shared labels tables (column choice, row filters) and the golden split files.
 */
class RealCollectionsTest {
    private static final Pattern SUMMARY = Pattern.compile("n (\\d+), accuracy ([0-9.]+), balanced accuracy ([0-9.]+),"
            + " macro-F1 ([0-9.]+)");

    private record Outcome(int code, String out, String err) {
        double[] summary() {
            Matcher m = SUMMARY.matcher(out);
            assertTrue(m.find(), out + err);
            return new double[] {Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))};
        }
    }

    private static Outcome run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = XanesmlCommand.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    /** The shipped Fe CN model scores exactly its recorded test metrics on the raw shared table and on the archive. */
    @Test
    void shippedFeCnModelReproducesItsTestMetricsFromTableAndArchive() throws Exception {
        Path labels = SharedData.require("data/xanesnet-fe/labels.csv");
        Path split = SharedData.require("golden/splits/xanesnet_fe_split.csv");
        ModelDescriptor.SplitMetrics recorded = ModelSourceMetrics.test("fe-k-cn");
        for (String data : List.of("data/xanesnet-fe/spectra.csv.gz", "data/xanesnet-fe/preconv.tar.gz")) {
            Outcome o = run(List.of("evaluate", "-q", "--threads", "2", "-m", "fe-k-cn", "--data",
                    SharedData.require(data).toString(), "--labels", labels.toString(), "--label-column", "cn_cov115",
                    "--exclude", "possible_pi_ligand=1", "--split", split.toString(), "--split-role", "TEST",
                    // XANESNET's files hold FDMNES mu that is already edge-normalised (the reader cannot tell).
                    "--source-normalised"));
            assertEquals(ExitCodes.OK, o.code(), o.err());
            double[] s = o.summary();
            assertEquals(recorded.n, (int) s[0], data);
            assertEquals(recorded.accuracy, s[1], 5e-4, data);
            assertEquals(recorded.macroF1, s[3], 5e-4, data);
        }
    }

    /** Validation and test metrics of a retrained model equal the shipped descriptor's (training is deterministic). */
    private static void assertSameSplitMetrics(ModelDescriptor shipped, ModelDescriptor ours) {
        for (String split : List.of("val", "test")) {
            ModelDescriptor.SplitMetrics a = shipped.metrics.stream().filter(m -> m.split.equals(split)).findFirst()
                    .orElseThrow();
            ModelDescriptor.SplitMetrics b = ours.metrics.stream().filter(m -> m.split.equals(split)).findFirst()
                    .orElseThrow();
            assertEquals(a.n, b.n, split);
            assertEquals(a.accuracy, b.accuracy, 1e-9, split);
            assertEquals(a.macroF1, b.macroF1, 1e-9, split);
        }
    }

    /**
     * The models README's command lines rebuild the shipped Fe oxidation-state model with the product alone: labels
     * from the structures by the bond-valence rule, then train with the round-9 recipe (a native grid cut to where the
     * calibrated simulations reach, renormalisation, calibration against the measured references, white-line check);
     * the descriptor's grid, calibration and metrics come out the same.
     */
    @Test
    void readmeCommandsRebuildTheShippedFeOxidationModel(@TempDir Path dir) throws Exception {
        Path table = SharedData.require("golden/measured/labels.csv");
        Path labels = dir.resolve("fe-ox.csv");
        Outcome l = run(List.of("labels", "--rules", "xanesnet-fe", "--oxidation", "-o", labels.toString(),
                SharedData.require("data/xanesnet-fe/preconv.tar.gz").toString()));
        assertEquals(ExitCodes.OK, l.code(), l.err());
        Path model = dir.resolve("fe-ox.zip");
        Outcome t = run(List.of("train", "-q", "--threads", "1",
                "--data", SharedData.require("data/xanesnet-fe/spectra.csv.gz").toString(), "--element", "Fe",
                "--task", "OXIDATION_STATE", "--labels", labels.toString(), "--label-column", "oxidation_state",
                "--where", "oxidation_confidence=high|medium", "--exclude", "possible_pi_ligand=1", "--classes", "2,3",
                "--split", SharedData.require("golden/splits/xanesnet_fe_split.csv").toString(),
                "--reference", "ABSOLUTE", "--grid", "native:7098:7170", "--grid-stride", "5", "--grid-keep",
                "7108:7128", "--derivative", "1", "--renormalise", "7098:7105:7140:7165", "--calibrate-against",
                table.toString(), "--root", table.getParent().getParent().getParent().toString(),
                "--white-line-check", "--balance", "SQRT_WEIGHTED", "--learner", "VOTE", "--param", "C=100", "--param",
                "gamma=0.001", "--param", "trees=200", "--param", "k=1", "--refit-with-val", "--domain-noise",
                "2:0.005", "-o", model.toString()));
        assertEquals(ExitCodes.OK, t.code(), t.err());
        ModelDescriptor shipped = org.xanesml.workflow.ModelSource.load("fe-k-oxidation").descriptor();
        ModelDescriptor ours = ModelBundle.read(model).descriptor();
        assertEquals(shipped.classes, ours.classes);
        assertArrayEquals(shipped.recipe.gridEv, ours.recipe.gridEv, 0.0);
        assertEquals(shipped.recipe.toRecipe().renormalisation(), ours.recipe.toRecipe().renormalisation());
        assertEquals(shipped.recipe.calibration.shiftEv, ours.recipe.calibration.shiftEv, 1e-9);
        assertSameSplitMetrics(shipped, ours);
        // round 18: the domain fitted and thresholded with noisy copies, as the shipped one
        assertEquals(shipped.domain.method, ours.domain.method);
        assertEquals(shipped.domain.valInDomainFraction, ours.domain.valInDomainFraction, 0.005);
        // a window no native point falls in is refused with the range
        Outcome w = run(List.of("train", "-q", "--data", SharedData.require("data/xanesnet-fe/spectra.csv.gz")
                .toString(), "--element", "Fe", "--task", "OXIDATION_STATE", "--labels", labels.toString(),
                "--label-column", "oxidation_state", "--classes", "2,3", "--reference", "ABSOLUTE", "--grid",
                "native:7200:7300", "-o", dir.resolve("none.zip").toString()));
        assertEquals(ExitCodes.FAILURE, w.code(), w.err());
        assertTrue(w.err().contains("no point of the spectra's grid lies in 7200.00..7172.00 eV"), w.err());
    }

    /**
     * The README's command line retrains the shipped Fe CN model from the raw shared table with the train command
     * and gets the validation and test metrics its descriptor records (training is deterministic). If the shipped
     * configuration changes, this test and the README line must change with it.
     */
    @Test
    void readmeTrainCommandReproducesTheShippedFeCnModel(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("fe-cn.zip");
        Outcome t = run(List.of("train", "-q", "--threads", "1",
                "--data", SharedData.require("data/xanesnet-fe/spectra.csv.gz").toString(), "--element", "Fe",
                "--task", "COORDINATION_NUMBER", "--labels", SharedData.require("data/xanesnet-fe/labels.csv").toString(),
                "--label-column", "cn_cov115", "--exclude", "possible_pi_ligand=1", "--classes", "4,5,6",
                "--split", SharedData.require("golden/splits/xanesnet_fe_split.csv").toString(),
                "--reference", "ABSOLUTE", "--grid", "7097:7170:1", "--derivative", "1", "--smoothing", "1.5",
                "--renormalise", "7097:7105:7140:7165", "--calibrate-against",
                SharedData.require("golden/measured/labels.csv").toString(), "--root",
                SharedData.require("golden/measured/labels.csv").getParent().getParent().getParent().toString(),
                "--white-line-check", "--balance", "SQRT_WEIGHTED", "--learner", "VOTE", "--param", "C=10", "--param",
                "gamma=0.005", "--param", "trees=500", "--param", "k=0", "--refit-with-val", "-o", model.toString()));
        assertEquals(ExitCodes.OK, t.code(), t.err());
        ModelDescriptor shipped = org.xanesml.workflow.ModelSource.load("fe-k-cn").descriptor();
        ModelDescriptor ours = ModelBundle.read(model).descriptor();
        assertEquals(shipped.classes, ours.classes);
        assertTrue(shipped.training.refittedOnTrainAndVal && ours.training.refittedOnTrainAndVal);
        // refitted on train + val: the delivered model saw both
        assertEquals(shipped.training.trainSize, ours.training.trainSize);
        assertEquals(ours.training.trainSize, 1799 + ours.training.valSize);
        assertTrue(ours.training.rebuildCommand.contains("--refit-with-val"), ours.training.rebuildCommand);
        // the same preprocessing: renormalisation, white-line floor and the calibration estimated from the same data
        assertEquals(shipped.recipe.toRecipe().renormalisation(), ours.recipe.toRecipe().renormalisation());
        assertEquals(shipped.recipe.calibration.shiftEv, ours.recipe.calibration.shiftEv, 1e-9);
        assertEquals(shipped.recipe.calibration.shiftLowEv, ours.recipe.calibration.shiftLowEv, 1e-9);
        assertEquals(shipped.recipe.calibration.shiftHighEv, ours.recipe.calibration.shiftHighEv, 1e-9);
        assertArrayEquals(shipped.recipe.gridEv, ours.recipe.gridEv, 0.0);
        assertSameSplitMetrics(shipped, ours);
    }

    /**
     * A small J48 trained from the Cu table with the golden split and the all-O filter; evaluate scores its test
     * split from the table and from the FEFF archive exactly as training recorded it.
     */
    @Test
    void trainsOnTheCuTableAndEvaluatesOnTableAndFeffArchive(@TempDir Path dir) throws Exception {
        Path sites = SharedData.require("data/omnixas-cu/sites.csv");
        Path table = SharedData.require("data/omnixas-cu/spectra.csv.gz");
        Path split = SharedData.require("golden/splits/omnixas_cu_split.csv");
        Path model = dir.resolve("cu-cn-j48.zip");
        List<String> args = new ArrayList<>(List.of("train", "-q", "--threads", "2", "--data", table.toString(),
                "--element", "Cu", "--task", "COORDINATION_NUMBER", "--labels", sites.toString(), "--label-column",
                "cn_shell125", "--group-column", "mp_id", "--where", "first_shell_all_O=1", "--classes", "4,5,6",
                "--split", split.toString(), "--learner", "J48", "--param", "minLeaf=5",
                // Larch puts E0 of some FEFF spectra only 3.5 eV above their first point: the grid starts above that.
                "--grid", "-3:60:1", "-o", model.toString()));
        Outcome t = run(args);
        assertEquals(ExitCodes.OK, t.code(), t.err());
        ModelBundle b = ModelBundle.read(model);
        assertEquals(List.of("4", "5", "6"), b.descriptor().classes);
        ModelDescriptor.SplitMetrics test = b.descriptor().metrics.stream().filter(m -> m.split.equals("test"))
                .findFirst().orElseThrow();
        // The golden split lists 4,400 all-O sites; CN 4/5/6 leave 453 for test (as in the shipped Cu models).
        assertEquals(453, test.n);
        assertEquals(3479, b.descriptor().training.trainSize);
        assertTrue(test.accuracy > 0.65, "J48 test accuracy " + test.accuracy);
        assertTrue(b.descriptor().training.rebuildCommand.contains("--where first_shell_all_O=1"),
                b.descriptor().training.rebuildCommand);
        Files.writeString(SharedData.outputDir().resolve("batch-cu-cn-j48.txt"), String.format(Locale.ROOT,
                "J48 minLeaf=5 on OmniXAS Cu CN 4/5/6, golden split: test n %d accuracy %.4f macro-F1 %.4f%n%s%n",
                test.n, test.accuracy, test.macroF1, b.descriptor().training.rebuildCommand));

        for (String data : List.of(table.toString(),
                SharedData.require("data/omnixas-cu/FEFF_Cu_xmu_POSCAR.tar.gz").toString())) {
            Outcome e = run(List.of("evaluate", "-q", "--threads", "2", "-m", model.toString(), "--data", data,
                    "--labels", sites.toString(), "--label-column", "cn_shell125", "--where", "first_shell_all_O=1",
                    "--split", split.toString()));
            assertEquals(ExitCodes.OK, e.code(), e.err());
            double[] s = e.summary();
            assertEquals(test.n, (int) s[0], data);
            assertEquals(test.accuracy, s[1], 5e-4, data);
            assertEquals(test.macroF1, s[3], 5e-4, data);
        }
    }

    /** Geometry with a merged class and a grouped split from the table's group column, on the Fe table. */
    @Test
    void mergesClassesAndSplitsByGroup(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("fe-geo.zip");
        Outcome t = run(List.of("train", "-q", "--threads", "2", "--data",
                SharedData.require("data/xanesnet-fe/spectra.csv.gz").toString(), "--element", "Fe", "--task",
                "GEOMETRY", "--labels", SharedData.require("data/xanesnet-fe/labels.csv").toString(), "--label-column",
                "geometry", "--group-column", "csd_refcode", "--exclude", "possible_pi_ligand=1", "--where",
                "cn_cov115=4|5|6", "--merge", "trigonal-bipyramidal=square-pyramidal", "--drop-class", "square-planar",
                "--min-class-count", "40", "--reference", "ABSOLUTE", "--grid", "native", "--grid-stride", "6",
                "--learner", "J48", "-o", model.toString()));
        assertEquals(ExitCodes.OK, t.code(), t.err());
        ModelDescriptor d = ModelBundle.read(model).descriptor();
        assertTrue(d.classes.contains("square-pyramidal") && !d.classes.contains("trigonal-bipyramidal")
                && !d.classes.contains("square-planar"), d.classes.toString());
        assertTrue(d.training.dataSet.contains("grouped stratified split"), d.training.dataSet);
        int total = d.training.trainSize + d.training.valSize + d.training.testSize;
        assertEquals(0.15, d.training.testSize / (double) total, 0.05);
    }
}

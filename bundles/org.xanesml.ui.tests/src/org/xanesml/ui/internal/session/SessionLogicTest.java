/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.classify.EnergyReference;
import org.xanesml.classify.LearnerSpec;
import org.xanesml.classify.Task;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.preprocess.PreEdgeParameters;
import org.xanesml.testing.SharedData;
import org.xanesml.ui.internal.charts.SpectrumDatasets;
import org.xanesml.ui.internal.charts.SpectrumMode;
import org.xanesml.workflow.StepServices;

/** The UI's pipeline without a display: read, normalise, classify, tables, sessions, training. */
class SessionLogicTest {
    static final String CUO = "data/experimental/XASDataLibrary/data/Cu/CuO_tenorite_13K_01.xdi";
    private static List<LoadedModel> shipped;
    private static StepServices steps;
    /** The workbench's pipeline on the registered workflow steps, with every shipped model. */
    private static SpectrumAnalysis analysis;

    @BeforeAll
    static void loadModels() throws Exception {
        shipped = ModelFiles.shipped();
        steps = StepServices.open();
        analysis = new SpectrumAnalysis(steps.catalog(), shipped);
    }

    @AfterAll
    static void releaseSteps() {
        steps.close();
    }

    @Test
    void measuredCuSpectrumIsNormalisedAndClassifiedByEveryShippedModel() throws Exception {
        Path file = SharedData.require(CUO);
        List<AnalysisEntry> read = SpectrumFiles.read(file);
        assertEquals(1, read.size());
        AnalysisEntry e = read.get(0);
        assertNull(e.problem());
        // Cu K edge: 8979 eV for the metal, a few eV higher for Cu(II)
        assertTrue(e.normalization().e0Ev() > 8975 && e.normalization().e0Ev() < 8995, "e0 " + e.normalization());
        Spectrum forModels = SpectrumAnalysis.forClassification(e);
        assertEquals(MuScale.EDGE_NORMALIZED, forModels.muScale());
        assertTrue(forModels.metadata(EnergyReference.E0_KEY).isPresent());

        AnalysisEntry c = analysis.classify(e);
        // the Cu models answer a Cu spectrum, one per task in the report's order; the Fe models are not asked
        assertEquals(List.of("COORDINATION_NUMBER", "GEOMETRY", "OXIDATION_STATE"),
                c.predictions().stream().map(ModelPrediction::task).toList());
        assertTrue(c.predictions().stream().allMatch(p -> p.model().descriptor().element.equals("Cu")),
                c.predictions().toString());
        assertTrue(c.noModel().isEmpty());
        ModelPrediction best = c.bestPrediction().orElseThrow();
        assertNotNull(best.prediction().label());
        System.out.printf(Locale.ROOT, "CuO tenorite: %s -> %s p=%.3f %s (%s)%n", best.model().name(),
                best.prediction().label(), best.prediction().confidence(),
                best.prediction().applicability().verdict(), best.prediction().applicability().reason());
    }

    @Test
    void theBatchCsvHasEveryModelsAnswerSideBySideAndAnUncoveredElementHasNoModel() throws Exception {
        AnalysisEntry cu = analysis.classify(SpectrumFiles.read(SharedData.require(CUO)).get(0));
        AnalysisEntry mn = analysis.classify(SpectrumFiles.read(SharedData.require(
                "data/experimental/XASDataLibrary/data/Mn/Mn2O3_rt_01.xdi")).get(0));
        assertTrue(mn.predictions().isEmpty());
        assertTrue(mn.noModel().orElseThrow().startsWith("no model for Mn K"), mn.noModel().toString());
        assertTrue(mn.classified());
        List<String> h = BatchCsv.HEADER;
        List<String> cuRow = BatchCsv.row(cu);
        assertEquals(h.size(), cuRow.size());
        List<String> cuModels = new ArrayList<>();
        for (String task : List.of("COORDINATION_NUMBER", "GEOMETRY", "OXIDATION_STATE")) {
            cuModels.add(shipped.stream().filter(m -> m.descriptor().element.equals("Cu")
                    && m.descriptor().task.equals(task)).findFirst().orElseThrow().name());
        }
        assertEquals(cuModels, List.of(cuRow.get(h.indexOf("cn_model")), cuRow.get(h.indexOf("geometry_model")),
                cuRow.get(h.indexOf("oxidation_model"))));
        assertFalse(cuRow.get(h.indexOf("oxidation_estimate")).isEmpty(), cuRow.toString());
        List<String> mnRow = BatchCsv.row(mn);
        assertEquals("NO_MODEL", mnRow.get(h.indexOf("status")));
        assertEquals("", mnRow.get(h.indexOf("cn")));
        assertTrue(mnRow.get(h.indexOf("warnings")).contains("no model for Mn K"), mnRow.toString());
        assertEquals(h.size(), new java.util.HashSet<>(h).size(), "no column twice: " + h);
    }

    @Test
    void unreadableFileRaisesTheReadersMessageNamingTheFile(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("garbage.xdi");
        Files.writeString(bad, "# XDI/1.0\n# Column.1: energy eV\nthis is not a number row\n");
        SpectrumReadException e = assertThrows(SpectrumReadException.class, () -> SpectrumFiles.read(bad));
        assertTrue(e.getMessage().contains("garbage.xdi"), e.getMessage());
    }

    @Test
    void parametersChangeTheNormalisationAndInvalidOnesBecomeAProblem() throws IOException {
        AnalysisEntry e = SpectrumFiles.read(SharedData.require(CUO)).get(0);
        double autoE0 = e.normalization().e0Ev();
        AnalysisEntry moved = analysis.renormalise(e, e.parameters().withE0(autoE0 + 5));
        assertEquals(autoE0 + 5, moved.normalization().e0Ev(), 1e-9);
        AnalysisEntry linear = analysis.renormalise(e, e.parameters().withNnorm(1));
        assertEquals(1, linear.normalization().details().nnorm());
        AnalysisEntry back = analysis.renormalise(moved, PreEdgeParameters.automatic());
        assertEquals(autoE0, back.normalization().e0Ev(), 1e-9);
    }

    @Test
    void datasetsHaveFitsInRawModeAndOneCurvePerSpectrumOtherwise() throws IOException {
        AnalysisEntry e = SpectrumFiles.read(SharedData.require(CUO)).get(0);
        AnalysisEntry f = SpectrumFiles.read(SharedData.require(
                "data/experimental/XASDataLibrary/data/Cu/Cu2S_13K_01.xdi")).get(0);
        SpectrumDatasets.Plot raw = SpectrumDatasets.build(List.of(e, f), SpectrumMode.RAW);
        assertEquals(6, raw.curves().getSeriesCount());
        assertEquals(2, raw.e0Ev().size());
        for (SpectrumMode m : List.of(SpectrumMode.NORMALISED, SpectrumMode.FLATTENED, SpectrumMode.DERIVATIVE)) {
            assertEquals(2, SpectrumDatasets.build(List.of(e, f), m).curves().getSeriesCount(), m.name());
        }
        // the same file twice still plots (JFreeChart refuses duplicate series keys)
        assertEquals(2, SpectrumDatasets.build(List.of(e, e), SpectrumMode.NORMALISED).curves().getSeriesCount());
    }

    @Test
    void csvQuotesCellsAndHasOneRowPerEntry() throws Exception {
        AnalysisEntry e = SpectrumFiles.read(SharedData.require(CUO)).get(0);
        AnalysisEntry c = analysis.classify(e);
        String csv = BatchCsv.write(List.of(c, e));
        String[] lines = csv.split("\r\n");
        assertEquals(3, lines.length);
        assertEquals(String.join(",", BatchCsv.HEADER), lines[0]);
        assertTrue(lines[1].contains(",Cu,"), lines[1]);
        assertEquals("\"a,b\"", BatchCsv.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", BatchCsv.quote("say \"hi\""));
    }

    @Test
    void csvCellsThatWouldStartAFormulaAreEscapedButNumbersAreNot() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\").xdi\"", BatchCsv.quote("=HYPERLINK(\"x\").xdi"));
        assertEquals("'@x", BatchCsv.quote("@x"));
        assertEquals("-7.56e-3", BatchCsv.quote("-7.56e-3"));
    }

    @Test
    void sessionRoundTripKeepsFilesParametersAndModels(@TempDir Path dir) throws IOException {
        AnalysisEntry e = SpectrumFiles.read(SharedData.require(CUO)).get(0);
        AnalysisEntry tuned = analysis.renormalise(e, e.parameters().withE0(8985.0).withNnorm(1)
                .withPreEdgeRange(-150.0, -40.0));
        Path f = dir.resolve("s.xanesml.json");
        SessionFile.write(f, List.of(tuned), shipped.subList(0, 1));
        SessionFile.Saved saved = SessionFile.read(f);
        assertEquals(1, saved.entries().size());
        assertEquals(tuned.key(), saved.entries().get(0).key());
        assertEquals(tuned.parameters(), saved.entries().get(0).parameters());
        assertEquals(List.of(shipped.get(0).origin()), saved.modelOrigins());
        Files.writeString(f, "{\"format\":\"other\"}");
        IOException ex = assertThrows(IOException.class, () -> SessionFile.read(f));
        assertTrue(ex.getMessage().contains("not a xanesml session"), ex.getMessage());
    }

    /**
     * The Train Model wizard's engine on synthetic Fe spectra of two shapes (a pre-edge peak or none): the written
     * model must load, and separate the two shapes on the held-out test split.
     */
    @Test
    void trainingWritesALoadableModelThatSeparatesTwoShapes(@TempDir Path dir) throws Exception {
        Path spectra = Files.createDirectory(dir.resolve("spectra"));
        StringBuilder labels = new StringBuilder("file,label,group\n");
        Random rnd = new Random(7);
        for (int i = 0; i < 60; i++) {
            String label = i % 2 == 0 ? "peak" : "plain";
            String name = String.format(Locale.ROOT, "s%02d.xdi", i);
            Files.writeString(spectra.resolve(name), syntheticXdi(i % 2 == 0, rnd));
            labels.append(name).append(',').append(label).append(",g").append(i / 2).append('\n');
        }
        Path table = dir.resolve("labels.csv");
        Files.writeString(table, labels);
        Path out = dir.resolve("synthetic-fe.zip");
        ModelTraining.Request rq = new ModelTraining.Request(spectra, table, Task.GEOMETRY,
                LearnerSpec.of(LearnerSpec.Kind.IBK, java.util.Map.of("k", 3.0)), 0.2, 0.2, -15, 40, 1, 1, out);
        List<String> stages = new ArrayList<>();
        ModelTraining.Result r = ModelTraining.train(rq, stages::add, () -> false);
        assertTrue(Files.size(out) > 0);
        assertEquals(List.of("peak", "plain"), r.model().descriptor().classes);
        assertTrue(r.test().accuracy() >= 0.9, ModelTraining.summary(r.test()));
        assertFalse(r.model().descriptor().importance.windows.isEmpty());
        assertTrue(stages.stream().anyMatch(s -> s.startsWith("training")), stages.toString());
        LoadedModel again = ModelFiles.load(out.toString());
        assertEquals("synthetic-fe", again.name());
        assertThrows(InterruptedException.class, () -> ModelTraining.train(rq, s -> { }, () -> true));

        // a search: the one-leaf J48 (leaves of 1,000 spectra) is listed first and loses on validation
        List<LearnerSpec> candidates = ModelTraining.learners(LearnerSpec.Kind.J48, "confidence=0.25; minLeaf=1000,2");
        assertEquals(2, candidates.size());
        Path searched = dir.resolve("searched.zip");
        ModelTraining.Request search = new ModelTraining.Request(spectra, table, Task.GEOMETRY, candidates, 0.2, 0.2,
                -15, 40, 1, 1, searched);
        stages.clear();
        ModelTraining.Result best = ModelTraining.train(search, stages::add, () -> false);
        String selection = best.model().descriptor().learner.selection;
        assertTrue(selection.startsWith("J48 confidence=0.250000 minLeaf=2 chosen by validation macro-F1 among 2")
                && selection.contains("minLeaf=1000: "), selection);
        assertTrue(best.model().descriptor().learner.params.stream()
                .anyMatch(p -> p.name.equals("minLeaf") && p.value == 2.0));
        assertTrue(stages.contains("scoring 2 candidates on the validation split"), stages.toString());
    }

    @Test
    void theWizardReadsTheTableXanesmlLabelsWrites(@TempDir Path dir) throws Exception {
        Path spectra = Files.createDirectory(dir.resolve("spectra"));
        // the columns 'xanesml labels' writes; ids are matched to file names without extension
        StringBuilder labels = new StringBuilder("id,source,absorber,n_atoms,cn,geometry\n");
        Random rnd = new Random(11);
        for (int i = 0; i < 40; i++) {
            String id = String.format(Locale.ROOT, "m%02d", i);
            Files.writeString(spectra.resolve(id + ".xdi"), syntheticXdi(i % 2 == 0, rnd));
            labels.append(id).append(",structures/").append(id).append(".xyz,Fe,7,")
                    .append(i % 2 == 0 ? "4,tetrahedral" : "6,octahedral").append('\n');
        }
        labels.append("not-a-file,structures/x.xyz,Fe,7,6,octahedral\n");
        Path table = Files.writeString(dir.resolve("labels.csv"), labels);
        Path out = dir.resolve("from-labels.zip");
        ModelTraining.Result r = ModelTraining.train(new ModelTraining.Request(spectra, table, Task.GEOMETRY,
                LearnerSpec.of(LearnerSpec.Kind.IBK, java.util.Map.of("k", 3.0)), 0.2, 0.2, -15, 40, 1, 1, out),
                s -> { }, () -> false);
        assertEquals(List.of("octahedral", "tetrahedral"), r.model().descriptor().classes);
        assertEquals(40, r.model().descriptor().training.trainSize + r.model().descriptor().training.valSize
                + r.model().descriptor().training.testSize);
    }

    @Test
    void theWizardsParameterTextGivesOneLearnerOrEveryCombination() {
        assertEquals(List.of(LearnerSpec.smoRbf(10, 0.01)),
                ModelTraining.learners(LearnerSpec.Kind.SMO_RBF, "C=10, gamma=0.01"));
        List<LearnerSpec> grid = ModelTraining.learners(LearnerSpec.Kind.SMO_RBF, "C=3,10; gamma=0.001,0.005,0.01");
        assertEquals(6, grid.size());
        assertEquals(LearnerSpec.smoRbf(3, 0.001), grid.get(0));
        assertEquals(LearnerSpec.smoRbf(10, 0.01), grid.get(5));
        String[][] bad = { { "C=3,x", "'x' is not a number" }, { "C", "expected name=value" },
                { "C=1, C=2", "C is given twice" }, { "C=1,", "'' is not a number" }, { "k=3", "takes parameters" } };
        for (String[] b : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ModelTraining.learners(LearnerSpec.Kind.SMO_RBF, b[0]));
            assertTrue(e.getMessage().contains(b[1]), b[0] + ": " + e.getMessage());
        }
    }

    /** A transmission-like Fe K edge (arctan step at 7120 eV) with or without a pre-edge peak, plus noise. */
    static String syntheticXdi(boolean peak, Random rnd) {
        StringBuilder sb = new StringBuilder("# XDI/1.0\n# Column.1: energy eV\n# Column.2: mutrans\n"
                + "# Element.symbol: Fe\n# Element.edge: K\n#----\n# energy mutrans\n");
        double shift = rnd.nextGaussian() * 0.5;
        for (double e = 6950; e <= 7450; e += 1.0) {
            double x = e - 7120 - shift;
            double mu = 0.2 + 1e-5 * (e - 6950) + (0.5 + Math.atan(x / 2.0) / Math.PI)
                    + (peak ? 0.25 * Math.exp(-Math.pow((x + 8) / 1.5, 2)) : 0) + 0.003 * rnd.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.2f %.6f%n", e, mu));
        }
        return sb.toString();
    }
}

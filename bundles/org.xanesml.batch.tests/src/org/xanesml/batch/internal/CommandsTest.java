/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.classify.ModelBundle;
import org.xanesml.classify.ModelDescriptor;
import org.xanesml.testing.SharedData;
import org.xanesml.workflow.ModelSource;
import org.xanesml.workflow.report.AtomicFiles;

import picocli.CommandLine;

/** The commands end to end on the synthetic data set: outputs, exit codes and the faults users meet. */
class CommandsTest {
    @TempDir
    static Path demo;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void runDemo() {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = XanesmlCommand.run(new String[] {"demo", "-o", demo.toString(), "--spectra", "120", "--threads",
                "2"}, new PrintWriter(o), new PrintWriter(e));
        assertEquals(ExitCodes.OK, code, o + "\n" + e);
    }

    private int run(String... args) {
        return XanesmlCommand.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private static Path model() {
        return demo.resolve("model.zip");
    }

    private static Path newData() {
        return demo.resolve("new-measurements");
    }

    @Test
    void demoWritesModelAndSelfContainedReport() throws IOException {
        String html = Files.readString(demo.resolve("report.html"));
        assertTrue(html.contains("SYNTHETIC"), "the demo says its data are synthetic");
        assertTrue(html.contains("confusion matrix") && html.contains("data:image/png;base64,"));
        assertFalse(html.contains("src=\"http"), "no external resources");
        assertTrue(Files.size(model()) > 1000);
        // two models, each spectrum answered by both side by side (issue 15 item 5)
        List<List<String>> csv = Files.readAllLines(demo.resolve("report.csv")).stream()
                .map(org.xanesml.classify.LabelTable::split).toList();
        List<String> h = csv.get(0);
        assertTrue(h.contains("geometry_model") && h.contains("oxidation_model") && h.contains("oxidation_estimate"),
                h.toString());
        assertEquals(120 / 5, csv.size() - 1);
        for (List<String> row : csv.subList(1, csv.size())) {
            assertEquals(List.of(model().toString(), demo.resolve("oxidation-model.zip").toString()), List.of(
                    row.get(h.indexOf("geometry_model")), row.get(h.indexOf("oxidation_model"))), row.toString());
        }
        assertTrue(html.contains("<th>geometry</th><th>oxidation</th>"), "both models in the HTML table");
    }

    @Test
    void helpOfEveryCommandHasExamples() {
        for (String c : List.of("demo", "classify", "normalize", "train", "evaluate", "watch", "labels", "inspect")) {
            out.getBuffer().setLength(0);
            assertEquals(ExitCodes.OK, run(c, "--help"), c);
            assertTrue(out.toString().contains("Examples:"), c + ": " + out);
        }
    }

    @Test
    void classifyPrintsOneRowPerSpectrumAndSucceeds() {
        assertEquals(ExitCodes.OK, run("classify", "-q", "-m", model().toString(), newData().toString()), err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(24 + 1, lines.size(), out.toString());
        assertTrue(lines.get(0).startsWith("source,id,element,edge,status,geometry_model,geometry,geometry_p_"),
                lines.get(0));
        assertTrue(lines.get(1).contains(",Fe,K,OK,"), lines.get(1));
    }

    @Test
    void aCorruptAndATruncatedFileGivePartialSuccessAndAreListed(@TempDir Path dir) throws IOException {
        for (String n : List.of("synthetic_0000.xdi", "synthetic_0001.xdi")) {
            Files.copy(newData().resolve(n), dir.resolve(n));
        }
        Files.writeString(dir.resolve("broken.xdi"), "# XDI/1.0\n#----\n# energy mu\n7100 1\nnot numbers\n");
        byte[] whole = Files.readAllBytes(newData().resolve("synthetic_0002.xdi"));
        Files.write(dir.resolve("truncated.xdi"), java.util.Arrays.copyOf(whole, 300));
        Path report = dir.resolve("out").resolve("report.json");
        assertEquals(ExitCodes.PARTIAL, run("classify", "-q", "-m", model().toString(), "-o", report.toString(),
                dir.toString()), err.toString());
        String json = Files.readString(report);
        assertTrue(json.contains("broken.xdi") && json.contains("truncated.xdi"), json);
        assertTrue(err.toString().contains("failed: read: ") && err.toString().contains("broken.xdi"), err.toString());
    }

    @Test
    void aModelForAnotherElementEndsWithAClearMessage() {
        Path cu = SharedData.require("data/experimental/xdi-examples/data/cu_metal_rt.xdi");
        assertEquals(ExitCodes.FAILURE, run("classify", "-q", "-m", model().toString(), cu.toString()));
        assertTrue(err.toString().contains("every spectrum is of another element than the model")
                && err.toString().contains("no model for Cu K (models: " + model() + ")"), err.toString());
    }

    @Test
    void missingOrUnreadableInputsAndModelsFailClearly(@TempDir Path dir) throws IOException {
        assertEquals(ExitCodes.FAILURE, run("classify", "-m", model().toString(), dir.resolve("nowhere").toString()));
        assertTrue(err.toString().contains("nowhere: no such file or folder"), err.toString());
        assertEquals(ExitCodes.USAGE, run("classify", "-m", dir.resolve("none.zip").toString(), newData()
                .toString()));
        assertTrue(err.toString().contains("neither a model file nor a shipped model"), err.toString());
        Path notAFolder = Files.writeString(dir.resolve("file.txt"), "x");
        Inputs.InputException e = assertThrows(Inputs.InputException.class, () -> Inputs.folder(notAFolder, false));
        assertTrue(e.getMessage().contains("cannot list the folder"), e.getMessage());
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.copy(newData().resolve("synthetic_0000.xdi"), locked.resolve("a.xdi"));
        locked.toFile().setReadable(false);
        locked.toFile().setExecutable(false);
        try {
            if (!Files.isReadable(locked)) {
                // Only meaningful when not running as root (root reads everything).
                assertEquals(ExitCodes.FAILURE, run("classify", "-m", model().toString(), locked.toString()));
                assertTrue(err.toString().contains("cannot list the folder"), err.toString());
            }
        } finally {
            locked.toFile().setReadable(true);
            locked.toFile().setExecutable(true);
        }
    }

    @Test
    void aFullDiskLeavesNoReportAndSaysSo(@TempDir Path dir) {
        CommandLine cl = XanesmlCommand.commandLine(new PrintWriter(out), new PrintWriter(err));
        ClassifyCommand classify = (ClassifyCommand) cl.getSubcommands().get("classify").getCommand();
        classify.files = new AtomicFiles(o -> new java.io.FilterOutputStream(o) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        });
        Path report = dir.resolve("report.csv");
        int code = cl.execute("classify", "-q", "-m", model().toString(), "-o", report.toString(),
                newData().toString());
        assertEquals(ExitCodes.FAILURE, code);
        assertTrue(err.toString().contains("No space left on device") && err.toString().contains("report.csv"),
                err.toString());
        assertFalse(Files.exists(report));
        // No partial report; the finished rows survive in the journal for --resume.
        assertEquals(List.of(Journal.pathFor(report)), list(dir));
    }

    private static List<Path> list(Path dir) {
        try (var s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void trainEvaluateAndInspectWork(@TempDir Path dir) throws IOException {
        Path m = dir.resolve("geometry.zip");
        assertEquals(ExitCodes.OK, run("train", "-q", "--data", demo.resolve("train").toString(), "--labels",
                demo.resolve("train/labels.csv").toString(), "--task", "GEOMETRY", "--element", "Fe", "--learner",
                "J48", "-o", m.toString()), err.toString());
        assertTrue(Files.exists(m) && Files.exists(dir.resolve("geometry.html")));
        assertTrue(out.toString().contains("test accuracy"), out.toString());
        assertEquals(ExitCodes.OK, run("evaluate", "-q", "-m", m.toString(), "--data", newData().toString(),
                "--labels", newData().resolve("labels.csv").toString(), "-o", dir.resolve("ev.xml").toString()),
                err.toString());
        assertTrue(Files.readString(dir.resolve("ev.xml")).contains("confusionRow"));
        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, run("inspect", m.toString()));
        assertTrue(out.toString().contains("element / edge:") && out.toString().contains("Fe K")
                && out.toString().contains("J48"), out.toString());
        // a model of the user's own has no measured evaluation shipped with it, and inspect says so
        assertTrue(out.toString().contains(line("measured spectra", "not evaluated with this file")), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, run("inspect", "cu-k-cn"));
        assertTrue(out.toString().contains("Cu K"), out.toString());
    }

    /** @return a line of inspect's summary, as it aligns them */
    private static String line(String key, String value) {
        return String.format("%-22s %s", key + ":", value);
    }

    @Test
    void inspectSaysWhatEachShippedModelCoversAndHowItDidOnMeasuredSpectra() throws Exception {
        for (String name : ModelSource.shippedNames()) {
            out.getBuffer().setLength(0);
            assertEquals(ExitCodes.OK, run("inspect", name), err.toString());
            String text = out.toString();
            // the statement shipped in models/coverage.properties was written for exactly this file: a rebuilt model
            // without a new statement fails here
            org.xanesml.models.PretrainedModels.Coverage c = org.xanesml.models.PretrainedModels.coverage(name);
            ModelDescriptor loaded = ModelSource.load(name).descriptor();
            assertTrue(c.describes(loaded.payload.sha256, loaded.domain.fingerprint()), name + ": coverage.properties"
                    + " describes payload " + c.payloadSha256() + " with domain " + c.domainFingerprint() + ", not the"
                    + " shipped " + loaded.payload.sha256 + " with domain " + loaded.domain.fingerprint());
            assertTrue(text.contains(line("trained on", c.chemistry())), text);
            assertTrue(text.contains(line("simulation", c.simulation())), text);
            assertTrue(text.contains(line("measured spectra", c.measured())), text);
            assertTrue(text.contains("energy placement:"), text);
            assertTrue(c.measured().matches(".*\\d+ (in-scope )?measured spectra.*"), c.measured());
            // the hand-written statement agrees with the descriptor on the energy calibration
            ModelDescriptor.Calibration cal = ModelSource.load(name).descriptor().recipe.calibration;
            if (cal == null) {
                assertFalse(c.simulation().contains("shifted"), name + ": " + c.simulation());
            } else {
                assertTrue(c.simulation().contains(String.format(java.util.Locale.ROOT, "shifted %+.2f eV",
                        cal.shiftEv)) && c.simulation().contains(String.format(java.util.Locale.ROOT,
                                "%+.2f..%+.2f", cal.shiftLowEv, cal.shiftHighEv)), name + ": " + c.simulation());
            }
        }
        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, run("inspect", "fe-k-cn"));
        assertTrue(out.toString().contains("simulations shifted -1.14 eV (95% CI -3.52..+0.21)"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, run("inspect", "cu-k-cn"));
        assertTrue(out.toString().contains("no simulation-to-experiment calibration"), out.toString());
    }

    @Test
    void aShippedClassifierWithARefittedDomainDoesNotGetTheShippedStatement(@TempDir Path dir) throws Exception {
        // the shipped file's two entries, with the domain's T2 limit changed in the descriptor and the classifier's
        // bytes (and so its checksum) kept: a domain refitted around the same classifier
        String xml = null;
        byte[] payload = null;
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
                org.xanesml.models.PretrainedModels.open("fe-k-oxidation.zip"))) {
            for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null;) {
                if (e.getName().equals(ModelBundle.DESCRIPTOR_ENTRY)) {
                    xml = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                } else {
                    payload = zip.readAllBytes();
                }
            }
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<t2Limit>([^<]+)</t2Limit>").matcher(xml);
        assertTrue(m.find(), "the descriptor has a T2 limit");
        String refitted = m.replaceFirst("<t2Limit>" + 2 * Double.parseDouble(m.group(1)) + "</t2Limit>");
        Path copy = dir.resolve("fe-k-oxidation-refitted.zip");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(copy))) {
            zip.putNextEntry(new java.util.zip.ZipEntry(ModelBundle.DESCRIPTOR_ENTRY));
            zip.write(refitted.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry(ModelBundle.PAYLOAD_ENTRY));
            zip.write(payload);
            zip.closeEntry();
        }
        ModelBundle read = ModelBundle.read(copy);
        assertEquals(ModelSource.load("fe-k-oxidation").descriptor().payload.sha256, read.descriptor().payload.sha256,
                "the same classifier bytes");
        assertTrue(ModelSource.coverage(ModelSource.load("fe-k-oxidation")).isPresent(), "the shipped file has one");
        assertTrue(ModelSource.coverage(read).isEmpty(), "a statement about another domain's answers");
        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, run("inspect", copy.toString()), err.toString());
        assertTrue(out.toString().contains(line("measured spectra", "not evaluated with this file")), out.toString());
    }

    @Test
    void renormalisationCalibrationAndWhiteLineCheckAreRecordedInTheModel(@TempDir Path dir) throws Exception {
        // three demo spectra stand in for measured references of known valence (paths relative to --root)
        List<Path> files;
        try (var s = Files.list(newData())) {
            files = s.filter(f -> f.toString().endsWith(".xdi")).sorted().limit(3).toList();
        }
        StringBuilder table = new StringBuilder("path,element,compound,sites,cn,geometry,oxidation_state,confidence,"
                + "basis\n");
        for (Path f : files) {
            table.append(newData().relativize(f)).append(",Fe,made,single,6,octahedral,3,high,test\n");
        }
        Path refs = dir.resolve("refs.csv");
        Files.writeString(refs, table.toString());
        Path m = dir.resolve("renormalised.zip");
        assertEquals(ExitCodes.OK, run("train", "-q", "--data", demo.resolve("train").toString(), "--labels",
                demo.resolve("train/labels.csv").toString(), "--task", "GEOMETRY", "--element", "Fe", "--learner",
                "J48", "--renormalise", "-20:-12:25:45", "--calibrate-against", refs.toString(), "--root",
                newData().toString(), "--white-line-check", "-o", m.toString()), err.toString());
        ModelBundle bundle = ModelBundle.read(m);
        org.xanesml.classify.FeatureRecipe r = bundle.model().recipe();
        assertEquals(new org.xanesml.classify.FeatureRecipe.Renormalisation(-20, -12, 25, 45,
                r.renormalisation().whiteLineMin()), r.renormalisation());
        assertTrue(r.renormalisation().whiteLineMin() > 0, r.toString());
        assertTrue(r.calibration().basis().contains("3 measured single-site Fe(II)/Fe(III) references of refs.csv"),
                r.calibration().basis());
        assertTrue(bundle.descriptor().training.rebuildCommand.contains("--renormalise -20:-12:25:45"
                + " --calibrate-against " + refs + " --root " + newData() + " --white-line-check"),
                bundle.descriptor().training.rebuildCommand);
        assertTrue(bundle.descriptor().training.sources.stream().anyMatch(x -> x.path.equals(refs.toString())));
        err.getBuffer().setLength(0);
        assertEquals(ExitCodes.FAILURE, run("train", "-q", "--data", demo.resolve("train").toString(), "--labels",
                demo.resolve("train/labels.csv").toString(), "--task", "GEOMETRY", "--element", "Fe", "--learner",
                "J48", "--white-line-check", "-o", dir.resolve("bad.zip").toString()));
        assertTrue(err.toString().contains("need --renormalise"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(ExitCodes.FAILURE, run("train", "-q", "--data", demo.resolve("train").toString(), "--labels",
                demo.resolve("train/labels.csv").toString(), "--task", "GEOMETRY", "--element", "Fe", "--learner",
                "J48", "--renormalise", "-20:-12:25", "-o", dir.resolve("bad.zip").toString()));
        assertTrue(err.toString().contains("expected PRE_LO:PRE_HI:NORM_LO:NORM_HI"), err.toString());
    }

    @Test
    void aStrideWithAFullResolutionWindowIsRecordedInTheModel(@TempDir Path dir) throws Exception {
        Path m = dir.resolve("windowed.zip");
        assertEquals(ExitCodes.OK, run("train", "-q", "--data", demo.resolve("train").toString(), "--labels",
                demo.resolve("train/labels.csv").toString(), "--task", "GEOMETRY", "--element", "Fe", "--learner",
                "J48", "--grid", "-20:40:1", "--grid-stride", "4", "--grid-keep", "0:5", "-o", m.toString()),
                err.toString());
        ModelBundle bundle = ModelBundle.read(m);
        double[] grid = bundle.model().recipe().gridEv();
        // every 4th point from -20 eV (-20, -16, ..., 40) plus 0..5 eV at the full 1 eV
        List<Double> expected = new ArrayList<>();
        for (int e = -20; e <= 40; e++) {
            if ((e + 20) % 4 == 0 || (e >= 0 && e <= 5)) {
                expected.add((double) e);
            }
        }
        assertEquals(expected, Arrays.stream(grid).boxed().toList());
        assertTrue(bundle.descriptor().training.rebuildCommand.contains("--grid-stride 4 --grid-keep 0:5"),
                bundle.descriptor().training.rebuildCommand);
        err.getBuffer().setLength(0);
        assertEquals(ExitCodes.FAILURE, run("train", "-q", "--data", demo.resolve("train").toString(), "--labels",
                demo.resolve("train/labels.csv").toString(), "--task", "GEOMETRY", "--element", "Fe", "--learner",
                "J48", "--grid-stride", "4", "--grid-keep", "5:0", "-o", dir.resolve("bad.zip").toString()));
        assertTrue(err.toString().contains("--grid-keep '5:0': needs LO <= HI"), err.toString());
    }

    @Test
    void aDomainOnALongerGridAndNoisyCopiesIsRecordedShownAndRebuilt(@TempDir Path dir) throws Exception {
        Path m = dir.resolve("longer-domain.zip");
        assertEquals(ExitCodes.OK, run("train", "-q", "--data", demo.resolve("train").toString(), "--labels",
                demo.resolve("train/labels.csv").toString(), "--task", "GEOMETRY", "--element", "Fe", "--learner",
                "J48", "--grid", "-20:30:1", "--domain-grid-to", "40", "--domain-noise", "2:0.01", "-o",
                m.toString()), err.toString());
        ModelBundle bundle = ModelBundle.read(m);
        assertEquals(51, bundle.model().recipe().gridSize(), "the classifier keeps --grid");
        double[] domainGrid = bundle.descriptor().domain.gridEv;
        assertEquals(61, domainGrid.length);
        assertEquals(40.0, domainGrid[domainGrid.length - 1]);
        assertEquals(61, bundle.domain().mean().length);
        assertTrue(bundle.descriptor().training.rebuildCommand.contains("--grid -20:30:1")
                && bundle.descriptor().training.rebuildCommand.contains("--domain-grid-to 40.0 --domain-noise 2:0.01"),
                bundle.descriptor().training.rebuildCommand);
        assertTrue(bundle.descriptor().domain.method.contains("each with 2 perturbed copies (noise sd 0.01 edge steps"
                + " per point)"), bundle.descriptor().domain.method);
        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, run("inspect", m.toString()));
        assertTrue(out.toString().contains("fitted on the grid continued to 40.0 eV (61 points), which a spectrum must"
                + " reach"), out.toString());
        err.getBuffer().setLength(0);
        assertEquals(ExitCodes.FAILURE, run("train", "-q", "--data", demo.resolve("train").toString(), "--labels",
                demo.resolve("train/labels.csv").toString(), "--task", "GEOMETRY", "--element", "Fe", "--learner",
                "J48", "--grid", "-20:30:1", "--domain-grid-to", "30.5", "-o", dir.resolve("bad.zip").toString()));
        assertTrue(err.toString().contains("a longer grid must end at least one step (1.000 eV) past the grid's end"
                + " 30.000 eV"), err.toString());
        assertFalse(Files.exists(dir.resolve("bad.zip")));
        err.getBuffer().setLength(0);
        assertEquals(ExitCodes.FAILURE, run("train", "-q", "--data", demo.resolve("train").toString(), "--labels",
                demo.resolve("train/labels.csv").toString(), "--task", "GEOMETRY", "--element", "Fe", "--learner",
                "J48", "--domain-noise", "2", "-o", dir.resolve("bad.zip").toString()));
        assertTrue(err.toString().contains("--domain-noise '2': expected COPIES:SD"), err.toString());
        assertFalse(Files.exists(dir.resolve("bad.zip")));
    }

    @Test
    void aSearchTrainsTheCandidateWithTheBestMacroF1AndRecordsEveryScore(@TempDir Path dir) throws Exception {
        // a J48 whose leaves need 100,000 spectra is one leaf: it cannot beat the tree with 2-spectrum leaves
        for (String select : List.of("VAL", "CV")) {
            Path m = dir.resolve("searched-" + select + ".zip");
            out.getBuffer().setLength(0);
            List<String> args = new ArrayList<>(List.of("train", "-q", "--data", demo.resolve("train").toString(),
                    "--labels", demo.resolve("train/labels.csv").toString(), "--task", "GEOMETRY", "--element", "Fe",
                    "--learner", "J48", "--param", "confidence=0.25", "--search", "minLeaf=100000,2", "--select",
                    select, "--cv-folds", "3", "--cv-repeats", "2", "-o", m.toString()));
            assertEquals(ExitCodes.OK, run(args.toArray(String[]::new)), err.toString());
            ModelDescriptor d = ModelBundle.read(m).descriptor();
            Map<String, Double> params = new HashMap<>();
            d.learner.params.forEach(p -> params.put(p.name, p.value));
            assertEquals(Map.of("confidence", 0.25, "minLeaf", 2.0), params);
            String sel = d.learner.selection;
            assertTrue(sel.contains("among 2 candidates") && sel.contains("J48 confidence=0.250000 minLeaf=100000: ")
                    && sel.contains(select.equals("CV") ? "2 x 3-fold grouped cross-validation" : "validation macro-F1"),
                    sel);
            assertTrue(out.toString().contains("selected J48 confidence=0.250000 minLeaf=2 chosen by"), out.toString());
            String rebuild = d.training.rebuildCommand;
            assertTrue(rebuild.contains("--search minLeaf=100000,2 --select " + select)
                    && rebuild.contains("--cv-folds 3") == select.equals("CV"), rebuild);
        }
        String[][] bad = { { "minLeaf=2,x", "'x' is not a number" }, { "minLeaf", "expected NAME=V1,V2,..." },
                { "confidence=0.1,0.2", "confidence is given both by --param and by --search" },
                { "gamma=1,2", "J48 takes parameters" } };
        for (String[] b : bad) {
            err.getBuffer().setLength(0);
            assertEquals(ExitCodes.FAILURE, run("train", "-q", "--data", demo.resolve("train").toString(), "--labels",
                    demo.resolve("train/labels.csv").toString(), "--task", "GEOMETRY", "--element", "Fe", "--learner",
                    "J48", "--param", "confidence=0.25", "--search", b[0], "-o", dir.resolve("bad.zip").toString()));
            assertTrue(err.toString().contains(b[1]), b[0] + ": " + err);
        }
        assertFalse(Files.exists(dir.resolve("bad.zip")));
    }

    @Test
    void normalizeWritesXdiAndCsvWithTheRecipe(@TempDir Path dir) throws IOException {
        Path outDir = dir.resolve("norm");
        assertEquals(ExitCodes.OK, run("normalize", "-q", "-o", outDir.toString(), newData().resolve(
                "synthetic_0000.xdi").toString()), err.toString());
        String xdi = Files.readString(outDir.resolve("synthetic_0000.xdi"));
        assertTrue(xdi.contains("Processing.recipe") && xdi.contains("Processing.e0_eV") && xdi.contains("normtrans"),
                xdi.substring(0, Math.min(800, xdi.length())));
        assertTrue(Files.exists(outDir.resolve("normalize-report.csv")));
        assertEquals(ExitCodes.OK, run("normalize", "-q", "--as", "csv", "--pre1", "-150", "--pre2", "-40", "-o",
                outDir.toString(), newData().resolve("synthetic_0001.xdi").toString()), err.toString());
        String csv = Files.readString(outDir.resolve("synthetic_0001.csv"));
        assertTrue(csv.contains("# recipe: ") && csv.contains("energy_eV,norm"), csv.substring(0, 300));
    }

    @Test
    void labelsFromStructures(@TempDir Path dir) throws IOException {
        Path xyz = dir.resolve("octahedron.xyz");
        Files.writeString(xyz, "7\nFe octahedron\nFe 0 0 0\nO 2.0 0 0\nO -2.0 0 0\nO 0 2.0 0\nO 0 -2.0 0\n"
                + "O 0 0 2.0\nO 0 0 -2.0\n");
        Path csv = dir.resolve("labels.csv");
        assertEquals(ExitCodes.OK, run("labels", "--rules", "xanesnet-fe", "-o", csv.toString(), xyz.toString()),
                err.toString());
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("id,source,absorber,n_atoms,cn"), lines.get(0));
        assertTrue(lines.get(1).contains(",6,") && lines.get(1).contains("octahedral"), lines.get(1));
    }
}

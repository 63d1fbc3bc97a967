/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.xanesml.classify.Augmentation;
import org.xanesml.classify.ClassBalance;
import org.xanesml.classify.EnergyReference;
import org.xanesml.classify.FeatureException;
import org.xanesml.classify.LearnerSpec;
import org.xanesml.classify.MeasuredReferences;
import org.xanesml.classify.SimulationCalibration;
import org.xanesml.classify.Task;
import org.xanesml.classify.TrainingOptions;
import org.xanesml.classify.TrainingPlan;
import org.xanesml.core.Element;
import org.xanesml.core.Spectrum;
import org.xanesml.workflow.MeasuredScoring;
import org.xanesml.workflow.StepCatalog;
import org.xanesml.workflow.report.AtomicFiles;
import org.xanesml.workflow.report.Report;
import org.xanesml.workflow.report.ReportRow;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code xanesml train}: labelled collection or folder + labels table + task + learner -> model bundle and report. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = { "Train a classifier on labelled spectra.",
                "Spectra come from a folder of files or any collection (FEFF run tree or .tar.gz, XANESNET preconv,"
                        + " spectra.csv.gz table, XDI folder); they are normalised as classify does, split by a split"
                        + " file or grouped and stratified (70/15/15), and the model bundle records recipe, learner,"
                        + " metrics and the applicability domain. An evaluation report on the test split is written"
                        + " beside it." },
        footer = { "", "Examples:",
                "  xanesml labels --rules xanesnet-fe -o labels.csv structures/",
                "  xanesml train --data spectra/ --labels labels.csv --task GEOMETRY \\",
                "      --element Fe -o fe-geometry.zip",
                "  xanesml train --data ../shared/data/omnixas-cu/spectra.csv.gz --element Cu \\",
                "      --task COORDINATION_NUMBER --labels ../shared/data/omnixas-cu/sites.csv \\",
                "      --label-column cn_shell125 --where first_shell_all_O=1 --classes 4,5,6 \\",
                "      --split ../shared/golden/splits/omnixas_cu_split.csv \\",
                "      --reference ABSOLUTE --grid 8990:9100:0.5 --learner SMO_RBF \\",
                "      --param C=10 --param gamma=0.002 --balance SQRT_WEIGHTED -o cu-cn.zip",
                "  xanesml train --data ../shared/data/xanesnet-fe/spectra.csv.gz --element Fe \\",
                "      --task COORDINATION_NUMBER --classes 4,5,6 \\",
                "      --labels ../shared/data/xanesnet-fe/labels.csv --label-column cn_cov115 \\",
                "      --exclude possible_pi_ligand=1 \\",
                "      --split ../shared/golden/splits/xanesnet_fe_split.csv \\",
                "      --reference ABSOLUTE --grid 7097:7170:1 --derivative 1 --smoothing 1.5 \\",
                "      --renormalise 7097:7105:7140:7165 --white-line-check \\",
                "      --calibrate-against ../shared/golden/measured/labels.csv \\",
                "      --root ../shared \\",
                "      --balance SQRT_WEIGHTED --learner VOTE --param C=10 --param gamma=0.005 \\",
                "      --param trees=500 --param k=0 -o fe-cn.zip",
                "  xanesml train --data spectra/ --labels labels.csv --task GEOMETRY \\",
                "      --element Fe --learner SMO_RBF --search C=3,10,30 \\",
                "      --search gamma=0.001,0.005 --select CV -o fe-geometry.zip" })
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run = new RunOptions();

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--task", required = true, description = "What the model predicts: ${COMPLETION-CANDIDATES}.")
    Task task;

    @Option(names = "--element", required = true, description = "Absorbing element, e.g. Fe.")
    String element;

    @Option(names = "--learner", description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    LearnerSpec.Kind learner = LearnerSpec.Kind.RANDOM_FOREST;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Learner hyper-parameter (repeatable); unset ones take the learner's defaults.")
    Map<String, Double> params = new LinkedHashMap<>();

    @Option(names = "--search", paramLabel = "NAME=V1,V2,...", description = "Hyper-parameter values to try"
            + " (repeatable): every combination is scored by macro-F1 as --select says, never on the test split, and"
            + " the best is trained and delivered; the descriptor lists every candidate's score.")
    List<String> search = new ArrayList<>();

    @Option(names = "--select", description = "How --search candidates are scored: VAL (fit on train, score on val)"
            + " or CV (repeated grouped k-fold cross-validation over train + val; steadier when val is small)"
            + " (default ${DEFAULT-VALUE}).")
    TrainingRequest.Selection select = TrainingRequest.Selection.VAL;

    @Option(names = "--cv-folds", description = "Folds for --select CV (default ${DEFAULT-VALUE}).")
    int cvFolds = 5;

    @Option(names = "--cv-repeats", description = "Repetitions for --select CV, seeds 0..N-1 (default ${DEFAULT-VALUE}).")
    int cvRepeats = 3;

    @Option(names = "--balance", description = "Class weighting: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    ClassBalance balance = ClassBalance.NONE;

    @Option(names = "--refit-with-val", description = "After scoring on the validation split (fit on the training"
            + " split alone), fit the delivered model on training + validation spectra; the test metrics are then"
            + " the refitted model's.")
    boolean refitWithVal;

    @Option(names = "--classes", split = ",", paramLabel = "CLASS", description = "The classes, in this order"
            + " (e.g. 4,5,6); other labels are left out (or merged, see --other). Default: every label with at least"
            + " --min-class-count spectra.")
    List<String> classes = new ArrayList<>();

    @Option(names = "--merge", paramLabel = "LABEL=CLASS", description = "Rename a label before choosing classes"
            + " (repeatable), e.g. --merge trigonal-bipyramidal=square-pyramidal.")
    Map<String, String> merge = new LinkedHashMap<>();

    @Option(names = "--drop-class", paramLabel = "LABEL", description = "Leave spectra with this label out (repeatable).")
    List<String> drop = new ArrayList<>();

    @Option(names = "--other", description = "Put labels outside --classes (or rarer than --min-class-count) into one"
            + " class 'other' instead of leaving them out.")
    boolean other;

    @Option(names = "--min-class-count", description = "Labels with fewer spectra are rare (default ${DEFAULT-VALUE}).")
    int minClassCount = 5;

    @Option(names = "--split", paramLabel = "CSV", description = "Split file: an id column and a 'split' column"
            + " (train/val/test); spectra it does not list are left out. Default: a grouped stratified split.")
    Path splitFile;

    @Option(names = "--split-id-column", paramLabel = "NAME", description = "Id column of the split file (default: its"
            + " first column).")
    String splitIdColumn;

    @Option(names = "--split-column", paramLabel = "NAME", description = "Split column (default ${DEFAULT-VALUE}).")
    String splitColumn = "split";

    @Option(names = "--val-fraction", description = "Grouped split: validation share (default ${DEFAULT-VALUE}).")
    double valFraction = 0.15;

    @Option(names = "--test-fraction", description = "Grouped split: test share (default ${DEFAULT-VALUE}).")
    double testFraction = 0.15;

    @Option(names = "--seed", description = "Split seed (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--reference", description = "What the feature grid is relative to: ${COMPLETION-CANDIDATES}"
            + " (default ${DEFAULT-VALUE}: Larch's E0 of each spectrum).")
    EnergyReference reference = EnergyReference.EDGE_E0;

    @Option(names = "--grid", paramLabel = "LO:HI:STEP|native[:LO:HI]", description = "Feature grid in eV relative"
            + " to the reference, or 'native' (the spectra's own absolute grid, with --reference ABSOLUTE; native:LO:HI"
            + " keeps its points between LO and HI eV). Default ${DEFAULT-VALUE}.")
    String grid = "-25:60:1";

    @Option(names = "--grid-stride", description = "Keep every N-th grid point (default ${DEFAULT-VALUE}).")
    int gridStride = 1;

    @Option(names = "--grid-keep", paramLabel = "LO:HI", description = "With --grid-stride: keep every grid point"
            + " between LO and HI eV (same reference as --grid) as well, e.g. the pre-edge and rising edge.")
    String gridKeep;

    @Option(names = "--derivative", paramLabel = "SCALE", description = "Add dmu/dE features times SCALE (default: none).")
    double derivative;

    @Option(names = "--smoothing", paramLabel = "SIGMA_EV", description = "Gaussian smoothing before sampling (default: none).")
    double smoothingEv;

    @Option(names = "--renormalise", paramLabel = "PRE_LO:PRE_HI:NORM_LO:NORM_HI", description = "Bring every"
            + " spectrum (training and classified) to one edge step before sampling: (mu - its mean over PRE_LO..PRE_HI)"
            + " / its mean over NORM_LO..NORM_HI, minus the same pre-edge mean (eV, same reference as --grid, inside"
            + " the grid). Use it when training and measured spectra were normalised differently.")
    String renormalise;

    @Option(names = "--calibrate-against", paramLabel = "CSV", description = "Measured reference table (as for"
            + " evaluate --measured): shift simulated training spectra by the median half-height edge of its"
            + " single-site references of valence 2 or 3 minus that of the training spectra (95%% bootstrap interval"
            + " in the descriptor). Needs --renormalise.")
    Path calibrateAgainst;

    @Option(names = "--root", paramLabel = "DIR", description = "Folder the --calibrate-against table's paths are"
            + " relative to (default: the current folder).")
    Path root = Path.of("");

    @Option(names = "--white-line-check", description = "Flag spectra whose white line (highest renormalised mu) is"
            + " below that of 99.5%% of the training spectra, e.g. metal foils. Needs --renormalise.")
    boolean whiteLineCheck;

    @Option(names = "--domain-grid-to", paramLabel = "HI_EV", description = "Fit the applicability check on the"
            + " feature grid continued (same step) to HI_EV, same reference as --grid, while the classifier keeps"
            + " --grid: the check then sees more of the spectrum than the answer needs (e.g. the first EXAFS"
            + " oscillation, where a metal foil differs from an oxide); spectra must reach HI_EV to be answered."
            + " Default: the classifier's grid.")
    Double domainGridToEv;

    @Option(names = "--domain-noise", paramLabel = "COPIES:SD", description = "Fit the applicability check on the"
            + " training spectra plus COPIES noisy copies of each (white noise of SD edge steps per point) and set its"
            + " thresholds on the validation spectra plus as many, so that measured spectra are not refused for"
            + " noise alone (e.g. 2:0.005). Default: the spectra as they are.")
    String domainNoise;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "MODEL", description = "Model bundle (.zip).")
    Path output;

    @Option(names = "--report", paramLabel = "FILE", description = "Evaluation report (default: MODEL with .html).")
    Path report;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        data.require(spec.commandLine());
        try {
            Element el = Element.ofSymbol(element);
            LearnerSpec learnerSpec = LearnerSpec.of(learner, params);
            TrainingRequest.Search searchPlan = new TrainingRequest.Search(TrainingRequest.Search.parse(search), select,
                    cvFolds, cvRepeats);
            // checks every searched name against the learner before the data are read
            searchPlan.candidates(learnerSpec);
            TrainingRequest.Split split = splitFile != null ? TrainingRequest.Split.read(splitFile, splitIdColumn, splitColumn)
                    : TrainingRequest.Split.grouped(valFraction, testFraction, seed);
            double[] keep = TrainingRequest.Grid.parseKeep(gridKeep);
            Augmentation noise = domainNoise(domainNoise);
            double[] window = TrainingRequest.Grid.parseNative(grid);
            TrainingRequest.Grid g = new TrainingRequest.Grid(reference, TrainingRequest.Grid.parse(grid), gridStride,
                    keep[0], keep[1], derivative, smoothingEv, TrainingRequest.Grid.parseRenormalisation(renormalise),
                    calibrateAgainst == null ? null : calibrationReferences(el, err), whiteLineCheck, window[0],
                    window[1]);
            Training.Loaded loaded = data.load(task, el, run, err);
            String label = data.columns(task).labelColumn();
            String name = data.data.get(0).getFileName() + " " + label;
            TrainingRequest plan = new TrainingRequest(el, task, new TrainingRequest.Classes(classes, merge,
                    new HashSet<>(drop), other, minClassCount), split, g, learnerSpec, searchPlan,
                    new TrainingOptions(balance, Augmentation.NONE, refitWithVal,
                            domainGridToEv == null ? Double.NaN : domainGridToEv, noise), name, sources(),
                    commandLine());
            Training.Trained t = Training.train(loaded.items(), plan, output);
            Path rep = report != null ? report : sibling(output, ".html");
            Report r = new Report("Training " + t.bundle().descriptor().name, Training.describe(t.bundle()),
                    loaded.report().rows(), List.of(), Optional.of(t.test()));
            Reports.emit(r, rep, null, spec.commandLine().getOut(), AtomicFiles.standard());
            if (t.selection() != null) {
                spec.commandLine().getOut().println("selected " + t.selection());
            }
            spec.commandLine().getOut().println(String.format(Locale.ROOT,
                    "model %s: test accuracy %.3f, balanced accuracy %.3f, macro-F1 %.3f (n = %d); report %s",
                    output, t.testMetrics().accuracy(), t.testMetrics().balancedAccuracy(),
                    t.testMetrics().macroF1(), t.testMetrics().n(), rep));
            return loaded.report().count(ReportRow.Status.FAILED) > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
        } catch (IOException | IllegalArgumentException | FeatureException e) {
            err.println("train: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    /**
     * The measured references of the calibration: the table's single-site rows of the element with valence 2 or 3,
     * read and normalised as classify does; files that fail are named and left out.
     */
    private TrainingRequest.CalibrationReferences calibrationReferences(Element el, PrintWriter err)
            throws IOException {
        MeasuredReferences refs = MeasuredReferences.read(calibrateAgainst);
        List<String> failures = new ArrayList<>();
        List<Spectrum> spectra = MeasuredScoring.normalised(StepCatalog.builtIn(),
                SimulationCalibration.referenceRows(refs, el), root, run.threads(), failures);
        failures.forEach(f -> err.println("train: calibration reference left out: " + f));
        return new TrainingRequest.CalibrationReferences(spectra, SimulationCalibration.referenceSet(el,
                calibrateAgainst.getFileName().toString()));
    }

    /** The input files, checksummed into the descriptor: data files (not folders), labels and split tables. */
    private List<TrainingPlan.Source> sources() {
        List<Path> files = new ArrayList<>();
        data.data.stream().filter(Files::isRegularFile).forEach(files::add);
        files.add(data.labels);
        if (splitFile != null) {
            files.add(splitFile);
        }
        if (calibrateAgainst != null) {
            files.add(calibrateAgainst);
        }
        return files.stream().distinct().map(f -> new TrainingPlan.Source(f.toString(), f)).toList();
    }

    /** The command line that rebuilds this model, recorded in its descriptor. */
    private String commandLine() {
        StringBuilder sb = new StringBuilder("xanesml train");
        sb.append(data.commandLine());
        sb.append(" --task ").append(task).append(" --element ").append(element).append(" --learner ").append(learner);
        params.forEach((k, v) -> sb.append(" --param ").append(k).append('=').append(v));
        search.forEach(s -> sb.append(" --search ").append(s));
        if (!search.isEmpty()) {
            sb.append(" --select ").append(select);
            if (select == TrainingRequest.Selection.CV) {
                sb.append(" --cv-folds ").append(cvFolds).append(" --cv-repeats ").append(cvRepeats);
            }
        }
        if (balance != ClassBalance.NONE) {
            sb.append(" --balance ").append(balance);
        }
        if (refitWithVal) {
            sb.append(" --refit-with-val");
        }
        if (!classes.isEmpty()) {
            sb.append(" --classes ").append(String.join(",", classes));
        }
        merge.forEach((k, v) -> DataOptions.append(sb, "--merge", k + "=" + v));
        drop.forEach(d -> DataOptions.append(sb, "--drop-class", d));
        if (other) {
            sb.append(" --other");
        }
        sb.append(" --min-class-count ").append(minClassCount);
        if (splitFile != null) {
            sb.append(" --split ").append(splitFile);
            DataOptions.append(sb, "--split-id-column", splitIdColumn);
            sb.append(" --split-column ").append(splitColumn);
        } else {
            sb.append(String.format(Locale.ROOT, " --val-fraction %s --test-fraction %s --seed %d", valFraction,
                    testFraction, seed));
        }
        sb.append(" --reference ").append(reference).append(" --grid ").append(grid);
        if (gridStride > 1) {
            sb.append(" --grid-stride ").append(gridStride);
        }
        if (gridKeep != null) {
            sb.append(" --grid-keep ").append(gridKeep);
        }
        if (derivative > 0) {
            sb.append(" --derivative ").append(derivative);
        }
        if (smoothingEv > 0) {
            sb.append(" --smoothing ").append(smoothingEv);
        }
        if (renormalise != null) {
            sb.append(" --renormalise ").append(renormalise);
        }
        if (calibrateAgainst != null) {
            sb.append(" --calibrate-against ").append(calibrateAgainst).append(" --root ").append(root);
        }
        if (whiteLineCheck) {
            sb.append(" --white-line-check");
        }
        if (domainGridToEv != null) {
            sb.append(" --domain-grid-to ").append(domainGridToEv);
        }
        if (domainNoise != null) {
            sb.append(" --domain-noise ").append(domainNoise);
        }
        return sb.append(" -o ").append(output).toString();
    }

    /** @return the noise copies --domain-noise asks for, {@link Augmentation#NONE} without it */
    static Augmentation domainNoise(String text) {
        if (text == null) {
            return Augmentation.NONE;
        }
        String[] p = text.split(":", -1);
        try {
            int copies = Integer.parseInt(p[0].strip());
            double sd = Double.parseDouble(p[1].strip());
            if (p.length != 2 || copies < 1 || !(sd > 0) || !Double.isFinite(sd)) {
                throw new NumberFormatException();
            }
            return Augmentation.noiseOnly(copies, sd);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("--domain-noise '" + text + "': expected COPIES:SD, a whole number of"
                    + " copies >= 1 and a noise standard deviation > 0 in edge-step units, e.g. 2:0.005");
        }
    }

    static Path sibling(Path file, String extension) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + extension);
    }
}

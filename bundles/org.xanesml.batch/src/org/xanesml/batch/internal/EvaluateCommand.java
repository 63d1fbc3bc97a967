/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.xanesml.classify.FeatureException;
import org.xanesml.classify.LabelledSpectrum;
import org.xanesml.classify.MeasuredEvaluation;
import org.xanesml.classify.MeasuredReferences;
import org.xanesml.classify.Metrics;
import org.xanesml.classify.ModelBundle;
import org.xanesml.classify.SplitRole;
import org.xanesml.classify.Task;
import org.xanesml.core.Element;
import org.xanesml.workflow.MeasuredScoring;
import org.xanesml.workflow.ModelSource;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepServices;
import org.xanesml.workflow.report.AtomicFiles;
import org.xanesml.workflow.report.Evaluation;
import org.xanesml.workflow.report.Report;
import org.xanesml.workflow.report.ReportFormat;
import org.xanesml.workflow.report.ReportRow;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xanesml evaluate}: model + labelled data -> metrics and confusion matrix. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = { "Evaluate a model on labelled spectra.",
                "Accuracy, balanced accuracy, macro-F1, per-class precision/recall and the confusion matrix (HTML"
                        + " reports draw it).",
                "With --measured, on measured reference spectra listed in a table (path, element, compound, sites,"
                        + " cn, geometry, oxidation_state, confidence): coverage (in-scope spectra answered in"
                        + " domain), accuracy of the answers, accuracy when forced, out-of-scope spectra flagged,"
                        + " confusion matrix." },
        footer = { "", "Examples:",
                "  xanesml evaluate -m fe-geometry.zip --data test-spectra/ --labels labels.csv",
                "  xanesml evaluate -m fe-k-cn \\",
                "      --data ../shared/data/xanesnet-fe/spectra.csv.gz \\",
                "      --labels ../shared/data/xanesnet-fe/labels.csv --label-column cn_cov115 \\",
                "      --exclude possible_pi_ligand=1 --split-role TEST \\",
                "      --split ../shared/golden/splits/xanesnet_fe_split.csv",
                "  xanesml evaluate -m cu-k-cn --data cu-scans/ --labels cu-labels.csv \\",
                "      -o evaluation.html",
                "  xanesml evaluate -m fe-k-cn --root ../shared \\",
                "      --measured ../shared/golden/measured/labels.csv" })
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = {"-m", "--model"}, required = true, description = "Model file or shipped model name.")
    String model;

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--element", paramLabel = "SYMBOL", description = "Absorber of a spectra table (default: the"
            + " model's element).")
    String element;

    @Option(names = "--merge", paramLabel = "LABEL=CLASS", description = "Rename a label as training did (repeatable).")
    Map<String, String> merge = new LinkedHashMap<>();

    @Option(names = "--split", paramLabel = "CSV", description = "Split file (id and 'split' columns): score only the"
            + " spectra of --split-role, e.g. the test split a model was trained without.")
    Path splitFile;

    @Option(names = "--split-id-column", paramLabel = "NAME", description = "Id column of the split file (default:"
            + " its first column).")
    String splitIdColumn;

    @Option(names = "--split-column", paramLabel = "NAME", description = "Split column (default ${DEFAULT-VALUE}).")
    String splitColumn = "split";

    @Option(names = "--split-role", description = "Split to score: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    SplitRole splitRole = SplitRole.TEST;

    @Option(names = "--measured", paramLabel = "CSV", description = "Measured reference table (path, element,"
            + " compound, sites, cn, geometry, oxidation_state, confidence): score the model on those files instead of"
            + " --data/--labels. Rows of confidence low, and mixed-site rows for CN and geometry, are left out.")
    Path measured;

    @Option(names = "--root", paramLabel = "DIR", description = "Folder the --measured table's paths are relative to"
            + " (default: the current folder).")
    Path root = Path.of("");

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Report file; default: text to stdout.")
    Path output;

    @Option(names = "--format", description = "${COMPLETION-CANDIDATES} (default: from the file name).")
    ReportFormat format;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (measured != null) {
            return measured(out, err);
        }
        data.require(spec.commandLine());
        try {
            ModelBundle bundle = Failures.loadModel(ModelSource::load, model);
            Task task = Task.valueOf(bundle.descriptor().task);
            Element el = element != null ? Element.ofSymbol(element) : Element.ofSymbol(bundle.descriptor().element);
            Training.Loaded loaded = data.load(task, el, run, err);
            List<LabelledSpectrum> items = new TrainingRequest.Classes(List.of(), merge, Set.of(), false, 1)
                    .apply(loaded.items());
            if (splitFile != null) {
                Map<String, SplitRole> roles = TrainingRequest.Split.read(splitFile, splitIdColumn, splitColumn).table();
                items = items.stream().filter(ls -> roles.get(ls.id()) == splitRole).toList();
                run.notes(err).println(items.size() + " labelled spectra in the " + splitRole + " split of " + splitFile);
            }
            Training.Evaluated e = Training.evaluate(bundle, items);
            out.println(String.format(Locale.ROOT, "%s on %s: n %d, accuracy %.3f, balanced accuracy %.3f, macro-F1 %.3f"
                    + " (%d not applicable, %d with labels outside the model's classes)", model, data.data,
                    e.evaluation().n(), e.evaluation().accuracy(), e.evaluation().balancedAccuracy(),
                    e.evaluation().macroF1(), e.notApplicable(), e.skippedUnknownClass()));
            if (output == null && format == null) {
                out.println(e.evaluation().text());
            } else {
                Report r = new Report("Evaluation of " + model, Training.describe(bundle), loaded.report().rows(),
                        List.of(), Optional.of(e.evaluation()));
                Reports.emit(r, output, format, out, AtomicFiles.standard());
            }
            return loaded.report().count(ReportRow.Status.FAILED) > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
        } catch (StepException | IOException | IllegalArgumentException | FeatureException e) {
            err.println("evaluate: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    /** {@code --measured}: the model on measured references, through the steps classify runs. */
    private int measured(PrintWriter out, PrintWriter err) {
        try {
            ModelBundle bundle = Failures.loadModel(ModelSource::load, model);
            MeasuredReferences refs = MeasuredReferences.read(measured);
            MeasuredEvaluation e;
            try (StepServices steps = StepServices.open()) {
                e = MeasuredScoring.score(steps.catalog().steps(), refs, root, model, bundle, run.threads());
            }
            if (e.cases().isEmpty()) {
                err.println("evaluate: no row of " + measured + " scores " + model + " (element "
                        + bundle.descriptor().element + ", task " + bundle.descriptor().task + ")");
                return ExitCodes.FAILURE;
            }
            String text = "Measured references " + measured + " (root " + root.toAbsolutePath().normalize() + ")\n"
                    + e.text();
            out.println(model + " on measured references:");
            if (output == null && format == null) {
                out.print(text);
            } else {
                Metrics a = e.answeredMetrics();
                Optional<Evaluation> ev = a == null ? Optional.empty() : Optional.of(new Evaluation(model
                        + " (measured, answered in domain)", e.classes(), a.confusion(), a.n(), a.accuracy(),
                        a.balancedAccuracy(), a.macroF1(), text));
                Map<String, String> info = new LinkedHashMap<>(Training.describe(bundle));
                info.put("measured references", text);
                Report r = new Report("Evaluation of " + model + " on measured references", info, List.of(), List.of(),
                        ev);
                Reports.emit(r, output, format, out, AtomicFiles.standard());
            }
            long unread = e.cases().stream().filter(c -> c.prediction() == null).count();
            return unread > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
        } catch (StepException | IOException | IllegalArgumentException e) {
            err.println("evaluate: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }
}

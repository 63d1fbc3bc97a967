/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.xanesml.classify.DataSet;
import org.xanesml.classify.DataSetBuilder;
import org.xanesml.classify.EnergyReference;
import org.xanesml.classify.FeatureRecipe;
import org.xanesml.classify.LabelTable;
import org.xanesml.classify.LabelledSpectrum;
import org.xanesml.classify.LearnerSpec;
import org.xanesml.classify.LocalEnvironmentClassifier;
import org.xanesml.classify.Metrics;
import org.xanesml.classify.ModelBuilder;
import org.xanesml.classify.ModelBundle;
import org.xanesml.classify.ModelDescriptor;
import org.xanesml.classify.Prediction;
import org.xanesml.classify.SplitRole;
import org.xanesml.classify.Task;
import org.xanesml.classify.TrainedModel;
import org.xanesml.classify.TrainingMonitor;
import org.xanesml.classify.TrainingOptions;
import org.xanesml.classify.TrainingPlan;
import org.xanesml.core.Element;
import org.xanesml.workflow.Pipeline;
import org.xanesml.workflow.PipelineRunner;
import org.xanesml.workflow.SpectrumRecord;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepServices;
import org.xanesml.workflow.WorkItem;
import org.xanesml.workflow.report.Evaluation;
import org.xanesml.workflow.report.Report;

/**
 * Training and evaluation on a labelled folder: spectra are read and normalised by the same pipeline steps the
 * classify command uses (so training and use see identical preprocessing), placed on an E0-relative grid and fed
 * to a Weka learner. The model bundle records recipe, learner, split sizes, test metrics and the applicability
 * domain (thresholds from the validation split).
 */
final class Training {
    /** Default feature grid relative to E0: pre-edge to above the white line, 1 eV apart. */
    static final double GRID_FIRST_EV = -25;
    static final double GRID_LAST_EV = 60;
    static final double GRID_STEP_EV = 1.0;

    private Training() {
    }

    /** Normalised spectra of a labelled folder, with the inputs that failed. */
    /**
     * @param unlabelled  spectra the labels table does not list
     * @param filteredOut spectra whose rows --where or --exclude removed
     */
    record Loaded(List<LabelledSpectrum> items, Report report, int unlabelled, int filteredOut) {
    }

    /** Reads and normalises every input; keeps the spectra with a label in the table. */
    static Loaded load(List<Path> files, LabelTable labels, int threads, PipelineRunner.Listener progress)
            throws IOException {
        Pipeline p = new Pipeline("load labelled spectra", "read and normalise", List.of())
                .then("read", Map.of()).then("normalise", Map.of());
        List<LabelledSpectrum> items = new ArrayList<>();
        int[] unlabelled = {0};
        int[] filteredOut = {0};
        PipelineRunner.Listener listener = new PipelineRunner.Listener() {
            @Override
            public void finished(int done, int total, Path source, List<org.xanesml.workflow.report.ReportRow> rows) {
                if (progress != null) {
                    progress.finished(done, total, source, rows);
                }
            }

            @Override
            public void item(WorkItem item) {
                for (SpectrumRecord r : item.spectra()) {
                    if (r.failed()) {
                        continue;
                    }
                    String label = labels.labelOf(r.id(), item.source());
                    if (label == null && labels.filteredOut(List.of(r.id()), item.source())) {
                        filteredOut[0]++;
                    } else if (label == null) {
                        unlabelled[0]++;
                    } else {
                        items.add(new LabelledSpectrum(r.current(), label, r.id()));
                    }
                }
            }
        };
        PipelineRunner.RunResult result;
        // the registered steps where the command runs inside OSGi, the built-in ones on a plain class path
        try (StepServices steps = StepServices.open()) {
            result = steps.catalog().runner().run(p, files, new PipelineRunner.Options(threads, 0, listener));
        } catch (StepException e) {
            throw new IOException("the processing steps are not available: " + e.getMessage(), e);
        }
        return new Loaded(items, result.report(), unlabelled[0], filteredOut[0]);
    }

    /** A trained model with its test evaluation and, after a search, how its hyper-parameters were chosen. */
    record Trained(ModelBundle bundle, Evaluation test, Metrics testMetrics, String selection) {
    }

    static FeatureRecipe defaultRecipe() {
        int n = (int) Math.round((GRID_LAST_EV - GRID_FIRST_EV) / GRID_STEP_EV) + 1;
        double[] grid = new double[n];
        for (int i = 0; i < n; i++) {
            grid[i] = GRID_FIRST_EV + i * GRID_STEP_EV;
        }
        return FeatureRecipe.mu(EnergyReference.EDGE_E0, grid);
    }

    /**
     * Trains on a grouped stratified split (70/15/15), fits the applicability domain, evaluates on the test split
     * and writes the model bundle atomically.
     *
     * @throws IllegalArgumentException when the data cannot form a data set (too few classes or spectra)
     */
    static Trained train(List<LabelledSpectrum> items, Element element, Task task, LearnerSpec learner, String dataName,
            long seed, Path modelFile, String command) throws IOException {
        TrainingRequest plan = new TrainingRequest(element, task, TrainingRequest.Classes.all(5),
                TrainingRequest.Split.grouped(0.15, 0.15, seed), new TrainingRequest.Grid(EnergyReference.EDGE_E0,
                        defaultRecipe().gridEv(), 1, Double.NaN, Double.NaN, 0, 0), learner,
                TrainingRequest.Search.none(), TrainingOptions.DEFAULT, dataName, List.of(), command);
        return train(items, plan, modelFile);
    }

    /**
     * Builds the data set the request asks for (classes, split) and the feature recipe, and hands both to
     * {@link ModelBuilder}, which chooses among the candidates, trains, scores, fits the applicability domain and
     * writes the model bundle atomically.
     *
     * @throws IllegalArgumentException when the data cannot form a data set (too few classes or spectra)
     */
    static Trained train(List<LabelledSpectrum> items, TrainingRequest rq, Path modelFile) throws IOException {
        DataSetBuilder builder = new DataSetBuilder().name(rq.dataName()).task(rq.task());
        rq.classes().configure(builder);
        rq.split().configure(builder);
        DataSet data = builder.build(rq.classes().apply(items));
        if (data.classes().size() < 2) {
            throw new IllegalArgumentException(rq.dataName() + ": " + data.classes().size() + " class(es) "
                    + data.classes() + " with at least " + rq.classes().minCount() + " spectra; a classifier needs 2"
                    + " or more");
        }
        FeatureRecipe recipe = rq.grid().recipe(data.of(SplitRole.TRAIN).stream()
                .map(e -> e.item().spectrum()).toList());
        TrainingRequest.Search search = rq.search();
        TrainingPlan.Selection selection = search.selection() == TrainingRequest.Selection.CV
                ? TrainingPlan.Selection.crossValidation(search.folds(), search.repeats())
                : TrainingPlan.Selection.VALIDATION;
        String dataSet = rq.dataName() + (rq.split().file() == null ? String.format(Locale.ROOT,
                ", grouped stratified split val %.2f test %.2f seed %d", rq.split().valFraction(),
                rq.split().testFraction(), rq.split().seed()) : ", split file " + rq.split().file());
        TrainingPlan plan = new TrainingPlan(null, rq.element(), rq.task(), recipe, search.candidates(rq.learner()),
                selection, rq.options(), new TrainingPlan.Provenance(dataSet, rq.sources(), rq.command(),
                        "fixed learner given on the command line"));
        ModelBuilder.Built built = ModelBuilder.buildTo(modelFile, data, plan, TrainingMonitor.NONE);
        ModelBundle bundle = ModelBundle.read(modelFile);
        return new Trained(bundle, evaluation(built.descriptor().name, data.classes(), built.test()), built.test(),
                built.search());
    }

    static Evaluation evaluation(String model, List<String> classes, Metrics m) {
        return new Evaluation(model, classes, m.confusion(), m.n(), m.accuracy(), m.balancedAccuracy(), m.macroF1(),
                m.report(classes));
    }

    /** Result of evaluating a model on labelled spectra. */
    record Evaluated(Evaluation evaluation, int skippedUnknownClass, int notApplicable, String firstRejection) {
    }

    /**
     * Classifies labelled spectra and compares with the labels. Spectra whose label is not a model class are
     * skipped (counted); not-applicable ones are still scored (counted), since users should see how the model
     * fares on them.
     */
    static Evaluated evaluate(ModelBundle bundle, List<LabelledSpectrum> items) {
        LocalEnvironmentClassifier c = new LocalEnvironmentClassifier(bundle);
        List<String> classes = c.classes();
        List<Integer> truth = new ArrayList<>();
        List<Integer> predicted = new ArrayList<>();
        int skipped = 0;
        int notApplicable = 0;
        String firstRejection = null;
        for (LabelledSpectrum ls : items) {
            int t = classes.indexOf(ls.label());
            if (t < 0) {
                skipped++;
                continue;
            }
            Prediction p = c.classify(ls.spectrum());
            if (p.probabilities().length == 0) {
                notApplicable++;
                firstRejection = firstRejection != null ? firstRejection : p.applicability().reason();
                continue;
            }
            if (!p.applicability().inDomain()) {
                notApplicable++;
            }
            truth.add(t);
            predicted.add(TrainedModel.argMax(p.probabilities()));
        }
        if (truth.isEmpty()) {
            throw new IllegalArgumentException("no labelled spectrum could be scored: labels match none of the model's"
                    + " classes " + classes + " or every spectrum was rejected (" + notApplicable + ")"
                    + (firstRejection == null ? "" : "; first: " + firstRejection));
        }
        Metrics m = Metrics.of(truth.stream().mapToInt(Integer::intValue).toArray(),
                predicted.stream().mapToInt(Integer::intValue).toArray(), classes.size());
        return new Evaluated(evaluation(bundle.descriptor().name, classes, m), skipped, notApplicable, firstRejection);
    }

    static Map<String, String> describe(ModelBundle b) {
        ModelDescriptor d = b.descriptor();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", d.name);
        m.put("element / edge", d.element + " " + d.edge);
        m.put("task", d.task);
        m.put("classes", String.join(", ", d.classes));
        m.put("learner", d.learner == null ? "" : d.learner.kind + " " + d.learner.wekaOptions);
        m.put("features", b.model().recipe().featureCount() + " (" + d.recipe.reference + " grid "
                + String.format(Locale.ROOT, "%.1f..%.1f eV", b.model().recipe().gridEv()[0],
                        b.model().recipe().gridEv()[b.model().recipe().gridSize() - 1]) + ")");
        m.put("energy placement", energyPlacement(d.recipe));
        if (d.training != null) {
            m.put("training data", d.training.dataSet + " (train " + d.training.trainSize + ", val "
                    + d.training.valSize + ", test " + d.training.testSize + ")");
        }
        for (ModelDescriptor.SplitMetrics s : d.metrics) {
            m.put(s.split + " metrics", String.format(Locale.ROOT, "n %d, accuracy %.3f, balanced %.3f, macro-F1 %.3f",
                    s.n, s.accuracy, s.balancedAccuracy, s.macroF1));
        }
        if (d.domain != null) {
            m.put("applicability domain", String.format(Locale.ROOT,
                    "%d components, thresholds at the %.2f validation quantile; in domain: val %.3f, test %.3f%s",
                    d.domain.axes.size(), d.domain.quantile, d.domain.valInDomainFraction,
                    d.domain.testInDomainFraction, d.domain.gridText()));
        }
        if (d.versions != null) {
            m.put("built with", "xanesml " + d.versions.xanesml + ", Weka " + d.versions.weka + ", Java "
                    + d.versions.java);
        }
        m.put("created", String.valueOf(d.created));
        m.put("payload", d.payload == null ? "" : d.payload.className + ", " + d.payload.sizeBytes + " bytes, sha256 "
                + d.payload.sha256);
        return m;
    }

    /** @return how a spectrum is placed on the model's grid: the energy reference, renormalisation and calibration */
    private static String energyPlacement(ModelDescriptor.Recipe r) {
        StringBuilder b = new StringBuilder(r.reference == null ? "unknown reference" : r.reference + " reference");
        if (r.renormalisation != null) {
            b.append(String.format(Locale.ROOT, "; renormalised over %.0f..%.0f / %.0f..%.0f eV",
                    r.renormalisation.preFromEv, r.renormalisation.preToEv, r.renormalisation.normFromEv,
                    r.renormalisation.normToEv));
        }
        if (r.calibration != null) {
            b.append(String.format(Locale.ROOT, "; simulations shifted %+.2f eV", r.calibration.shiftEv));
            if (r.calibration.shiftLowEv != null && r.calibration.shiftHighEv != null
                    && Double.isFinite(r.calibration.shiftLowEv) && Double.isFinite(r.calibration.shiftHighEv)) {
                b.append(String.format(Locale.ROOT, " (95%% CI %+.2f..%+.2f)", r.calibration.shiftLowEv,
                        r.calibration.shiftHighEv));
            }
            if (r.calibration.broadeningSigmaEv > 0) {
                b.append(String.format(Locale.ROOT, ", broadened %.2f eV", r.calibration.broadeningSigmaEv));
            }
        } else {
            b.append("; no simulation-to-experiment calibration");
        }
        return b.toString();
    }
}

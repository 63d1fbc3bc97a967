/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.xanesml.classify.ApplicabilityDomain;
import org.xanesml.classify.DataSet;
import org.xanesml.classify.DataSetBuilder;
import org.xanesml.classify.EnergyReference;
import org.xanesml.classify.Example;
import org.xanesml.classify.FeatureExtractor;
import org.xanesml.classify.FeatureMatrix;
import org.xanesml.classify.FeatureRecipe;
import org.xanesml.classify.LabelledSpectrum;
import org.xanesml.classify.LearnerSpec;
import org.xanesml.classify.LocalEnvironmentClassifier;
import org.xanesml.classify.Metrics;
import org.xanesml.classify.ModelBundle;
import org.xanesml.classify.ModelDescriptor;
import org.xanesml.classify.ModelSelection;
import org.xanesml.classify.ModelTrainer;
import org.xanesml.classify.Prediction;
import org.xanesml.classify.SplitRole;
import org.xanesml.classify.Task;
import org.xanesml.classify.TrainedModel;
import org.xanesml.classify.TrainingOptions;
import org.xanesml.core.Element;
import org.xanesml.core.Spectrum;
import org.xanesml.workflow.Pipeline;
import org.xanesml.workflow.PipelineRunner;
import org.xanesml.workflow.SpectrumRecord;
import org.xanesml.workflow.StepCatalog;
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
    record Loaded(List<LabelledSpectrum> items, Report report, int unlabelled) {
    }

    /** Reads and normalises every input; keeps the spectra with a label in the table. */
    static Loaded load(List<Path> files, LabelTable labels, int threads, PipelineRunner.Listener progress) {
        Pipeline p = new Pipeline("load labelled spectra", "read and normalise", List.of())
                .then("read", Map.of()).then("normalise", Map.of());
        List<LabelledSpectrum> items = new ArrayList<>();
        int[] unlabelled = {0};
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
                    if (label == null) {
                        unlabelled[0]++;
                    } else {
                        items.add(new LabelledSpectrum(r.current(), label, r.id()));
                    }
                }
            }
        };
        PipelineRunner.RunResult result = new PipelineRunner(StepCatalog.builtIn()).run(p, files,
                new PipelineRunner.Options(threads, 0, listener));
        return new Loaded(items, result.report(), unlabelled[0]);
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
        TrainingPlan plan = new TrainingPlan(element, task, TrainingPlan.Classes.all(5),
                TrainingPlan.Split.grouped(0.15, 0.15, seed), new TrainingPlan.Grid(EnergyReference.EDGE_E0,
                        defaultRecipe().gridEv(), 1, Double.NaN, Double.NaN, 0, 0), learner,
                TrainingPlan.Search.none(), TrainingOptions.DEFAULT,
                dataName, command);
        return train(items, plan, modelFile);
    }

    /**
     * Builds the data set the plan asks for (classes, split), trains, fits the applicability domain on the training
     * split with thresholds from the validation split, scores validation and test, and writes the model bundle
     * atomically.
     *
     * @throws IllegalArgumentException when the data cannot form a data set (too few classes or spectra)
     */
    static Trained train(List<LabelledSpectrum> items, TrainingPlan plan, Path modelFile) throws IOException {
        Element element = plan.element();
        Task task = plan.task();
        String dataName = plan.dataName();
        DataSetBuilder builder = new DataSetBuilder().name(dataName).task(task);
        plan.classes().configure(builder);
        plan.split().configure(builder);
        DataSet data = builder.build(plan.classes().apply(items));
        if (data.classes().size() < 2) {
            throw new IllegalArgumentException(dataName + ": " + data.classes().size() + " class(es) " + data.classes()
                    + " with at least " + plan.classes().minCount() + " spectra; a classifier needs 2 or more");
        }
        for (SplitRole role : SplitRole.values()) {
            if (data.of(role).isEmpty()) {
                throw new IllegalArgumentException(dataName + ": no spectra in the " + role + " split (check the"
                        + " split file's ids against the labels table's)");
            }
        }
        FeatureRecipe recipe = plan.grid().recipe(data.of(SplitRole.TRAIN).stream()
                .map(e -> e.item().spectrum()).toList());
        FeatureExtractor fx = new FeatureExtractor(recipe);
        requireCoverage(data, fx);
        boolean refit = plan.options().refitOnTrainAndVal();
        List<LearnerSpec> candidates = plan.search().candidates(plan.learner());
        LearnerSpec learner = candidates.get(0);
        String selection = "fixed learner given on the command line";
        if (candidates.size() > 1) {
            Chosen c = choose(data, recipe, candidates, plan.search(), plan.options());
            learner = c.learner();
            selection = c.text();
        }
        long t0 = System.nanoTime();
        TrainedModel model = ModelTrainer.train(data, recipe, learner, plan.options());
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        FeatureMatrix train = FeatureMatrix.of(data.of(SplitRole.TRAIN), fx);
        FeatureMatrix val = FeatureMatrix.of(data.of(SplitRole.VAL), fx);
        FeatureMatrix test = FeatureMatrix.of(data.of(SplitRole.TEST), fx);
        int k = data.classes().size();
        ApplicabilityDomain domain = ApplicabilityDomain.fit(train.x(), Math.min(10, train.rows() - 1))
                .withThresholdsFrom(val.x(), 0.99);
        // validation is scored by the fit on the training split alone, also when the delivered model is refitted
        Metrics mv = Metrics.of(val.y(), model.predictAll(val.x()), k);
        DataSet fitted = refit ? data.withValidationInTraining() : data;
        if (refit) {
            long t1 = System.nanoTime();
            model = ModelTrainer.train(fitted, recipe, learner, plan.options());
            trainSeconds = (System.nanoTime() - t1) / 1e9;
        }
        Metrics mt = Metrics.of(test.y(), model.predictAll(test.x()), k);

        ModelDescriptor d = new ModelDescriptor();
        d.name = dataName + " " + task + " " + learner;
        d.element = element.symbol();
        d.edge = "K";
        d.task = task.name();
        d.classes = new ArrayList<>(data.classes());
        d.recipe = ModelDescriptor.Recipe.of(recipe);
        if (recipe.reference() == EnergyReference.EDGE_E0) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Example e : data.of(SplitRole.TRAIN)) {
                double ref = fx.referenceEnergyEv(e.item().spectrum());
                lo = Math.min(lo, ref);
                hi = Math.max(hi, ref);
            }
            // The reference IS E0 here, so a spectrum carrying E0 needs no offset.
            d.recipe.e0ToReferenceOffsetEv = 0.0;
            d.recipe.referenceMinEv = lo;
            d.recipe.referenceMaxEv = hi;
        }
        d.learner = new ModelDescriptor.Learner();
        d.learner.kind = learner.kind().name();
        learner.params().forEach((name, value) -> {
            ModelDescriptor.Param p = new ModelDescriptor.Param();
            p.name = name;
            p.value = value;
            d.learner.params.add(p);
        });
        d.learner.wekaOptions = learner.wekaOptions();
        d.learner.classBalance = plan.options().balance().name();
        d.learner.augmentation = plan.options().augmentation().toString();
        d.learner.selection = selection + (refit ? "; validation metrics from the fit"
                + " on the training split alone, the delivered model refitted on training + validation" : "");
        d.training = new ModelDescriptor.Training();
        d.training.dataSet = dataName + (plan.split().file() == null ? String.format(Locale.ROOT,
                ", grouped stratified split val %.2f test %.2f seed %d", plan.split().valFraction(),
                plan.split().testFraction(), plan.split().seed()) : ", split file " + plan.split().file());
        d.training.trainSize = fitted.of(SplitRole.TRAIN).size();
        d.training.refittedOnTrainAndVal = refit;
        d.training.valSize = val.rows();
        d.training.testSize = test.rows();
        d.training.trainClassCounts = fitted.classCounts(SplitRole.TRAIN);
        d.training.trainSeconds = trainSeconds;
        d.training.rebuildCommand = plan.command();
        d.metrics.add(splitMetrics("val", mv));
        d.metrics.add(splitMetrics("test", mt));
        d.domain = ModelDescriptor.Domain.of(domain);
        d.domain.valInDomainFraction = inDomain(domain, val.x());
        d.domain.testInDomainFraction = inDomain(domain, test.x());
        d.versions = new ModelDescriptor.Versions();
        d.versions.xanesml = "0.1.0";
        d.versions.weka = weka.core.Version.VERSION;
        d.versions.java = System.getProperty("java.version");
        d.created = Instant.now().toString();
        writeAtomically(modelFile, d, model);
        ModelBundle bundle = ModelBundle.read(modelFile);
        return new Trained(bundle, evaluation(d.name, data.classes(), mt), mt, candidates.size() > 1 ? selection : null);
    }

    /** The searched learner and a line saying how it won. */
    private record Chosen(LearnerSpec learner, String text) {
    }

    /** Scores every candidate by macro-F1 (VAL or repeated cross-validation); TEST is not used. */
    private static Chosen choose(DataSet data, FeatureRecipe recipe, List<LearnerSpec> candidates,
            TrainingPlan.Search search, TrainingOptions options) {
        List<ModelSelection.Candidate> cs = candidates.stream()
                .map(l -> new ModelSelection.Candidate(recipe, l, options)).toList();
        String scores;
        LearnerSpec best;
        String how;
        if (search.selection() == TrainingPlan.Selection.CV) {
            ModelSelection.CvResult r = ModelSelection.byRepeatedCrossValidation(data, cs, search.folds(),
                    search.repeats());
            scores = r.scoresText();
            best = r.best().candidate().learner();
            how = String.format(Locale.ROOT, "chosen by macro-F1 of %d x %d-fold grouped cross-validation over"
                    + " training + validation", search.repeats(), search.folds());
        } else {
            ModelSelection.Result r = ModelSelection.onValidation(data, cs);
            scores = r.scoresText();
            best = r.best().candidate().learner();
            how = "chosen by validation macro-F1 (fit on the training split)";
        }
        return new Chosen(best, best + " " + how + " among " + candidates.size() + " candidates ("
                + scores + ")");
    }

    /**
     * A model rejects spectra that leave grid points uncovered (classify does not extrapolate), so a grid wider than
     * the training data would make a model that refuses its own training spectra: refuse it here, with the range.
     */
    private static void requireCoverage(DataSet data, FeatureExtractor fx) {
        int uncovered = 0;
        double loEv = Double.NEGATIVE_INFINITY;
        double hiEv = Double.POSITIVE_INFINITY;
        for (Example e : data.examples()) {
            Spectrum s = e.item().spectrum();
            double ref = fx.recipe().reference() == EnergyReference.ABSOLUTE ? 0 : fx.referenceEnergyEv(s);
            loEv = Math.max(loEv, s.minEnergyEv() - ref);
            hiEv = Math.min(hiEv, s.maxEnergyEv() - ref);
            if (fx.uncoveredPoints(s) > 0) {
                uncovered++;
            }
        }
        if (uncovered > 0) {
            double[] g = fx.recipe().gridEv();
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%d of %d spectra do not cover the feature"
                    + " grid %.1f..%.1f eV (%s); all of them cover %.1f..%.1f eV: choose --grid inside that range",
                    uncovered, data.examples().size(), g[0], g[g.length - 1], fx.recipe().reference(), loEv, hiEv));
        }
    }

    /** ModelBundle.write writes in place; a temp file beside the target and a rename make it atomic. */
    static void writeAtomically(Path modelFile, ModelDescriptor d, TrainedModel model) throws IOException {
        Path abs = modelFile.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".part");
        try {
            ModelBundle.write(tmp, d, model.classifier());
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static Evaluation evaluation(String model, List<String> classes, Metrics m) {
        return new Evaluation(model, classes, m.confusion(), m.n(), m.accuracy(), m.balancedAccuracy(), m.macroF1(),
                m.report(classes));
    }

    private static ModelDescriptor.SplitMetrics splitMetrics(String split, Metrics m) {
        // no bootstrap intervals or calibration error here yet: the descriptor records NaN for them
        return ModelDescriptor.SplitMetrics.of(split, m, null, Double.NaN);
    }

    private static double inDomain(ApplicabilityDomain dom, double[][] x) {
        int in = 0;
        for (double[] r : x) {
            if (dom.score(r).combined() <= 1.0) {
                in++;
            }
        }
        return x.length == 0 ? 0 : (double) in / x.length;
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
                    "%d components, thresholds at the %.2f validation quantile; in domain: val %.3f, test %.3f",
                    d.domain.axes.size(), d.domain.quantile, d.domain.valInDomainFraction,
                    d.domain.testInDomainFraction));
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
}

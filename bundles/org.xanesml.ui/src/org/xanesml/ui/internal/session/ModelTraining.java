/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.xanesml.classify.ApplicabilityDomain;
import org.xanesml.classify.DataSet;
import org.xanesml.classify.DataSetBuilder;
import org.xanesml.classify.EnergyReference;
import org.xanesml.classify.FeatureExtractor;
import org.xanesml.classify.FeatureImportance;
import org.xanesml.classify.FeatureMatrix;
import org.xanesml.classify.FeatureRecipe;
import org.xanesml.classify.LabelledSpectrum;
import org.xanesml.classify.LearnerSpec;
import org.xanesml.classify.Metrics;
import org.xanesml.classify.ModelBundle;
import org.xanesml.classify.ModelDescriptor;
import org.xanesml.classify.ModelSelection;
import org.xanesml.classify.ModelTrainer;
import org.xanesml.classify.SplitRole;
import org.xanesml.classify.Task;
import org.xanesml.classify.TrainedModel;
import org.xanesml.classify.TrainingOptions;
import org.xanesml.core.Spectrum;

/**
 * What the Train Model wizard does, without the wizard: labelled spectra from a folder and a label table, a grouped
 * stratified split, one learner, metrics on validation and test, an applicability domain and energy-resolved
 * importance, written as a model bundle. Spectra are normalised like the operator's (Larch pre_edge, automatic) and
 * put on an E0-relative grid, so the model applies to what the Spectrum view shows.
 */
public final class ModelTraining {
    /** Components of the applicability domain's PCA, capped by the training set size. */
    static final int DOMAIN_COMPONENTS = 10;
    /** Domain thresholds at this validation quantile: 1% of validation spectra are flagged. */
    static final double DOMAIN_QUANTILE = 0.99;
    static final int BOOTSTRAP_RESAMPLES = 500;

    /**
     * @param spectraFolder folder with the spectrum files
     * @param labelTable    CSV "file,label[,group]": file names relative to the folder; group keeps related spectra
     *                      (one material) on one side of the split
     * @param task          what the labels are
     * @param learners      the Weka learner with its parameters; several (a hyper-parameter search) are scored on the
     *                      validation split by macro-F1 and the best is delivered
     * @param valFraction   fraction of groups for validation (domain thresholds, importance)
     * @param testFraction  fraction of groups held out for the reported accuracy
     * @param gridFromEv    feature grid start relative to E0
     * @param gridToEv      feature grid end relative to E0
     * @param gridStepEv    feature grid step
     * @param seed          split and learner seed
     * @param output        the model file to write
     */
    public record Request(Path spectraFolder, Path labelTable, Task task, List<LearnerSpec> learners,
            double valFraction, double testFraction, double gridFromEv, double gridToEv, double gridStepEv, long seed,
            Path output) {
        /** One learner, no search. */
        public Request(Path spectraFolder, Path labelTable, Task task, LearnerSpec learner, double valFraction,
                double testFraction, double gridFromEv, double gridToEv, double gridStepEv, long seed, Path output) {
            this(spectraFolder, labelTable, task, List.of(learner), valFraction, testFraction, gridFromEv, gridToEv,
                    gridStepEv, seed, output);
        }

        public Request {
            learners = List.copyOf(learners);
            if (learners.isEmpty()) {
                throw new IllegalArgumentException("no learner to train");
            }
            Objects.requireNonNull(spectraFolder, "spectraFolder");
            Objects.requireNonNull(labelTable, "labelTable");
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(output, "output");
            if (!(gridStepEv > 0) || !(gridToEv > gridFromEv)) {
                throw new IllegalArgumentException("feature grid " + gridFromEv + ".." + gridToEv + " eV step "
                        + gridStepEv + ": need from < to and a positive step");
            }
        }
    }

    /**
     * Parses the wizard's parameter text, "name=value, name=v1|v2|v3": a name with several values is searched, the
     * learners returned are every combination (one learner when nothing is searched).
     *
     * @throws IllegalArgumentException naming the part that is not name=number(|number...) or a parameter the
     *                                  learner does not take
     */
    public static List<LearnerSpec> learners(LearnerSpec.Kind kind, String text) {
        Map<String, Double> fixed = new TreeMap<>();
        Map<String, List<Double>> searched = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new IllegalArgumentException("'" + part.strip() + "': expected name=value or name=v1|v2");
            }
            String name = kv[0].strip();
            if (fixed.containsKey(name) || searched.containsKey(name)) {
                throw new IllegalArgumentException("'" + part.strip() + "': " + name + " is given twice");
            }
            List<Double> values = new ArrayList<>();
            for (String v : kv[1].split("\\|", -1)) {
                try {
                    values.add(Double.parseDouble(v.strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + part.strip() + "': '" + v.strip() + "' is not a number");
                }
            }
            if (values.size() == 1) {
                fixed.put(name, values.get(0));
            } else {
                searched.put(name, values);
            }
        }
        return LearnerSpec.grid(kind, fixed, searched);
    }

    /** The written model and its test metrics, plus labelled files that had to be left out and why. */
    public record Result(LoadedModel model, Metrics test, List<String> skipped) {
    }

    /** One row of the label table. */
    record Label(String file, String label, String group) {
    }

    private ModelTraining() {
    }

    /** Parses "file,label[,group]" rows; a first row naming the columns ("file", "label") is skipped. */
    static List<Label> readLabels(Path table) throws IOException {
        List<Label> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(table);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (i == 0 && cells.length >= 2 && cells[0].strip().equalsIgnoreCase("file")) {
                continue;
            }
            if (cells.length < 2 || cells[0].isBlank() || cells[1].isBlank()) {
                throw new IOException(table + " line " + (i + 1) + ": expected 'file,label[,group]', got '" + line
                        + "'");
            }
            out.add(new Label(cells[0].strip(), cells[1].strip(), cells.length > 2 ? cells[2].strip() : null));
        }
        if (out.isEmpty()) {
            throw new IOException(table + ": no labelled rows");
        }
        return out;
    }

    /**
     * Trains and writes the model. {@code progress} receives one sentence per stage; {@code cancelled} is polled
     * between files and stages (Weka's own training cannot be interrupted).
     * @throws IOException when the label table or the output cannot be read or written
     * @throws IllegalArgumentException when the data do not make a usable training set (too few classes or spectra)
     */
    public static Result train(Request rq, Consumer<String> progress, java.util.function.BooleanSupplier cancelled)
            throws IOException, InterruptedException {
        List<Label> labels = readLabels(rq.labelTable());
        List<LabelledSpectrum> items = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Label l : labels) {
            if (cancelled.getAsBoolean()) {
                throw new InterruptedException("training cancelled while reading spectra");
            }
            Path file = rq.spectraFolder().resolve(l.file());
            progress.accept("reading " + file.getFileName());
            try {
                List<AnalysisEntry> read = SpectrumFiles.read(file);
                AnalysisEntry e = read.get(0);
                if (e.normalization() == null && e.spectrum().muScale() != org.xanesml.core.MuScale.EDGE_NORMALIZED) {
                    skipped.add(l.file() + ": " + e.problem());
                    continue;
                }
                Spectrum s = SpectrumAnalysis.forClassification(e).toBuilder().id(l.file()).build();
                items.add(new LabelledSpectrum(s, l.label(), l.group()));
            } catch (IOException ex) {
                skipped.add(l.file() + ": " + ex.getMessage());
            }
        }
        DataSet data = new DataSetBuilder().name(rq.labelTable().getFileName().toString()).task(rq.task())
                .minClassCount(3).groupedSplit(rq.valFraction(), rq.testFraction(), rq.seed()).build(items);
        if (data.classes().size() < 2) {
            throw new IllegalArgumentException(rq.labelTable() + ": " + items.size() + " usable spectra give "
                    + data.classes().size() + " class(es) with at least 3 spectra; a classifier needs 2 or more");
        }
        for (SplitRole role : SplitRole.values()) {
            if (data.of(role).isEmpty()) {
                throw new IllegalArgumentException(rq.labelTable() + ": the " + role + " split is empty with "
                        + items.size() + " spectra; add spectra or change the split fractions");
            }
        }
        FeatureRecipe recipe = FeatureRecipe.mu(EnergyReference.EDGE_E0, grid(rq));
        LearnerSpec learner = rq.learners().get(0);
        String selection = "chosen by the operator in the Train Model wizard";
        if (rq.learners().size() > 1) {
            progress.accept("scoring " + rq.learners().size() + " candidates on the validation split");
            ModelSelection.Result chosen = ModelSelection.onValidation(data, rq.learners().stream()
                    .map(l -> new ModelSelection.Candidate(recipe, l, TrainingOptions.DEFAULT)).toList());
            if (cancelled.getAsBoolean()) {
                throw new InterruptedException("training cancelled during the search; no model written");
            }
            learner = chosen.best().candidate().learner();
            selection = learner + " chosen by validation macro-F1 among " + rq.learners().size()
                    + " candidates set in the Train Model wizard (" + chosen.scoresText() + ")";
        }
        progress.accept("training " + learner + " on " + data.of(SplitRole.TRAIN).size() + " spectra");
        long t0 = System.nanoTime();
        TrainedModel model = ModelTrainer.train(data, recipe, learner, TrainingOptions.DEFAULT);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        if (cancelled.getAsBoolean()) {
            throw new InterruptedException("training cancelled after fitting; no model written");
        }
        progress.accept("evaluating");
        FeatureExtractor fx = new FeatureExtractor(recipe);
        FeatureMatrix train = FeatureMatrix.of(data.of(SplitRole.TRAIN), fx);
        FeatureMatrix val = FeatureMatrix.of(data.of(SplitRole.VAL), fx);
        FeatureMatrix test = FeatureMatrix.of(data.of(SplitRole.TEST), fx);
        int k = data.classes().size();
        ModelDescriptor d = new ModelDescriptor();
        d.name = rq.output().getFileName().toString().replaceFirst("\\.zip$", "");
        d.element = commonElement(items);
        d.edge = "K";
        d.task = rq.task().name();
        d.classes = new ArrayList<>(data.classes());
        d.recipe = ModelDescriptor.Recipe.of(recipe);
        d.recipe.e0ToReferenceOffsetEv = 0.0;
        d.learner = new ModelDescriptor.Learner();
        d.learner.kind = learner.kind().name();
        learner.params().forEach((n, v) -> {
            ModelDescriptor.Param p = new ModelDescriptor.Param();
            p.name = n;
            p.value = v;
            d.learner.params.add(p);
        });
        d.learner.wekaOptions = learner.wekaOptions();
        d.learner.classBalance = TrainingOptions.DEFAULT.balance().name();
        d.learner.augmentation = TrainingOptions.DEFAULT.augmentation().toString();
        d.learner.selection = selection;
        d.training = new ModelDescriptor.Training();
        d.training.dataSet = data.name();
        ModelDescriptor.Source src = new ModelDescriptor.Source();
        src.path = rq.labelTable().toString();
        src.sha256 = ModelBundle.sha256(rq.labelTable());
        d.training.sources.add(src);
        d.training.trainSize = train.rows();
        d.training.valSize = val.rows();
        d.training.testSize = test.rows();
        d.training.trainClassCounts = data.classCounts(SplitRole.TRAIN);
        d.training.trainSeconds = trainSeconds;
        d.metrics.add(splitMetrics("val", val, model, k));
        ModelDescriptor.SplitMetrics testMetrics = splitMetrics("test", test, model, k);
        d.metrics.add(testMetrics);
        int components = Math.max(1, Math.min(DOMAIN_COMPONENTS, train.rows() - 1));
        ApplicabilityDomain domain = ApplicabilityDomain.fit(train.x(), components)
                .withThresholdsFrom(val.x(), DOMAIN_QUANTILE);
        d.domain = ModelDescriptor.Domain.of(domain);
        progress.accept("energy-resolved importance");
        FeatureImportance fi = FeatureImportance.compute(model, val, 5.0, 0.0, 2, rq.seed());
        d.importance = ModelDescriptor.Importance.of(fi, "permutation importance on the validation split: macro-F1 "
                + "drop when all features of a 5 eV window are shuffled jointly (2 repeats)");
        d.versions = new ModelDescriptor.Versions();
        d.versions.xanesml = "0.1.0";
        d.versions.weka = weka.core.Version.VERSION;
        d.versions.java = System.getProperty("java.version");
        d.created = Instant.now().toString();
        progress.accept("writing " + rq.output());
        ModelBundle.write(rq.output(), d, model.classifier());
        LoadedModel loaded = ModelFiles.load(rq.output().toString());
        Metrics mt = Metrics.of(test.y(), model.predictAll(test.x()), k);
        return new Result(loaded, mt, skipped);
    }

    static double[] grid(Request rq) {
        int n = (int) Math.floor((rq.gridToEv() - rq.gridFromEv()) / rq.gridStepEv() + 1e-9) + 1;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = rq.gridFromEv() + i * rq.gridStepEv();
        }
        return g;
    }

    private static String commonElement(List<LabelledSpectrum> items) {
        Map<String, Integer> counts = new HashMap<>();
        items.forEach(ls -> ls.spectrum().absorber().ifPresent(e -> counts.merge(e.symbol(), 1, Integer::sum)));
        if (counts.size() != 1) {
            throw new IllegalArgumentException("training spectra name " + (counts.isEmpty() ? "no absorber"
                    : "absorbers " + counts.keySet()) + "; a model is for one element, named in the files");
        }
        return counts.keySet().iterator().next();
    }

    private static ModelDescriptor.SplitMetrics splitMetrics(String split, FeatureMatrix fm, TrainedModel model,
            int k) {
        double[][] p = model.probabilitiesAll(fm.x());
        int[] pred = TrainedModel.argMax(p);
        Metrics m = Metrics.of(fm.y(), pred, k);
        Metrics.Interval[] ci = Metrics.bootstrap(fm.y(), pred, k, BOOTSTRAP_RESAMPLES, 0.95, 0);
        return ModelDescriptor.SplitMetrics.of(split, m, ci, Metrics.expectedCalibrationError(fm.y(), p, 10));
    }

    /** @return e.g. "accuracy 0.812, macro-F1 0.790" for the wizard's final page */
    public static String summary(Metrics m) {
        return String.format(Locale.ROOT, "test accuracy %.3f, balanced accuracy %.3f, macro-F1 %.3f on %d spectra",
                m.accuracy(), m.balancedAccuracy(), m.macroF1(), m.n());
    }
}

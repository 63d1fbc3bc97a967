/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

import org.xanesml.core.Spectrum;
import org.xanesml.preprocess.XanesNormalization;

/**
 * The one way a data set becomes a model bundle. Given a {@link DataSet} (TRAIN, VAL, TEST) and a
 * {@link TrainingPlan}, it
 * <ol>
 * <li>checks the data can make a classifier (two or more classes, no empty split, every spectrum covering the feature
 * grid, since a model does not extrapolate);</li>
 * <li>chooses among the plan's candidates, on VAL or by cross-validation over TRAIN + VAL, never on TEST;</li>
 * <li>fits the chosen configuration on TRAIN and scores VAL with it; refits on TRAIN + VAL when the options ask;</li>
 * <li>scores TEST once with the delivered model: accuracy, balanced accuracy, macro-F1 with bootstrap intervals,
 * calibration error;</li>
 * <li>fits the applicability domain on TRAIN with thresholds at a VAL quantile (on the classifier's features, or on
 * the recipe's grid continued as far as {@link TrainingOptions#domainGridToEv} says; both splits with perturbed copies
 * when {@link TrainingOptions#domainAugmentation} asks);</li>
 * <li>measures energy-resolved permutation importance on VAL with the train-only fit;</li>
 * <li>writes everything into the descriptor and, with {@link #buildTo}, the bundle atomically.</li>
 * </ol>
 */
public final class ModelBuilder {
    /** Bootstrap resamples behind every interval in a descriptor. */
    public static final int BOOTSTRAP_RESAMPLES = 2000;
    /** Validation quantile for the domain thresholds: about 1% of in-distribution spectra are flagged. */
    public static final double DOMAIN_QUANTILE = 0.99;
    /** PCA components of the applicability domain, fewer when the training split is smaller. */
    public static final int DOMAIN_COMPONENTS = 10;
    /** Importance: all features of a window this wide are shuffled together. */
    public static final double IMPORTANCE_WINDOW_EV = 5.0;
    public static final int IMPORTANCE_REPEATS = 3;
    /**
     * Where the absorption threshold (k = 0) lies on FEFF's Fermi-level-relative scale: FEFF puts it at the header's
     * {@code Mu}, whose median over the 5,299 OmniXAS Cu xmu.dat files is -7.56 eV (range -13.9..-3.8). Importance
     * regions of FEFF-relative grids are named relative to it.
     */
    static final double FEFF_THRESHOLD_ON_FERMI_SCALE_EV = -7.56;

    private ModelBuilder() {
    }

    /**
     * A trained model with everything measured about it.
     *
     * @param model         the delivered model (refitted on TRAIN + VAL when the plan says so)
     * @param descriptor    complete but for the payload section, which writing fills
     * @param domain        the applicability domain
     * @param validation    VAL metrics of the train-only fit
     * @param test          TEST metrics of the delivered model
     * @param testIntervals bootstrap intervals of the TEST metrics, indexed by {@link Metrics.Kind}
     * @param testEce       TEST expected calibration error (10 bins)
     * @param trainSeconds  fit time of the delivered model
     * @param testFeatures  the TEST features, for callers that report per-spectrum results
     * @param search        the search record when the plan searched, else null
     */
    public record Built(TrainedModel model, ModelDescriptor descriptor, ApplicabilityDomain domain, Metrics validation,
            Metrics test, Metrics.Interval[] testIntervals, double testEce, double trainSeconds,
            FeatureMatrix testFeatures, String search) {
    }

    /** Builds the model and writes the bundle to {@code file} atomically (nothing is written when cancelled). */
    public static Built buildTo(Path file, DataSet data, TrainingPlan plan, TrainingMonitor monitor)
            throws IOException {
        Built b = build(data, plan, monitor);
        checkCancelled(monitor, "before writing");
        monitor.stage("writing " + file);
        ModelBundle.write(file, b.descriptor(), b.model().classifier());
        return b;
    }

    /**
     * Builds the model in memory.
     *
     * @throws IllegalArgumentException when the data cannot make a classifier (the message says why)
     * @throws CancellationException    when the monitor cancelled
     * @throws IOException              when a source file cannot be checksummed
     */
    public static Built build(DataSet data, TrainingPlan plan, TrainingMonitor monitor) throws IOException {
        requireUsable(data);
        FeatureExtractor fx = new FeatureExtractor(plan.recipe());
        requireCoverage(data, fx);
        FeatureRecipe domainRecipe = plan.options().domainRecipe(plan.recipe());
        FeatureExtractor domainFx = domainRecipe.equals(plan.recipe()) ? fx : new FeatureExtractor(domainRecipe);
        if (domainFx != fx) {
            requireCoverage(data, domainFx);
        }
        String search = null;
        LearnerSpec learner = plan.candidates().get(0);
        if (plan.searches()) {
            checkCancelled(monitor, "before the search");
            Chosen c = choose(data, plan, monitor);
            learner = c.learner();
            search = c.text();
        }
        checkCancelled(monitor, "before fitting");
        monitor.stage("training " + learner + " on " + data.of(SplitRole.TRAIN).size() + " spectra");
        long t0 = System.nanoTime();
        TrainedModel selected = ModelTrainer.train(data, plan.recipe(), learner, plan.options());
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        checkCancelled(monitor, "after fitting");
        monitor.stage("scoring the validation split");
        int k = data.classes().size();
        FeatureMatrix val = FeatureMatrix.of(data.of(SplitRole.VAL), fx);
        FeatureMatrix test = FeatureMatrix.of(data.of(SplitRole.TEST), fx);
        Scores sv = Scores.of(selected, val, k);
        boolean refit = plan.options().refitOnTrainAndVal();
        DataSet fitted = refit ? data.withValidationInTraining() : data;
        TrainedModel model = selected;
        if (refit) {
            checkCancelled(monitor, "before the refit");
            monitor.stage("refitting on training + validation (" + fitted.of(SplitRole.TRAIN).size() + " spectra)");
            long t1 = System.nanoTime();
            model = ModelTrainer.train(fitted, plan.recipe(), learner, plan.options());
            trainSeconds = (System.nanoTime() - t1) / 1e9;
        }
        checkCancelled(monitor, "before testing");
        monitor.stage("scoring the test split");
        Scores st = Scores.of(model, test, k);
        monitor.stage("applicability domain");
        Augmentation noise = plan.options().domainAugmentation();
        FeatureMatrix domainVal = domainFx == fx ? val : FeatureMatrix.of(data.of(SplitRole.VAL), domainFx);
        FeatureMatrix domainTest = domainFx == fx ? test : FeatureMatrix.of(data.of(SplitRole.TEST), domainFx);
        double[][] domainTrain = withCopies(data.of(SplitRole.TRAIN), domainFx, noise, 0);
        ApplicabilityDomain domain = ApplicabilityDomain.fit(domainTrain, domainComponents(domainTrain.length))
                .withThresholdsFrom(noise.enabled() ? withCopies(data.of(SplitRole.VAL), domainFx, noise, 1)
                        : domainVal.x(), DOMAIN_QUANTILE);
        checkCancelled(monitor, "before the importance");
        monitor.stage("energy-resolved importance");
        // on validation spectra the train-only fit has not seen
        FeatureImportance fi = FeatureImportance.compute(selected, val, IMPORTANCE_WINDOW_EV,
                edgeOnGridEv(plan), IMPORTANCE_REPEATS, 0);

        ModelDescriptor d = new ModelDescriptor();
        d.name = plan.name() != null ? plan.name() : data.name() + " " + plan.task() + " " + learner;
        d.element = plan.element().symbol();
        d.edge = "K";
        d.task = plan.task().name();
        d.classes = new ArrayList<>(data.classes());
        d.recipe = recipe(plan.recipe(), data, fx);
        String chosen = search != null ? search : plan.provenance().chosenBy();
        d.learner = ModelDescriptor.Learner.of(learner, plan.options(), chosen + (refit
                ? "; validation metrics and importance from the fit on the training split alone, the delivered model"
                        + " then refitted on training + validation" : ""));
        d.training = new ModelDescriptor.Training();
        d.training.dataSet = plan.provenance().dataSet();
        for (TrainingPlan.Source s : plan.provenance().sources()) {
            ModelDescriptor.Source src = new ModelDescriptor.Source();
            src.path = s.path();
            src.sha256 = ModelBundle.sha256(s.file());
            d.training.sources.add(src);
        }
        d.training.trainSize = fitted.of(SplitRole.TRAIN).size();
        d.training.refittedOnTrainAndVal = refit;
        d.training.valSize = val.rows();
        d.training.testSize = test.rows();
        d.training.trainClassCounts = fitted.classCounts(SplitRole.TRAIN);
        d.training.trainSeconds = trainSeconds;
        d.training.rebuildCommand = plan.provenance().rebuildCommand();
        d.metrics.add(ModelDescriptor.SplitMetrics.of("val", sv.metrics(), sv.intervals(), sv.ece()));
        d.metrics.add(ModelDescriptor.SplitMetrics.of("test", st.metrics(), st.intervals(), st.ece()));
        d.domain = ModelDescriptor.Domain.of(domain);
        d.domain.gridEv = domainFx == fx ? null : domainRecipe.gridEv();
        if (noise.enabled()) {
            d.domain.method += String.format(Locale.ROOT, "; fitted on the training spectra and thresholded on the"
                    + " validation spectra each with %d perturbed copies (%s), so that measurement noise alone does"
                    + " not make a spectrum unlike the training data", noise.copies(), noise.describe());
        }
        d.domain.valInDomainFraction = domain.inDomainFraction(domainVal.x());
        d.domain.testInDomainFraction = domain.inDomainFraction(domainTest.x());
        d.importance = ModelDescriptor.Importance.of(fi, String.format(Locale.ROOT, "permutation importance on the"
                + " validation split: macro-F1 drop when all features of a %.0f eV window are shuffled jointly"
                + " (%d repeats)", IMPORTANCE_WINDOW_EV, IMPORTANCE_REPEATS));
        d.versions = ModelDescriptor.Versions.current();
        d.created = Instant.now().toString();
        return new Built(model, d, domain, sv.metrics(), st.metrics(), st.intervals(), st.ece(), trainSeconds, test,
                search);
    }

    /**
     * @return the features of the examples followed by those of {@code a.copies()} perturbed copies of each (the
     *         examples alone when {@code a} is disabled); {@code stream} separates the draws of different splits
     */
    private static double[][] withCopies(List<Example> examples, FeatureExtractor fx, Augmentation a, long stream) {
        java.util.Random rnd = new java.util.Random(a.seed() * 31 + stream);
        List<double[]> x = new ArrayList<>();
        for (Example e : examples) {
            x.add(fx.extract(e.item().spectrum()));
        }
        for (Example e : examples) {
            for (int c = 0; c < a.copies(); c++) {
                x.add(fx.extract(a.perturb(e.item().spectrum(), rnd)));
            }
        }
        return x.toArray(double[][]::new);
    }

    /** @return components of the domain's PCA: {@link #DOMAIN_COMPONENTS}, fewer for a small training split */
    public static int domainComponents(int trainRows) {
        return Math.max(1, Math.min(DOMAIN_COMPONENTS, trainRows - 1));
    }

    private static void checkCancelled(TrainingMonitor monitor, String where) {
        if (monitor.cancelled()) {
            throw new CancellationException("training cancelled " + where + "; no model written");
        }
    }

    /** Metrics of one split with their bootstrap intervals and calibration error. */
    private record Scores(Metrics metrics, Metrics.Interval[] intervals, double ece) {
        static Scores of(TrainedModel m, FeatureMatrix fm, int k) {
            double[][] p = m.probabilitiesAll(fm.x());
            int[] pred = TrainedModel.argMax(p);
            return new Scores(Metrics.of(fm.y(), pred, k),
                    Metrics.bootstrap(fm.y(), pred, k, BOOTSTRAP_RESAMPLES, 0.95, 0),
                    Metrics.expectedCalibrationError(fm.y(), p, 10));
        }
    }

    /** The searched learner and a sentence saying how it won, with every candidate's score. */
    private record Chosen(LearnerSpec learner, String text) {
    }

    private static Chosen choose(DataSet data, TrainingPlan plan, TrainingMonitor monitor) {
        List<ModelSelection.Candidate> cs = plan.candidates().stream()
                .map(l -> new ModelSelection.Candidate(plan.recipe(), l, plan.options())).toList();
        TrainingPlan.Selection sel = plan.selection();
        String scores;
        LearnerSpec best;
        if (sel.crossValidation()) {
            monitor.stage(String.format(Locale.ROOT, "scoring %d candidates by %d x %d-fold cross-validation",
                    cs.size(), sel.repeats(), sel.folds()));
            ModelSelection.CvResult r = ModelSelection.byRepeatedCrossValidation(data, cs, sel.folds(),
                    sel.repeats(), monitor::cancelled);
            scores = r.scoresText();
            best = r.best().candidate().learner();
        } else {
            monitor.stage("scoring " + cs.size() + " candidates on the validation split");
            ModelSelection.Result r = ModelSelection.onValidation(data, cs, monitor::cancelled);
            scores = r.scoresText();
            best = r.best().candidate().learner();
        }
        return new Chosen(best, best + " chosen by " + sel.text() + " among " + cs.size() + " candidates ("
                + (sel.crossValidation() ? "" : "fit on the training split; ") + scores + ")");
    }

    /**
     * The descriptor's recipe, with the reference range of the training spectra (a spectrum far outside is at another
     * edge) and, for grids not relative to E0 itself, the median E0-to-reference offset that places spectra carrying
     * only an E0 (measured ones). E0 is Larch's find_e0, the rule preprocessing uses.
     */
    private static ModelDescriptor.Recipe recipe(FeatureRecipe recipe, DataSet data, FeatureExtractor fx) {
        ModelDescriptor.Recipe r = ModelDescriptor.Recipe.of(recipe);
        if (recipe.reference() == EnergyReference.ABSOLUTE) {
            return r;
        }
        List<Double> offsets = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Example e : data.of(SplitRole.TRAIN)) {
            Spectrum s = e.item().spectrum();
            double ref = fx.referenceEnergyEv(s);
            lo = Math.min(lo, ref);
            hi = Math.max(hi, ref);
            if (recipe.reference() != EnergyReference.EDGE_E0) {
                offsets.add(XanesNormalization.findE0(s) - ref);
            }
        }
        offsets.sort(null);
        // on an E0-relative grid the reference is E0 itself: no offset
        r.e0ToReferenceOffsetEv = offsets.isEmpty() ? 0.0 : offsets.get(offsets.size() / 2);
        r.referenceMinEv = lo;
        r.referenceMaxEv = hi;
        return r;
    }

    /** The absorption edge on the recipe's energy axis: importance windows are named relative to it. */
    private static double edgeOnGridEv(TrainingPlan plan) {
        return switch (plan.recipe().reference()) {
            case ABSOLUTE -> {
                double e = plan.element().kEdgeEnergyEv();
                yield Double.isNaN(e) ? 0.0 : e;
            }
            case FEFF_FERMI_LEVEL -> FEFF_THRESHOLD_ON_FERMI_SCALE_EV;
            case EDGE_E0 -> 0.0;
        };
    }

    private static void requireUsable(DataSet data) {
        if (data.classes().size() < 2) {
            throw new IllegalArgumentException(data.name() + ": " + data.classes().size() + " class(es) "
                    + data.classes() + "; a classifier needs 2 or more");
        }
        for (SplitRole role : SplitRole.values()) {
            if (data.of(role).isEmpty()) {
                throw new IllegalArgumentException(data.name() + ": no spectra in the " + role + " split with "
                        + data.examples().size() + " spectra (check the split file's ids against the labels, or"
                        + " add spectra or change the split fractions)");
            }
        }
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
            double[] range = fx.placedRangeEv(s);
            loEv = Math.max(loEv, range[0]);
            hiEv = Math.min(hiEv, range[1]);
            if (fx.uncoveredPoints(s) > 0) {
                uncovered++;
            }
        }
        if (uncovered > 0) {
            double[] g = fx.recipe().gridEv();
            FeatureRecipe.Calibration c = fx.recipe().calibration();
            String shifted = c == null ? "" : String.format(Locale.ROOT, " once simulations are shifted by the"
                    + " calibration's %+.2f eV", c.shiftEv());
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%d of %d spectra do not cover the feature"
                    + " grid %.1f..%.1f eV (%s)%s; all of them cover %.2f..%.2f eV: choose a grid inside that range",
                    uncovered, data.examples().size(), g[0], g[g.length - 1], fx.recipe().reference(), shifted, loEv,
                    hiEv));
        }
    }
}

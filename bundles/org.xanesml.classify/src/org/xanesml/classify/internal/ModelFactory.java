/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.xanesml.classify.ApplicabilityDomain;
import org.xanesml.classify.FeatureExtractor;
import org.xanesml.classify.FeatureImportance;
import org.xanesml.classify.FeatureMatrix;
import org.xanesml.classify.Metrics;
import org.xanesml.classify.ModelDescriptor;
import org.xanesml.classify.ModelTrainer;
import org.xanesml.classify.SplitRole;
import org.xanesml.classify.TrainedModel;
import org.xanesml.classify.TrainingOptions;
import org.xanesml.preprocess.XanesNormalization;

/**
 * Trains a model for one benchmark configuration, evaluates it on VAL and TEST (bootstrap intervals, calibration
 * error), fits the applicability domain (thresholds on VAL), computes energy-resolved importance on VAL, and
 * assembles the descriptor. Shared by the train command, the accuracy benchmark and the retraining test.
 */
public final class ModelFactory {
    /** Validation quantile for the domain thresholds: about 1% of in-distribution spectra are flagged. */
    public static final double DOMAIN_QUANTILE = 0.99;
    public static final int DOMAIN_COMPONENTS = 10;
    public static final int BOOTSTRAP_RESAMPLES = 2000;

    private ModelFactory() {
    }

    /** A trained model with everything measured about it. */
    public record Built(TrainedModel model, ApplicabilityDomain domain, Metrics val, Metrics test,
            Metrics.Interval[] testIntervals, double testEce, double trainSeconds, ModelDescriptor descriptor,
            FeatureMatrix testFeatures) {
    }

    /**
     * @param selection how the configuration was chosen (descriptor text), e.g.
     *        {@link ShippedModels.Selection#text()}
     */
    public static Built build(BenchmarkData.Benchmark b, Experiments.Config c, String configText, String selection,
            Path shared, String rebuildCommand, boolean withImportance) throws IOException {
        long t0 = System.nanoTime();
        // the fit on the training split alone: what the configuration was chosen by, scored on validation
        TrainedModel selected = fit(b.data(), c);
        double trainS = (System.nanoTime() - t0) / 1e9;
        FeatureExtractor fx = new FeatureExtractor(c.recipe());
        FeatureMatrix val = FeatureMatrix.of(b.data().of(SplitRole.VAL), fx);
        FeatureMatrix test = FeatureMatrix.of(b.data().of(SplitRole.TEST), fx);
        int k = b.data().classes().size();
        double[][] valP = selected.probabilitiesAll(val.x());
        int[] predVal = TrainedModel.argMax(valP);
        Metrics mv = Metrics.of(val.y(), predVal, k);
        double valEce = Metrics.expectedCalibrationError(val.y(), valP, 10);
        Metrics.Interval[] valCi = Metrics.bootstrap(val.y(), predVal, k, BOOTSTRAP_RESAMPLES, 0.95, 0);
        boolean refit = c.options().refitOnTrainAndVal();
        org.xanesml.classify.DataSet fitted = refit ? b.data().withValidationInTraining() : b.data();
        TrainedModel model = selected;
        if (refit) {
            long t1 = System.nanoTime();
            model = fit(fitted, c);
            trainS = (System.nanoTime() - t1) / 1e9;
        }
        double[][] pTest = model.probabilitiesAll(test.x());
        int[] predTest = TrainedModel.argMax(pTest);
        Metrics mt = Metrics.of(test.y(), predTest, k);
        Metrics.Interval[] ci = Metrics.bootstrap(test.y(), predTest, k, BOOTSTRAP_RESAMPLES, 0.95, 0);
        double ece = Metrics.expectedCalibrationError(test.y(), pTest, 10);
        FeatureMatrix domainTrain = FeatureMatrix.of(b.data().of(SplitRole.TRAIN), fx);
        ApplicabilityDomain dom = ApplicabilityDomain.fit(domainTrain.x(), DOMAIN_COMPONENTS)
                .withThresholdsFrom(val.x(), DOMAIN_QUANTILE);

        ModelDescriptor d = new ModelDescriptor();
        d.name = b.key() + " " + configText;
        d.element = b.element().symbol();
        d.edge = "K";
        d.task = b.data().task().name();
        d.classes = new ArrayList<>(b.data().classes());
        d.recipe = ModelDescriptor.Recipe.of(c.recipe());
        if (c.recipe().reference() != org.xanesml.classify.EnergyReference.ABSOLUTE) {
            List<Double> offsets = new ArrayList<>();
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (org.xanesml.classify.Example e : b.data().of(SplitRole.TRAIN)) {
                org.xanesml.core.Spectrum s = e.item().spectrum();
                double ref = fx.referenceEnergyEv(s);
                offsets.add(XanesNormalization.findE0(s) - ref);
                lo = Math.min(lo, ref);
                hi = Math.max(hi, ref);
            }
            offsets.sort(null);
            d.recipe.e0ToReferenceOffsetEv = offsets.get(offsets.size() / 2);
            d.recipe.referenceMinEv = lo;
            d.recipe.referenceMaxEv = hi;
        }
        d.learner = new ModelDescriptor.Learner();
        d.learner.kind = c.learner().kind().name();
        c.learner().params().forEach((n, v) -> {
            ModelDescriptor.Param p = new ModelDescriptor.Param();
            p.name = n;
            p.value = v;
            d.learner.params.add(p);
        });
        d.learner.wekaOptions = c.learner().wekaOptions();
        d.learner.classBalance = c.options().balance().name();
        d.learner.augmentation = c.options().augmentation().toString();
        d.learner.selection = selection + " (config '" + configText + "')"
                + (refit ? "; validation metrics and importance from the fit on the training split alone, the"
                        + " delivered model then refitted on training + validation" : "");
        d.training = new ModelDescriptor.Training();
        d.training.dataSet = b.data().name();
        for (String rel : sources(b)) {
            ModelDescriptor.Source s = new ModelDescriptor.Source();
            s.path = rel;
            s.sha256 = shaOf(shared.resolve(rel));
            d.training.sources.add(s);
        }
        d.training.trainSize = fitted.of(SplitRole.TRAIN).size();
        d.training.refittedOnTrainAndVal = refit;
        d.training.valSize = val.rows();
        d.training.testSize = test.rows();
        d.training.trainClassCounts = fitted.classCounts(SplitRole.TRAIN);
        d.training.trainSeconds = trainS;
        d.training.rebuildCommand = rebuildCommand;
        d.metrics.add(splitMetrics("val", mv, valCi, valEce));
        d.metrics.add(splitMetrics("test", mt, ci, ece));
        d.domain = ModelDescriptor.Domain.of(dom);
        d.domain.valInDomainFraction = inDomain(dom, val.x());
        d.domain.testInDomainFraction = inDomain(dom, test.x());
        if (withImportance) {
            double edge = c.recipe().reference() == org.xanesml.classify.EnergyReference.ABSOLUTE
                    ? absoluteEdgeEv(b) : FEFF_THRESHOLD_ON_FERMI_SCALE_EV;
            // on validation spectra the model has not seen: the train-only fit (the same configuration)
            FeatureImportance fi = FeatureImportance.compute(selected, val, 5.0, edge, 3, 0);
            d.importance = ModelDescriptor.Importance.of(fi, "permutation importance on the validation split: "
                    + "macro-F1 drop when all features of a 5 eV window are shuffled jointly (3 repeats)");
        }
        d.versions = new ModelDescriptor.Versions();
        d.versions.xanesml = "0.1.0";
        d.versions.weka = weka.core.Version.VERSION;
        d.versions.java = System.getProperty("java.version");
        d.created = Instant.now().toString();
        return new Built(model, dom, mv, mt, ci, ece, trainS, d, test);
    }

    private static TrainedModel fit(org.xanesml.classify.DataSet data, Experiments.Config c) {
        FeatureMatrix train = ModelTrainer.trainingFeatures(data, c.recipe(), c.options().augmentation());
        return ModelTrainer.train(train, c.recipe(), data.classes(), c.learner(), c.options().balance(),
                c.options().augmentation().seed());
    }

    /**
     * Where the absorption threshold (k = 0) lies on FEFF's Fermi-level-relative scale: FEFF puts it at the
     * header's {@code Mu}, whose median over the 5,299 OmniXAS Cu xmu.dat files is -7.56 eV (range -13.9..-3.8).
     */
    static final double FEFF_THRESHOLD_ON_FERMI_SCALE_EV = -7.56;

    /** Fe K edge of the metal, eV: the absolute-grid recipes' region names are relative to it. */
    static double absoluteEdgeEv(BenchmarkData.Benchmark b) {
        return switch (b.element()) {
            case Fe -> 7112.0;
            case Cu -> 8979.0;
            default -> 0.0;
        };
    }

    static double inDomain(ApplicabilityDomain dom, double[][] x) {
        int in = 0;
        for (double[] r : x) {
            if (dom.score(r).combined() <= 1.0) {
                in++;
            }
        }
        return x.length == 0 ? 0 : (double) in / x.length;
    }

    static List<String> sources(BenchmarkData.Benchmark b) {
        return switch (b.element()) {
            case Cu -> List.of("data/omnixas-cu/spectra.csv.gz", "data/omnixas-cu/sites.csv",
                    "data/omnixas-cu/FEFF_Cu_xmu_POSCAR.tar.gz", "golden/splits/omnixas_cu_split.csv");
            case Fe -> List.of("data/xanesnet-fe/spectra.csv.gz", "data/xanesnet-fe/labels.csv",
                    "golden/splits/xanesnet_fe_split.csv");
            default -> List.of();
        };
    }

    private static String shaOf(Path p) throws IOException {
        return org.xanesml.classify.ModelBundle.sha256(p);
    }

    static ModelDescriptor.SplitMetrics splitMetrics(String split, Metrics m, Metrics.Interval[] ci, double ece) {
        return ModelDescriptor.SplitMetrics.of(split, m, ci, ece);
    }

    /** @return "0.912 [0.88, 0.94]" */
    public static String withCi(double v, Metrics.Interval i) {
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", v, i.low(), i.high());
    }

    static TrainingOptions options(Experiments.Config c) {
        return c.options();
    }
}

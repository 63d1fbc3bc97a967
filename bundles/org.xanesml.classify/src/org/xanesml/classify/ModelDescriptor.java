/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlList;
import jakarta.xml.bind.annotation.XmlRootElement;

import weka.core.Version;

/**
 * The XML descriptor of a model bundle ({@code descriptor.xml}): what the model predicts, from which features, how
 * it was trained and on what, how well it does, where it applies, what drives it, with which software, and the
 * SHA-256 of the serialized Weka payload. Plain JAXB binding classes: public fields, mutable only while a bundle is
 * being assembled or read.
 */
@XmlRootElement(name = "xanesmlModel")
@XmlAccessorType(XmlAccessType.FIELD)
public class ModelDescriptor {
    /** Bumped when the bundle layout or the meaning of a field changes; readers refuse other versions. */
    public static final int FORMAT_VERSION = 1;

    @XmlAttribute
    public int formatVersion = FORMAT_VERSION;
    @XmlElement
    public String name;
    @XmlElement
    public String element;
    @XmlElement
    public String edge;
    @XmlElement
    public String task;
    @XmlElementWrapper(name = "classes")
    @XmlElement(name = "class")
    public List<String> classes = new ArrayList<>();
    @XmlElement
    public Recipe recipe;
    @XmlElement
    public Learner learner;
    @XmlElement
    public Training training;
    @XmlElementWrapper(name = "metrics")
    @XmlElement(name = "split")
    public List<SplitMetrics> metrics = new ArrayList<>();
    @XmlElement
    public Domain domain;
    @XmlElement
    public Importance importance;
    @XmlElement
    public Versions versions;
    /** ISO-8601 instant of creation. */
    @XmlElement
    public String created;
    @XmlElement
    public Payload payload;

    /** The feature recipe. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Recipe {
        @XmlElement
        public String reference;
        /** Grid energies in eV, relative to the reference. */
        @XmlElement
        @XmlList
        public double[] gridEv;
        @XmlElement
        public boolean includeMu;
        @XmlElement
        public boolean includeDerivative;
        @XmlElement
        public double derivativeScale;
        @XmlElement
        public double smoothingSigmaEv;
        /** d2mu/dE2 features after dmu/dE; absent (false) in files written before it existed. */
        @XmlElement
        public Boolean includeSecondDerivative;
        /**
         * Median over training spectra of (edge energy E0 - reference energy): places spectra that carry an E0
         * (set by preprocessing) but not the reference, such as measured ones. Absent for absolute grids.
         */
        @XmlElement
        public Double e0ToReferenceOffsetEv;
        /** Range of the training spectra's reference energies, eV: a spectrum far outside is at another edge. */
        @XmlElement
        public Double referenceMinEv;
        @XmlElement
        public Double referenceMaxEv;
        /** Expected mu normalisation of inputs (edge-step normalised). */
        @XmlElement
        public String muScale;
        /**
         * The edge-step convention every spectrum is brought to before sampling ({@link FeatureRecipe.Renormalisation});
         * absent in files written before it existed, which use spectra at the height they come in.
         */
        @XmlElement
        public Renormalisation renormalisation;
        /**
         * The simulation-to-experiment calibration applied to the training spectra ({@link FeatureRecipe.Calibration});
         * absent when there is none (then the grid is on the training spectra's own energy scale).
         */
        @XmlElement
        public Calibration calibration;

        public static Recipe of(FeatureRecipe r) {
            Recipe x = new Recipe();
            x.reference = r.reference().name();
            x.gridEv = r.gridEv();
            x.includeMu = r.includeMu();
            x.includeDerivative = r.includeDerivative();
            x.derivativeScale = r.derivativeScale();
            x.smoothingSigmaEv = r.smoothingSigmaEv();
            x.includeSecondDerivative = r.includeSecondDerivative() ? Boolean.TRUE : null;
            x.muScale = "EDGE_NORMALIZED";
            x.renormalisation = r.renormalisation() == null ? null : Renormalisation.of(r.renormalisation());
            x.calibration = r.calibration() == null ? null : Calibration.of(r.calibration());
            return x;
        }

        public FeatureRecipe toRecipe() {
            return new FeatureRecipe(EnergyReference.valueOf(reference), gridEv, includeMu, includeDerivative,
                    derivativeScale, smoothingSigmaEv, Boolean.TRUE.equals(includeSecondDerivative),
                    renormalisation == null ? null : renormalisation.toRenormalisation(),
                    calibration == null ? null : calibration.toCalibration());
        }
    }

    /**
     * The recipe's renormalisation: windows in eV on the grid's energy axis, and the convention in words (written for
     * readers of the file; the numbers are what the model uses).
     */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Renormalisation {
        @XmlAttribute
        public double preFromEv;
        @XmlAttribute
        public double preToEv;
        @XmlAttribute
        public double normFromEv;
        @XmlAttribute
        public double normToEv;
        /** The lowest white line a classified spectrum may have; absent for no check. */
        @XmlAttribute
        public Double whiteLineMin;
        @XmlElement
        public String convention;

        public static Renormalisation of(FeatureRecipe.Renormalisation r) {
            Renormalisation x = new Renormalisation();
            x.preFromEv = r.preLoEv();
            x.preToEv = r.preHiEv();
            x.normFromEv = r.normLoEv();
            x.normToEv = r.normHiEv();
            x.whiteLineMin = Double.isNaN(r.whiteLineMin()) ? null : r.whiteLineMin();
            x.convention = r.describe();
            return x;
        }

        public FeatureRecipe.Renormalisation toRenormalisation() {
            return new FeatureRecipe.Renormalisation(preFromEv, preToEv, normFromEv, normToEv,
                    whiteLineMin == null ? Double.NaN : whiteLineMin);
        }
    }

    /**
     * The recipe's simulation-to-experiment calibration: energy shift with its 95% interval (absent when given by
     * hand), Gaussian broadening, and how they were estimated.
     */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Calibration {
        @XmlAttribute
        public double shiftEv;
        @XmlAttribute
        public Double shiftLowEv;
        @XmlAttribute
        public Double shiftHighEv;
        @XmlAttribute
        public double broadeningSigmaEv;
        @XmlElement
        public String basis;

        public static Calibration of(FeatureRecipe.Calibration c) {
            Calibration x = new Calibration();
            x.shiftEv = c.shiftEv();
            x.shiftLowEv = Double.isNaN(c.shiftLowEv()) ? null : c.shiftLowEv();
            x.shiftHighEv = Double.isNaN(c.shiftHighEv()) ? null : c.shiftHighEv();
            x.broadeningSigmaEv = c.broadeningSigmaEv();
            x.basis = c.basis();
            return x;
        }

        public FeatureRecipe.Calibration toCalibration() {
            return new FeatureRecipe.Calibration(shiftEv, shiftLowEv == null ? Double.NaN : shiftLowEv,
                    shiftHighEv == null ? Double.NaN : shiftHighEv, broadeningSigmaEv, basis);
        }
    }

    /** One named hyper-parameter. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Param {
        @XmlAttribute
        public String name;
        @XmlAttribute
        public double value;
    }

    /** The learner and how imbalance and augmentation were handled. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Learner {
        @XmlElement
        public String kind;
        @XmlElement(name = "param")
        public List<Param> params = new ArrayList<>();
        @XmlElement
        public String wekaOptions;
        @XmlElement
        public String classBalance;
        @XmlElement
        public String augmentation;
        @XmlElement
        public String selection;

        /**
         * @param selection how the configuration was chosen
         */
        public static Learner of(LearnerSpec spec, TrainingOptions options, String selection) {
            Learner l = new Learner();
            l.kind = spec.kind().name();
            spec.params().forEach((n, v) -> {
                Param p = new Param();
                p.name = n;
                p.value = v;
                l.params.add(p);
            });
            l.wekaOptions = spec.wekaOptions();
            l.classBalance = options.balance().name();
            l.augmentation = options.augmentation().toString();
            l.selection = selection;
            return l;
        }

        public LearnerSpec toSpec() {
            java.util.Map<String, Double> m = new java.util.TreeMap<>();
            params.forEach(p -> m.put(p.name, p.value));
            return new LearnerSpec(LearnerSpec.Kind.valueOf(kind), m);
        }
    }

    /** A training input file and its checksum. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Source {
        @XmlAttribute
        public String path;
        @XmlAttribute
        public String sha256;
    }

    /** Training data identity and size. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Training {
        @XmlElement
        public String dataSet;
        @XmlElement(name = "source")
        public List<Source> sources = new ArrayList<>();
        /** Spectra the delivered model was fitted on (training split, plus validation when refitted on both). */
        @XmlElement
        public int trainSize;
        /** Whether the delivered model was refitted on training + validation after the configuration was chosen. */
        @XmlElement
        public boolean refittedOnTrainAndVal;
        @XmlElement
        public int valSize;
        @XmlElement
        public int testSize;
        @XmlElement
        @XmlList
        public int[] trainClassCounts;
        @XmlElement
        public double trainSeconds;
        @XmlElement
        public String rebuildCommand;
    }

    /** Metrics on one split, with 95% bootstrap intervals. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class SplitMetrics {
        @XmlAttribute
        public String split;
        @XmlAttribute
        public int n;
        @XmlElement
        public double accuracy;
        @XmlElement
        public double accuracyLow;
        @XmlElement
        public double accuracyHigh;
        @XmlElement
        public double balancedAccuracy;
        @XmlElement
        public double macroF1;
        @XmlElement
        public double macroF1Low;
        @XmlElement
        public double macroF1High;
        @XmlElement
        public double expectedCalibrationError;
        @XmlElement
        @XmlList
        public double[] precision;
        @XmlElement
        @XmlList
        public double[] recall;
        /** Confusion matrix rows (true class), each a space-separated list over predicted classes. */
        @XmlElement(name = "confusionRow")
        public List<String> confusionRows = new ArrayList<>();

        /**
         * The descriptor's record of one split's evaluation.
         *
         * @param ci  bootstrap intervals indexed by {@link Metrics.Kind#ordinal()}, or null when none were computed
         *            (the interval bounds are then NaN)
         * @param ece expected calibration error, NaN when not computed
         */
        public static SplitMetrics of(String split, Metrics m, Metrics.Interval[] ci, double ece) {
            SplitMetrics s = new SplitMetrics();
            s.split = split;
            s.n = m.n();
            s.accuracy = m.accuracy();
            s.accuracyLow = ci == null ? Double.NaN : ci[Metrics.Kind.ACCURACY.ordinal()].low();
            s.accuracyHigh = ci == null ? Double.NaN : ci[Metrics.Kind.ACCURACY.ordinal()].high();
            s.balancedAccuracy = m.balancedAccuracy();
            s.macroF1 = m.macroF1();
            s.macroF1Low = ci == null ? Double.NaN : ci[Metrics.Kind.MACRO_F1.ordinal()].low();
            s.macroF1High = ci == null ? Double.NaN : ci[Metrics.Kind.MACRO_F1.ordinal()].high();
            s.expectedCalibrationError = ece;
            s.precision = m.precision();
            s.recall = m.recall();
            for (int[] row : m.confusion()) {
                StringBuilder sb = new StringBuilder();
                for (int j = 0; j < row.length; j++) {
                    sb.append(j == 0 ? "" : " ").append(row[j]);
                }
                s.confusionRows.add(sb.toString());
            }
            return s;
        }
    }

    /** One principal axis. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Axis {
        @XmlAttribute
        public double variance;
        @XmlList
        @XmlElement
        public double[] values;
    }

    /** The applicability domain. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Domain {
        @XmlElement
        public String method;
        @XmlElement
        @XmlList
        public double[] mean;
        @XmlElement
        @XmlList
        public double[] scale;
        @XmlElement(name = "axis")
        public List<Axis> axes = new ArrayList<>();
        @XmlElement
        public double t2Limit;
        @XmlElement
        public double qLimit;
        @XmlElement
        public double quantile;
        /**
         * The grid the domain's features are sampled on when it is not the recipe's (otherwise absent): the recipe's
         * grid continued further, every other part of the recipe the same ({@link TrainingOptions#domainGridToEv}).
         * A spectrum must cover it to be answered.
         */
        @XmlElement
        @XmlList
        public double[] gridEv;
        @XmlElement
        public double valInDomainFraction;
        @XmlElement
        public double testInDomainFraction;

        public static Domain of(ApplicabilityDomain d) {
            Domain x = new Domain();
            x.method = "standardised features, PCA T^2 and residual Q, thresholds at a validation quantile";
            x.mean = d.mean();
            x.scale = d.scale();
            for (int i = 0; i < d.components().length; i++) {
                Axis a = new Axis();
                a.variance = d.variances()[i];
                a.values = d.components()[i];
                x.axes.add(a);
            }
            x.t2Limit = d.t2Limit();
            x.qLimit = d.qLimit();
            x.quantile = d.quantile();
            return x;
        }

        /**
         * @return a SHA-256 (hex) of what decides which spectra the domain refuses (method, limits, quantile, grid): two
         *         files with the same classifier but differently fitted domains answer different spectra, and a
         *         statement about one must not be shown for the other
         */
        public String fingerprint() {
            String canonical = method + "|" + t2Limit + "|" + qLimit + "|" + quantile + "|"
                    + (gridEv == null ? "" : java.util.Arrays.toString(gridEv));
            return ModelBundle.sha256(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        /** @return "" for a domain on the recipe's grid, else where its longer grid ends, for reports */
        public String gridText() {
            return gridEv == null || gridEv.length == 0 ? "" : String.format(java.util.Locale.ROOT,
                    "; fitted on the grid continued to %.1f eV (%d points), which a spectrum must reach",
                    gridEv[gridEv.length - 1], gridEv.length);
        }

        public ApplicabilityDomain toDomain() {
            double[][] c = new double[axes.size()][];
            double[] v = new double[axes.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = axes.get(i).values;
                v[i] = axes.get(i).variance;
            }
            return new ApplicabilityDomain(mean, scale, c, v, t2Limit, qLimit, quantile);
        }
    }

    /** One energy window of the importance table. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class ImportanceWindow {
        @XmlAttribute
        public double fromEv;
        @XmlAttribute
        public double toEv;
        @XmlAttribute
        public String region;
        @XmlAttribute
        public double macroF1Drop;
        @XmlAttribute
        public double sd;
    }

    /** Energy-resolved permutation importance. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Importance {
        @XmlElement
        public String method;
        @XmlElement
        public double baselineMacroF1;
        @XmlElement(name = "window")
        public List<ImportanceWindow> windows = new ArrayList<>();

        public static Importance of(FeatureImportance fi, String method) {
            Importance x = new Importance();
            x.method = method;
            x.baselineMacroF1 = fi.baselineMacroF1();
            for (FeatureImportance.Window w : fi.windows()) {
                ImportanceWindow iw = new ImportanceWindow();
                iw.fromEv = w.fromEv();
                iw.toEv = w.toEv();
                iw.region = w.region();
                iw.macroF1Drop = w.drop();
                iw.sd = w.dropSd();
                x.windows.add(iw);
            }
            return x;
        }
    }

    /** Software versions the model was built with. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Versions {
        /** The xanesml release models are built with (the bundles' version without qualifier). */
        public static final String XANESML_VERSION = "0.1.0";

        @XmlElement
        public String xanesml;
        @XmlElement
        public String weka;
        @XmlElement
        public String java;

        /** @return the versions of this installation: xanesml, the Weka on the class path, the running Java */
        public static Versions current() {
            Versions v = new Versions();
            v.xanesml = XANESML_VERSION;
            v.weka = Version.VERSION;
            v.java = System.getProperty("java.version");
            return v;
        }
    }

    /** The serialized Weka classifier entry. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Payload {
        @XmlElement
        public String entry;
        @XmlElement
        public String className;
        @XmlElement
        public long sizeBytes;
        @XmlElement
        public String sha256;
    }
}

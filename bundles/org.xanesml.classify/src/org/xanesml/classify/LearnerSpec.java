/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.functions.Logistic;
import weka.classifiers.functions.MultilayerPerceptron;
import weka.classifiers.functions.SMO;
import weka.classifiers.functions.supportVector.PolyKernel;
import weka.classifiers.functions.supportVector.RBFKernel;
import weka.classifiers.lazy.IBk;
import weka.classifiers.trees.J48;
import weka.classifiers.trees.RandomForest;
import weka.core.SelectedTag;

/**
 * A Weka learner and its hyper-parameters, as a value that can be written to a descriptor and rebuilt. Parameters
 * a kind does not use are rejected so a descriptor never claims settings that had no effect.
 *
 * @param kind   the learner
 * @param params named hyper-parameters (see {@link Kind} for the names each kind takes)
 */
public record LearnerSpec(Kind kind, Map<String, Double> params) {

    /** The learners offered, with the parameter names each accepts. */
    public enum Kind {
        /** SMO, standardised inputs, RBF kernel: C, gamma. */
        SMO_RBF("C", "gamma"),
        /** SMO, standardised inputs, polynomial kernel: C, exponent. */
        SMO_POLY("C", "exponent"),
        /** MultilayerPerceptron: hidden (units, one layer), learningRate, epochs. */
        MLP("hidden", "learningRate", "epochs"),
        /** RandomForest: trees, features (0 = Weka's default log2(n)+1). */
        RANDOM_FOREST("trees", "features"),
        /** IBk with 1/distance weighting: k. */
        IBK("k"),
        /** Multinomial ridge logistic regression: ridge. */
        LOGISTIC("ridge"),
        /** J48 (C4.5): confidence, minLeaf. */
        J48("confidence", "minLeaf"),
        /**
         * Soft vote (mean of probabilities) of SMO RBF (C, gamma), RandomForest (trees, left out when 0) and, when
         * k > 0, IBk (k): the members err on different spectra, so averaging their probabilities corrects some of
         * each.
         */
        VOTE("C", "gamma", "trees", "k");

        private final java.util.Set<String> names;

        Kind(String... names) {
            this.names = java.util.Set.of(names);
        }

        public java.util.Set<String> parameterNames() {
            return names;
        }
    }

    public LearnerSpec {
        Objects.requireNonNull(kind, "kind");
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
        for (String p : params.keySet()) {
            if (!kind.parameterNames().contains(p)) {
                throw new IllegalArgumentException(kind + " takes parameters " + kind.parameterNames() + ", not '"
                        + p + "'");
            }
        }
    }

    public static LearnerSpec smoRbf(double c, double gamma) {
        return new LearnerSpec(Kind.SMO_RBF, Map.of("C", c, "gamma", gamma));
    }

    public static LearnerSpec of(Kind kind, Map<String, Double> params) {
        return new LearnerSpec(kind, params);
    }

    /**
     * The candidates of a hyper-parameter search: every combination of the listed values (in map order, the first
     * parameter varying slowest) on top of the fixed ones.
     *
     * @throws IllegalArgumentException when a parameter is both fixed and searched, has no values, or the kind does
     *                                  not take it
     */
    public static List<LearnerSpec> grid(Kind kind, Map<String, Double> fixed,
            Map<String, List<Double>> searched) {
        List<Map<String, Double>> combos = new ArrayList<>();
        combos.add(new TreeMap<>(fixed));
        for (Map.Entry<String, List<Double>> e : searched.entrySet()) {
            if (fixed.containsKey(e.getKey())) {
                throw new IllegalArgumentException(e.getKey() + " is given both as a fixed and as a searched value");
            }
            if (e.getValue().isEmpty()) {
                throw new IllegalArgumentException(e.getKey() + ": no values to search");
            }
            List<Map<String, Double>> next = new ArrayList<>();
            for (Map<String, Double> c : combos) {
                for (double v : e.getValue()) {
                    Map<String, Double> m = new TreeMap<>(c);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        return combos.stream().map(m -> new LearnerSpec(kind, m)).toList();
    }

    /**
     * Learner parameters as text: the one syntax of {@code xanesml train --param/--search}, the Train Model wizard and
     * the model-building tool. {@code name=value} fixes a parameter; {@code name=v1,v2,v3} lists candidate values to
     * search. Several parameters are separated by {@code ;} or by the comma before the next {@code name=}: {@code
     * C=3,10,30; gamma=0.001,0.005} and {@code C=3,10,30, gamma=0.001,0.005} are the same text.
     *
     * @param fixed    parameters with one value, in text order
     * @param searched parameters with several values, in text order
     */
    public record ParameterText(Map<String, Double> fixed, Map<String, List<Double>> searched) {
        public ParameterText {
            fixed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fixed));
            Map<String, List<Double>> copy = new java.util.LinkedHashMap<>();
            searched.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            searched = java.util.Collections.unmodifiableMap(copy);
        }

        /**
         * @throws IllegalArgumentException naming the part that is not {@code name=number[,number...]} or a name
         *                                  given twice
         */
        public static ParameterText parse(String text) {
            Map<String, List<Double>> values = new java.util.LinkedHashMap<>();
            for (String group : text.split(";")) {
                if (group.isBlank()) {
                    continue;
                }
                String name = null;
                String part = null;
                for (String token : group.split(",", -1)) {
                    int eq = token.indexOf('=');
                    String value;
                    if (eq >= 0) {
                        name = token.substring(0, eq).strip();
                        part = token.strip();
                        if (name.isEmpty()) {
                            throw new IllegalArgumentException("'" + part + "': expected name=value or name=v1,v2,...");
                        }
                        if (values.containsKey(name)) {
                            throw new IllegalArgumentException("'" + part + "': " + name + " is given twice");
                        }
                        values.put(name, new ArrayList<>());
                        value = token.substring(eq + 1).strip();
                    } else if (name == null) {
                        throw new IllegalArgumentException("'" + token.strip() + "': expected name=value or"
                                + " name=v1,v2,...");
                    } else {
                        value = token.strip();
                        part = part + "," + value;
                    }
                    try {
                        values.get(name).add(Double.parseDouble(value));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("'" + part + "': '" + value + "' is not a number", e);
                    }
                }
            }
            Map<String, Double> fixed = new java.util.LinkedHashMap<>();
            Map<String, List<Double>> searched = new java.util.LinkedHashMap<>();
            values.forEach((n, v) -> {
                if (v.size() == 1) {
                    fixed.put(n, v.get(0));
                } else {
                    searched.put(n, v);
                }
            });
            return new ParameterText(fixed, searched);
        }

        /** @return the learners to try: one, or every combination of the searched values */
        public List<LearnerSpec> candidates(Kind kind) {
            return grid(kind, fixed, searched);
        }
    }

    /** @return the learner a text of fixed parameters names; refuses a text that lists candidate values */
    public static LearnerSpec parse(Kind kind, String parameters) {
        ParameterText t = ParameterText.parse(parameters);
        if (!t.searched().isEmpty()) {
            throw new IllegalArgumentException("'" + parameters + "': one value per parameter expected here, got"
                    + " candidates for " + t.searched().keySet());
        }
        return new LearnerSpec(kind, t.fixed());
    }

    private double p(String name, double dflt) {
        return params.getOrDefault(name, dflt);
    }

    /**
     * Builds an untrained Weka classifier. SMO fits logistic calibration models so that it reports probabilities,
     * which prediction and the calibration error need.
     */
    public Classifier newClassifier() {
        switch (kind) {
            case SMO_RBF: {
                SMO smo = baseSmo();
                RBFKernel k = new RBFKernel();
                k.setGamma(p("gamma", 0.01));
                // 0 = full kernel-evaluation cache; cheaper than recomputing for a few thousand samples
                k.setCacheSize(0);
                smo.setKernel(k);
                return smo;
            }
            case SMO_POLY: {
                SMO smo = baseSmo();
                PolyKernel k = new PolyKernel();
                k.setExponent(p("exponent", 2));
                k.setCacheSize(0);
                smo.setKernel(k);
                return smo;
            }
            case MLP: {
                MultilayerPerceptron m = new MultilayerPerceptron();
                m.setHiddenLayers(Integer.toString((int) p("hidden", 64)));
                m.setLearningRate(p("learningRate", 0.1));
                m.setTrainingTime((int) p("epochs", 300));
                m.setSeed(0);
                return m;
            }
            case RANDOM_FOREST: {
                RandomForest rf = new RandomForest();
                rf.setNumIterations((int) p("trees", 200));
                rf.setNumFeatures((int) p("features", 0));
                rf.setNumExecutionSlots(1);
                rf.setSeed(1);
                return rf;
            }
            case IBK: {
                IBk ibk = new IBk((int) p("k", 3));
                ibk.setDistanceWeighting(new SelectedTag(IBk.WEIGHT_INVERSE, IBk.TAGS_WEIGHTING));
                return ibk;
            }
            case LOGISTIC: {
                Logistic lr = new Logistic();
                lr.setRidge(p("ridge", 1e-4));
                return lr;
            }
            case J48: {
                J48 t = new J48();
                t.setConfidenceFactor((float) p("confidence", 0.25));
                t.setMinNumObj((int) p("minLeaf", 2));
                return t;
            }
            case VOTE: {
                java.util.List<Classifier> members = new java.util.ArrayList<>();
                members.add(new LearnerSpec(Kind.SMO_RBF, Map.of("C", p("C", 10), "gamma", p("gamma", 0.005)))
                        .newClassifier());
                if (p("trees", 200) > 0) {
                    members.add(new LearnerSpec(Kind.RANDOM_FOREST, Map.of("trees", p("trees", 200))).newClassifier());
                }
                if (p("k", 0) > 0) {
                    members.add(new LearnerSpec(Kind.IBK, Map.of("k", p("k", 3))).newClassifier());
                }
                weka.classifiers.meta.Vote v = new weka.classifiers.meta.Vote();
                v.setClassifiers(members.toArray(Classifier[]::new));
                v.setCombinationRule(new SelectedTag(weka.classifiers.meta.Vote.AVERAGE_RULE,
                        weka.classifiers.meta.Vote.TAGS_RULES));
                return v;
            }
            default:
                throw new IllegalStateException("unhandled learner " + kind);
        }
    }

    private SMO baseSmo() {
        SMO smo = new SMO();
        smo.setC(p("C", 1.0));
        smo.setFilterType(new SelectedTag(SMO.FILTER_STANDARDIZE, SMO.TAGS_FILTER));
        smo.setBuildCalibrationModels(true);
        smo.setRandomSeed(1);
        return smo;
    }

    /** @return the Weka command-line options of the built classifier (for descriptors and the Weka GUI). */
    public String wekaOptions() {
        Classifier c = newClassifier();
        String opts = c instanceof AbstractClassifier a ? String.join(" ", a.getOptions()) : "";
        return c.getClass().getName() + " " + opts;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind.name());
        params.forEach((k, v) -> sb.append(' ').append(k).append('=')
                .append(v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v.doubleValue())
                        : String.format(Locale.ROOT, "%g", v)));
        return sb.toString();
    }
}

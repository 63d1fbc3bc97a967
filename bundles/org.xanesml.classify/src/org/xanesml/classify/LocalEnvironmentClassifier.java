/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.Spectrum;
import org.xanesml.preprocess.PreprocessingException;
import org.xanesml.preprocess.XanesNormalization;
import org.xanesml.preprocess.XanesShape;

/**
 * Classifies spectra with a model bundle and says whether each answer applies: a spectrum of another element or
 * edge, one whose energy range does not cover the model's grid, one lacking the reference energy, one unlike the
 * training data (domain score above 1), or one that is no XANES spectrum at all ({@link XanesShape}: no rising edge,
 * no near-edge structure, or an edge far from the element's tabulated energy) is flagged out of domain with the
 * reason. Not thread-safe (Weka classifiers keep scratch state): give each thread its own instance (each
 * {@code new LocalEnvironmentClassifier(bundle)} is one, as is {@link #copyForThread()}).
 */
public final class LocalEnvironmentClassifier {
    /** How far (eV) a reference energy may lie outside the training range and still count as the same edge. */
    public static final double EDGE_TOLERANCE_EV = 30.0;

    private final ModelBundle bundle;
    private final TrainedModel model;
    private final FeatureExtractor extractor;
    /** The domain's features: {@link #extractor} itself, or the recipe on the domain's longer grid. */
    private final FeatureExtractor domainExtractor;
    private final Element element;
    private final Edge edge;
    private final SmoothedCurveCache curves;

    /**
     * A classifier for the calling thread: the bundle's own model if no other classifier has it yet, else a copy, so
     * that classifiers made from one bundle on several threads never share a Weka object.
     */
    public LocalEnvironmentClassifier(ModelBundle bundle) {
        this(bundle, new SmoothedCurveCache());
    }

    /**
     * As {@link #LocalEnvironmentClassifier(ModelBundle)}, sharing a cache of smoothed curves with the other
     * classifiers of the calling thread (models with the same placement and smoothing smooth a spectrum once).
     */
    public LocalEnvironmentClassifier(ModelBundle bundle, SmoothedCurveCache curves) {
        this(bundle, bundle.model().lendOrCopy(), curves);
    }

    private LocalEnvironmentClassifier(ModelBundle bundle, TrainedModel model, SmoothedCurveCache curves) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.model = model;
        this.curves = Objects.requireNonNull(curves, "curves");
        this.extractor = new FeatureExtractor(model.recipe());
        FeatureRecipe domainRecipe = bundle.domainRecipe();
        this.domainExtractor = domainRecipe.equals(model.recipe()) ? extractor : new FeatureExtractor(domainRecipe);
        this.element = Element.ofSymbol(bundle.descriptor().element);
        this.edge = Edge.ofName(bundle.descriptor().edge);
    }

    public LocalEnvironmentClassifier copyForThread() {
        return new LocalEnvironmentClassifier(bundle, model.copyForThread(), new SmoothedCurveCache());
    }

    public ModelBundle bundle() {
        return bundle;
    }

    public List<String> classes() {
        return model.classes();
    }

    /** Classifies one spectrum (expected edge-step normalised, as the training spectra were). */
    public Prediction classify(Spectrum s) {
        return classify(s, null);
    }

    /**
     * As {@link #classify(Spectrum)}, given the XANES shape check the normalise step made of this very spectrum
     * (null: none). It is used when it judged the edge against this model's element and edge, as this classifier
     * would; then a spectrum answered by several models is checked once, not once per model.
     */
    public Prediction classify(Spectrum s, XanesShape.Result knownShape) {
        List<String> classes = model.classes();
        if (s.absorber().isPresent() && s.absorber().get() != element) {
            return rejected(s, Applicability.Verdict.WRONG_ELEMENT, s.id() + ": absorber is " + s.absorber().get()
                    + ", this model is for " + element + " " + edge + " spectra");
        }
        if (s.edge().isPresent() && s.edge().get() != edge) {
            return rejected(s, Applicability.Verdict.WRONG_EDGE, s.id() + ": edge is " + s.edge().get()
                    + ", this model is for the " + element + " " + edge + " edge");
        }
        int uncovered;
        try {
            s = placeByEdge(s);
            double ref = extractor.referenceEnergyEv(s);
            ModelDescriptor.Recipe r = bundle.descriptor().recipe;
            if (r.referenceMinEv != null && (ref < r.referenceMinEv - EDGE_TOLERANCE_EV
                    || ref > r.referenceMaxEv + EDGE_TOLERANCE_EV)) {
                return rejected(s, Applicability.Verdict.WRONG_EDGE, String.format(Locale.ROOT,
                        "%s: reference energy %.1f eV is not at the %s %s edge (training spectra: %.1f..%.1f eV)",
                        s.id(), ref, element, edge, r.referenceMinEv, r.referenceMaxEv));
            }
            uncovered = extractor.uncoveredPoints(s);
        } catch (FeatureException e) {
            return rejected(s, Applicability.Verdict.MISSING_REFERENCE_ENERGY, e.getMessage());
        }
        if (uncovered > 0) {
            return rejected(s, Applicability.Verdict.GRID_NOT_COVERED, String.format(Locale.ROOT,
                    "%s: data %.1f..%.1f eV leave %d of the model's %d grid points uncovered", s.id(),
                    s.minEnergyEv(), s.maxEnergyEv(), uncovered, model.recipe().gridSize()));
        }
        int uncoveredForDomain = domainExtractor == extractor ? 0 : domainExtractor.uncoveredPoints(s);
        if (uncoveredForDomain > 0) {
            double[] g = domainExtractor.recipe().gridEv();
            return rejected(s, Applicability.Verdict.GRID_NOT_COVERED, String.format(Locale.ROOT,
                    "%s: data %.1f..%.1f eV leave %d of the %d points the applicability check needs (to %.1f eV on"
                            + " the model's %s grid) uncovered", s.id(), s.minEnergyEv(), s.maxEnergyEv(),
                    uncoveredForDomain, g.length, g[g.length - 1], model.recipe().reference()));
        }
        boolean sameEdgeJudged = knownShape != null && edge == Edge.K && s.absorber().orElse(null) == element
                && s.edge().orElse(Edge.K) == Edge.K;
        XanesShape.Result shape;
        try {
            shape = sameEdgeJudged ? knownShape : shape(s);
        } catch (FeatureException e) {
            return rejected(s, Applicability.Verdict.MISSING_REFERENCE_ENERGY, e.getMessage());
        } catch (PreprocessingException e) {
            return rejected(s, Applicability.Verdict.NOT_XANES, e.getMessage());
        }
        double[] x;
        String noWhiteLine;
        try {
            FeatureExtractor.Checked checked = extractor.extractChecked(s, curves);
            x = checked.features();
            noWhiteLine = checked.whiteLineProblem();
        } catch (FeatureException e) {
            // a renormalising recipe needs an edge step in its windows: without one the spectrum is not a K edge
            return rejected(s, Applicability.Verdict.UNLIKE_TRAINING_DATA, e.getMessage());
        }
        double[] p = model.probabilities(x);
        ApplicabilityDomain.Score score;
        try {
            score = bundle.domain().score(domainExtractor == extractor ? x
                    : domainExtractor.extractChecked(s, curves).features());
        } catch (FeatureException e) {
            return rejected(s, Applicability.Verdict.UNLIKE_TRAINING_DATA, e.getMessage());
        }
        if (noWhiteLine != null && shape.isXanes()) {
            return new Prediction(s.id(), classes, p, new Applicability(Applicability.Verdict.UNLIKE_TRAINING_DATA,
                    score.combined(), noWhiteLine));
        }
        if (!(score.combined() <= 1.0)) {
            // the distance verdict came first and keeps its probabilities; a shape problem is added, not hidden
            return new Prediction(s.id(), classes, p, new Applicability(Applicability.Verdict.UNLIKE_TRAINING_DATA,
                    score.combined(), String.format(Locale.ROOT,
                            "%s: distance score %.2f exceeds 1 (T2 %.1f of limit %.1f, residual %.1f of limit %.1f)%s",
                            s.id(), score.combined(), score.t2(), bundle.domain().t2Limit(), score.q(),
                            bundle.domain().qLimit(), shape.isXanes() ? "" : "; not XANES: " + shape.reason())));
        }
        if (!shape.isXanes()) {
            return rejected(s, Applicability.Verdict.NOT_XANES, s.id() + ": not a XANES spectrum: " + shape.reason());
        }
        return new Prediction(s.id(), classes, p,
                new Applicability(Applicability.Verdict.IN_DOMAIN, score.combined(), "within the training domain"));
    }

    /**
     * The shape check at the E0 preprocessing recorded, or Larch's find_e0 when there is none; the edge position is
     * judged against this model's element when the model is for its K edge.
     */
    private XanesShape.Result shape(Spectrum s) {
        String recorded = s.metadata(EnergyReference.E0_KEY).orElse(null);
        double e0;
        if (recorded == null) {
            e0 = XanesNormalization.findE0(s);
        } else {
            try {
                e0 = Double.parseDouble(recorded.strip());
            } catch (NumberFormatException e) {
                throw new FeatureException(s.id() + ": metadata '" + EnergyReference.E0_KEY + "' = '" + recorded
                        + "' is not a number of eV");
            }
        }
        return XanesShape.check(s.energyEv(), s.mu(), e0, edge == Edge.K ? element.kEdgeEnergyEv() : Double.NaN);
    }

    /**
     * A spectrum without the model's reference energy but with an edge energy E0 (measured data after
     * preprocessing) is placed on the grid by the training median of E0 - reference.
     */
    private Spectrum placeByEdge(Spectrum s) {
        String key = model.recipe().reference().metadataKey();
        Double offset = bundle.descriptor().recipe.e0ToReferenceOffsetEv;
        if (key == null || offset == null || s.metadata(key).isPresent()) {
            return s;
        }
        return s.metadata(EnergyReference.E0_KEY).map(e0 -> {
            try {
                return s.toBuilder().metadata(key, Double.toString(Double.parseDouble(e0.strip()) - offset)).build();
            } catch (NumberFormatException e) {
                throw new FeatureException(s.id() + ": metadata '" + EnergyReference.E0_KEY + "' = '" + e0
                        + "' is not a number of eV");
            }
        }).orElse(s);
    }

    /** Fast path for already-featurised spectra (benchmarks, batch jobs): probabilities only. */
    public double[] probabilities(double[] features) {
        return model.probabilities(features);
    }

    private Prediction rejected(Spectrum s, Applicability.Verdict v, String reason) {
        return new Prediction(s.id(), model.classes(), new double[0], new Applicability(v, Double.NaN, reason));
    }
}

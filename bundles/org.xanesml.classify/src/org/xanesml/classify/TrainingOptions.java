/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.Objects;

/**
 * Everything about training beyond the learner: class-imbalance handling, augmentation, and whether the final model
 * is refitted on the training and validation splits together once the configuration has been chosen.
 *
 * @param refitOnTrainAndVal after the configuration is scored on the validation split (by a fit on the training split
 *                           alone), fit the delivered model again on training + validation spectra: the usual last
 *                           step of model selection, which gives the model the validation spectra to learn from too.
 *                           Validation metrics then still come from the train-only fit; test metrics from the
 *                           delivered model.
 * @param domainGridToEv     NaN: the applicability domain is fitted on the classifier's own features. A number: on the
 *                           recipe's grid continued to this energy ({@link FeatureRecipe#withGridExtendedTo}), so the
 *                           check that says whether an answer applies sees more of the spectrum than the classifier
 *                           needs to answer (a metal foil differs from an oxide most in the first EXAFS oscillation,
 *                           past the near edge the oxidation state is read from); a spectrum must then reach that
 *                           energy to be answered
 * @param domainAugmentation {@link Augmentation#NONE}: the applicability domain is fitted on the TRAIN spectra and its
 *                           thresholds set on the VAL spectra as they are. Otherwise each split also gets this many
 *                           perturbed copies of each spectrum (e.g. noise only), so that a measurement differing from
 *                           the simulations only by such noise is not called unlike them (the classifier itself is
 *                           trained as {@code augmentation} says)
 */
public record TrainingOptions(ClassBalance balance, Augmentation augmentation, boolean refitOnTrainAndVal,
        double domainGridToEv, Augmentation domainAugmentation) {
    public static final TrainingOptions DEFAULT = new TrainingOptions(ClassBalance.NONE, Augmentation.NONE);

    public TrainingOptions {
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(augmentation, "augmentation");
        Objects.requireNonNull(domainAugmentation, "domainAugmentation");
        if (Double.isInfinite(domainGridToEv)) {
            throw new IllegalArgumentException("the domain grid must end at a finite energy, got " + domainGridToEv);
        }
    }

    /** Options whose domain is fitted on the classifier's own features of the spectra as they are. */
    public TrainingOptions(ClassBalance balance, Augmentation augmentation, boolean refitOnTrainAndVal) {
        this(balance, augmentation, refitOnTrainAndVal, Double.NaN, Augmentation.NONE);
    }

    /** Options whose domain is fitted on the spectra as they are, on the grid continued to {@code domainGridToEv}. */
    public TrainingOptions(ClassBalance balance, Augmentation augmentation, boolean refitOnTrainAndVal,
            double domainGridToEv) {
        this(balance, augmentation, refitOnTrainAndVal, domainGridToEv, Augmentation.NONE);
    }

    /** @return these options with the domain fitted on the grid continued to {@code hiEv} (NaN: the model's grid) */
    public TrainingOptions withDomainGridTo(double hiEv) {
        return new TrainingOptions(balance, augmentation, refitOnTrainAndVal, hiEv, domainAugmentation);
    }

    /** @return these options with the domain fitted and thresholded on perturbed copies too */
    public TrainingOptions withDomainAugmentation(Augmentation a) {
        return new TrainingOptions(balance, augmentation, refitOnTrainAndVal, domainGridToEv, a);
    }

    /** @return the features the applicability domain is fitted on, for a model with this recipe */
    public FeatureRecipe domainRecipe(FeatureRecipe recipe) {
        if (Double.isNaN(domainGridToEv)) {
            return recipe;
        }
        try {
            return recipe.withGridExtendedTo(domainGridToEv);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the applicability domain's grid: " + e.getMessage(), e);
        }
    }

    /** Options that train the delivered model on the training split only. */
    public TrainingOptions(ClassBalance balance, Augmentation augmentation) {
        this(balance, augmentation, false);
    }
}

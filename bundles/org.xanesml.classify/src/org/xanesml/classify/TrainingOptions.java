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
 */
public record TrainingOptions(ClassBalance balance, Augmentation augmentation, boolean refitOnTrainAndVal) {
    public static final TrainingOptions DEFAULT = new TrainingOptions(ClassBalance.NONE, Augmentation.NONE);

    public TrainingOptions {
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(augmentation, "augmentation");
    }

    /** Options that train the delivered model on the training split only. */
    public TrainingOptions(ClassBalance balance, Augmentation augmentation) {
        this(balance, augmentation, false);
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.Objects;

/**
 * Everything about training beyond the learner: class-imbalance handling and augmentation.
 */
public record TrainingOptions(ClassBalance balance, Augmentation augmentation) {
    public static final TrainingOptions DEFAULT = new TrainingOptions(ClassBalance.NONE, Augmentation.NONE);

    public TrainingOptions {
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(augmentation, "augmentation");
    }
}

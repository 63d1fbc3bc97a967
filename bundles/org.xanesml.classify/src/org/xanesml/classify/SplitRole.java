/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.Locale;

/** The part of a data set a sample belongs to. Hyper-parameters are chosen on VAL; TEST is only reported. */
public enum SplitRole {
    TRAIN, VAL, TEST;

    /** Parses "train", "val"/"validation", "test" as split files write them. */
    public static SplitRole ofName(String name) {
        String s = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "train" -> TRAIN;
            case "val", "valid", "validation" -> VAL;
            case "test" -> TEST;
            default -> throw new IllegalArgumentException("'" + name + "' is not a split name (train, val, test)");
        };
    }
}

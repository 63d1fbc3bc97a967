/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.recipe;

import jakarta.xml.bind.annotation.XmlEnum;
import jakarta.xml.bind.annotation.XmlType;

/** What a normalise step does with a spectrum that is, or looks, edge-normalised already. */
@XmlType(name = "alreadyNormalizedPolicy")
@XmlEnum
public enum AlreadyNormalizedPolicy {
    /** Keep mu as it is (only e0 is determined); the result says so. */
    SKIP,
    /** Normalise anyway (e.g. to correct a slightly off source normalisation). */
    NORMALIZE,
    /** Refuse with an error. */
    FAIL
}

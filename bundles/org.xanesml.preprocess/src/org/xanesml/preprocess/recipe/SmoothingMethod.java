/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.recipe;

import jakarta.xml.bind.annotation.XmlEnum;
import jakarta.xml.bind.annotation.XmlType;

/** Smoothing methods a recipe can name. */
@XmlType(name = "smoothingMethod")
@XmlEnum
public enum SmoothingMethod {
    SAVITZKY_GOLAY, LORENTZIAN, GAUSSIAN
}

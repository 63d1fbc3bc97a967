/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.recipe;

import jakarta.xml.bind.annotation.XmlEnum;
import jakarta.xml.bind.annotation.XmlType;

/** Interpolation kinds a recipe can name (mirrors {@link org.xanesml.preprocess.InterpolationKind}). */
@XmlType(name = "interpolationKind")
@XmlEnum
public enum GridKind {
    LINEAR, CUBIC_SPLINE
}

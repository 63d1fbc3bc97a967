/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.recipe;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** Replaces the values by their first or second energy derivative ({@link org.xanesml.preprocess.Derivatives}). */
@XmlType(name = "derivativeStep")
public final class DerivativeStep extends RecipeStep {
    @XmlAttribute(name = "order", required = true)
    private int order;

    private DerivativeStep() {
    }

    /** @param order 1 or 2 */
    public DerivativeStep(int order) {
        if (order != 1 && order != 2) {
            throw new IllegalArgumentException("derivative order = " + order + "; it must be 1 or 2");
        }
        this.order = order;
    }

    public int order() {
        return order;
    }

    @Override
    public String describe() {
        return "derivative(order=" + order + ")";
    }
}

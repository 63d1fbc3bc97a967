/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.recipe;

/**
 * One preprocessing step. Steps are immutable values: JAXB fills the private fields of a fresh instance when
 * reading, and nothing changes them afterwards.
 */
public abstract class RecipeStep {
    RecipeStep() {
    }

    /** @return a one-line description with every parameter, for logs and result provenance */
    public abstract String describe();

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && describe().equals(((RecipeStep) o).describe());
    }

    @Override
    public int hashCode() {
        return describe().hashCode();
    }
}

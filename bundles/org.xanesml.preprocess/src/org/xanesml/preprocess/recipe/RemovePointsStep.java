/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.recipe;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlList;
import jakarta.xml.bind.annotation.XmlType;

/** Removal of points by index, as marked by a user ({@link org.xanesml.preprocess.Deglitching#removePoints}). */
@XmlType(name = "removePointsStep")
public final class RemovePointsStep extends RecipeStep {
    @XmlAttribute(name = "indices", required = true)
    @XmlList
    private List<Integer> indices = new ArrayList<>();

    private RemovePointsStep() {
    }

    public RemovePointsStep(int... indices) {
        for (int i : indices) {
            this.indices.add(i);
        }
    }

    public int[] indices() {
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String describe() {
        return "removePoints(indices=" + indices + ")";
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify.internal;

import java.util.List;

import org.xanesml.classify.Task;
import org.xanesml.core.Element;

/**
 * The configurations of the shipped models, each chosen on the VAL split by macro-F1 among about 150 tried
 * configurations (SMO RBF/poly C and gamma, class weighting, derivative, smoothing, augmentation, E0-relative and
 * windowed grids, MLP, IBk, RandomForest, soft-vote ensembles; log in org.xanesml.models/README.md). Every one
 * predicts through the flat-array fast path ({@link FastClassifier}). Syntax as in {@link Experiments}. Once chosen,
 * each is refitted on train + val ({@code refit=1}); its recorded val metrics come from the train-only fit.
 */
public final class ShippedModels {
    /** One shipped model: which data, which configuration, which file name. */
    public record Spec(Element element, Task task, String config, String fileName) {
        public String key() {
            return (element == Element.Cu ? "cu/" : "fe/") + (task == Task.COORDINATION_NUMBER ? "A_CN" : "B_geometry");
        }
    }

    public static final List<Spec> ALL = List.of(
            new Spec(Element.Cu, Task.COORDINATION_NUMBER, "SMO_RBF:C=100,gamma=0.0005;bal=SQRT_WEIGHTED;refit=1", "cu-k-cn.zip"),
            new Spec(Element.Cu, Task.GEOMETRY, "SMO_RBF:C=30,gamma=0.003;bal=WEIGHTED;refit=1", "cu-k-geometry.zip"),
            new Spec(Element.Fe, Task.COORDINATION_NUMBER, "VOTE:C=10,gamma=0.005,trees=200,k=1;g=5/7108/7128;d=1;bal=SQRT_WEIGHTED;refit=1",
                    "fe-k-cn.zip"),
            new Spec(Element.Fe, Task.GEOMETRY, "VOTE:C=30,gamma=0.001,trees=200,k=1;g=5/7108/7128;d=1;refit=1", "fe-k-geometry.zip"));

    private ShippedModels() {
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.List;
import java.util.Objects;

/**
 * A labelled data set for one task: the ordered class list and every sample with its split. Immutable.
 *
 * @param name     what the data is ("omnixas-cu CN"), recorded in model descriptors
 * @param task     the task
 * @param classes  class labels; an example's classIndex points here
 * @param examples all samples, in input order
 */
public record DataSet(String name, Task task, List<String> classes, List<Example> examples) {
    public DataSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        classes = List.copyOf(classes);
        examples = List.copyOf(examples);
    }

    /**
     * @return the same data set with the validation spectra moved into the training split (test untouched): what the
     *         delivered model is fitted on once the configuration has been chosen on validation
     */
    public DataSet withValidationInTraining() {
        List<Example> moved = new java.util.ArrayList<>(examples.size());
        for (Example e : examples) {
            moved.add(e.role() == SplitRole.VAL ? new Example(e.item(), e.classIndex(), SplitRole.TRAIN) : e);
        }
        return new DataSet(name, task, classes, moved);
    }

    /** @return the samples of one split, in input order. */
    public List<Example> of(SplitRole role) {
        return examples.stream().filter(e -> e.role() == role).toList();
    }

    /** @return per-class sample counts of one split. */
    public int[] classCounts(SplitRole role) {
        int[] c = new int[classes.size()];
        for (Example e : examples) {
            if (e.role() == role) {
                c[e.classIndex()]++;
            }
        }
        return c;
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.xanesml.core.Element;

/**
 * Everything that decides a model besides its data: what it is for, its features, the learner (or the candidates of a
 * hyper-parameter search and how to choose among them), the training options and what the descriptor records about
 * where it came from. {@link ModelBuilder} turns a {@link DataSet} and a plan into a model bundle; the command line,
 * the Train Model wizard and the model-building tool all fill a plan, so every model carries the same provenance.
 *
 * @param name       the model's name in its descriptor; null: data set, task and the delivered learner
 * @param element    absorber the model is for
 * @param task       what it predicts
 * @param recipe     the features
 * @param candidates the learner, or several: then each is scored by {@code selection} and the best delivered
 * @param selection  how several candidates are scored (never on TEST)
 * @param options    class weighting, augmentation, refit on training + validation
 * @param provenance data set name, input files, rebuild command, how a single configuration was chosen
 */
public record TrainingPlan(String name, Element element, Task task, FeatureRecipe recipe, List<LearnerSpec> candidates,
        Selection selection, TrainingOptions options, Provenance provenance) {

    public TrainingPlan {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(provenance, "provenance");
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no learner to train");
        }
    }

    /** @return this plan with one learner and nothing to search */
    public static TrainingPlan of(String name, Element element, Task task, FeatureRecipe recipe, LearnerSpec learner,
            TrainingOptions options, Provenance provenance) {
        return new TrainingPlan(name, element, task, recipe, List.of(learner), Selection.VALIDATION, options,
                provenance);
    }

    /** @return true when several candidates are to be scored */
    public boolean searches() {
        return candidates.size() > 1;
    }

    /**
     * How the candidates of a search are scored: macro-F1 on VAL of a fit on TRAIN, or the mean pooled macro-F1 of
     * repeated grouped k-fold cross-validation over TRAIN + VAL (steadier when VAL is small).
     *
     * @param crossValidation false: score on VAL
     * @param folds           cross-validation folds (ignored on VAL)
     * @param repeats         cross-validation repetitions, seeds 0 .. repeats-1 (ignored on VAL)
     */
    public record Selection(boolean crossValidation, int folds, int repeats) {
        public static final Selection VALIDATION = new Selection(false, 5, 1);

        public Selection {
            if (crossValidation && (folds < 2 || repeats < 1)) {
                throw new IllegalArgumentException("cross-validation needs at least 2 folds and 1 repetition, got "
                        + folds + " folds and " + repeats + " repetitions");
            }
        }

        public static Selection crossValidation(int folds, int repeats) {
            return new Selection(true, folds, repeats);
        }

        /** @return how the winner was chosen, for the descriptor */
        public String text() {
            return crossValidation ? String.format(Locale.ROOT, "macro-F1 of %d x %d-fold grouped cross-validation"
                    + " over training + validation", repeats, folds) : "validation macro-F1";
        }
    }

    /**
     * A file the model was trained from: recorded with its SHA-256 so a rebuild can tell whether the data changed.
     *
     * @param path as the descriptor shows it (relative to the data root where there is one)
     * @param file where to read it now
     */
    public record Source(String path, Path file) {
        public Source {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(file, "file");
        }
    }

    /**
     * What the descriptor records about a model's origin.
     *
     * @param dataSet        the data set, e.g. "omnixas-cu CN, split file golden/splits/omnixas_cu_split.csv"
     * @param sources        input files, checksummed into the descriptor
     * @param rebuildCommand the command that rebuilds the model
     * @param chosenBy       how a single given configuration was chosen ("fixed learner given on the command line");
     *                       a search writes its own record
     */
    public record Provenance(String dataSet, List<Source> sources, String rebuildCommand, String chosenBy) {
        public Provenance {
            Objects.requireNonNull(dataSet, "dataSet");
            sources = List.copyOf(sources);
            Objects.requireNonNull(chosenBy, "chosenBy");
        }
    }
}

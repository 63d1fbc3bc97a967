/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.xanesml.classify.Applicability;
import org.xanesml.classify.OxidationEstimate;
import org.xanesml.classify.Prediction;
import org.xanesml.workflow.ModelAnswer;

import org.xanesml.workflow.ProcessingFields;

/**
 * One row of a report: one spectrum, or one input that failed as a whole. Light (no arrays but the probabilities)
 * so a run over tens of thousands of files keeps every row.
 *
 * @param index    input position in the run
 * @param source   input file as given
 * @param id       spectrum id (the file name for a failed input)
 * @param element  absorber symbol, "" when unknown
 * @param edge     edge name, "" when unknown
 * @param status   {@link Status}
 * @param answers  one per model that classified the spectrum, empty without a classify step or a model for it
 * @param e0Ev     edge energy, NaN when not normalised
 * @param edgeStep edge step, NaN when not normalised or already normalised by the source
 * @param warnings warnings of all steps (for {@link Status#NO_MODEL}, why no model answered)
 * @param error    what failed, "" when nothing did
 * @param energy   how E0 and the energy scale were chosen ({@link ProcessingFields#ENERGY}), "" when not
 *                 normalised
 */
public record ReportRow(int index, String source, String id, String element, String edge, Status status,
        List<Answer> answers, double e0Ev, double edgeStep, List<String> warnings, String error, String energy) {

    /** Outcome of one row. */
    public enum Status {
        /** Processed; every model's answer (if the pipeline classifies) applies. */
        OK,
        /** Classified, but a model says its answer does not apply (unlike its training data, not XANES...). */
        NOT_APPLICABLE,
        /** Classified with no model: none covers the spectrum's element and edge (a warning says which). */
        NO_MODEL,
        /** The spectrum or the whole input failed; see the error. */
        FAILED
    }

    /** A row without energy record (an input that failed before normalisation, a journal of an older version). */
    public ReportRow(int index, String source, String id, String element, String edge, Status status,
            List<Answer> answers, double e0Ev, double edgeStep, List<String> warnings, String error) {
        this(index, source, id, element, edge, status, answers, e0Ev, edgeStep, warnings, error, "");
    }

    /**
     * One model's answer, flat (strings and numbers) so it is written and read back alike.
     *
     * @param model            the model as the run names it
     * @param task             the model's task ({@code COORDINATION_NUMBER}, {@code GEOMETRY}, ...)
     * @param predicted        predicted class, "" when there is none (a spectrum that is not XANES)
     * @param classes          the model's classes
     * @param probabilities    one per class, empty when there is no prediction
     * @param verdict          applicability verdict name
     * @param domainScore      distance score (1 = threshold), NaN when not scored
     * @param reason           why the answer does not apply, "" when it does
     * @param oxidationMean    the continuous oxidation state of an oxidation-state model, NaN otherwise
     * @param oxidationSpread  its spread under the class probabilities, NaN otherwise
     */
    public record Answer(String model, String task, String predicted, List<String> classes, double[] probabilities,
            String verdict, double domainScore, String reason, double oxidationMean, double oxidationSpread) {
        public Answer {
            Objects.requireNonNull(model);
            Objects.requireNonNull(task);
            Objects.requireNonNull(predicted);
            Objects.requireNonNull(verdict);
            Objects.requireNonNull(reason);
            classes = List.copyOf(classes);
            probabilities = probabilities.clone();
        }

        /** @return the flat form of a model's answer */
        public static Answer of(ModelAnswer a) {
            Prediction p = a.prediction();
            Applicability ap = p.applicability();
            Optional<OxidationEstimate> ox = a.oxidation();
            String label = p.label();
            return new Answer(a.model(), a.task(), label == null ? "" : label, p.classes(), p.probabilities(),
                    ap.verdict().name(), ap.score(), ap.inDomain() ? "" : ap.reason(),
                    ox.map(OxidationEstimate::mean).orElse(Double.NaN),
                    ox.map(OxidationEstimate::spread).orElse(Double.NaN));
        }

        @Override
        public double[] probabilities() {
            return probabilities.clone();
        }

        /** @return probability of {@code cls}, NaN when the answer has none for it */
        public double probability(String cls) {
            int i = classes.indexOf(cls);
            return i < 0 || i >= probabilities.length ? Double.NaN : probabilities[i];
        }

        /** @return the probability of the predicted class, NaN without one */
        public double confidence() {
            return predicted.isEmpty() ? Double.NaN : probability(predicted);
        }

        public boolean inDomain() {
            return Applicability.Verdict.IN_DOMAIN.name().equals(verdict);
        }
    }

    public ReportRow {
        Objects.requireNonNull(energy);
        Objects.requireNonNull(source);
        Objects.requireNonNull(id);
        Objects.requireNonNull(status);
        answers = List.copyOf(answers);
        warnings = List.copyOf(warnings);
    }

    /** @return the answer of the model for {@code task} ({@code GEOMETRY}, ...), empty when none answered */
    public Optional<Answer> answer(String task) {
        return answers.stream().filter(a -> a.task().equals(task)).findFirst();
    }

    /** @return this row with another spelling of its source (a resumed run names inputs as it was given them) */
    public ReportRow withSource(String value) {
        return new ReportRow(index, value, id, element, edge, status, answers, e0Ev, edgeStep, warnings, error,
                energy);
    }

    /** @return this row as FAILED with {@code message} (e.g. its output could not be written), the rest kept */
    public ReportRow failed(String message) {
        return new ReportRow(index, source, id, element, edge, Status.FAILED, answers, e0Ev, edgeStep, warnings,
                Objects.requireNonNull(message), energy);
    }

    /** @return this row with one more warning */
    public ReportRow withWarning(String warning) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.add(warning);
        return new ReportRow(index, source, id, element, edge, status, answers, e0Ev, edgeStep, all, error, energy);
    }

    /** @return the row of an input that failed as a whole, before any spectrum was read from it */
    public static ReportRow failedInput(int index, String source, String id, String error) {
        return new ReportRow(index, source, id, "", "", Status.FAILED, List.of(), Double.NaN, Double.NaN, List.of(),
                error);
    }
}

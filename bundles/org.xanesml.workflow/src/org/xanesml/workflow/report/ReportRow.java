/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.report;

import java.util.List;
import java.util.Objects;

import org.xanesml.workflow.ProcessingFields;

/**
 * One row of a report: one spectrum, or one input that failed as a whole. Light (no arrays but the probabilities)
 * so a run over tens of thousands of files keeps every row.
 *
 * @param index         input position in the run
 * @param source        input file as given
 * @param id            spectrum id (the file name for a failed input)
 * @param element       absorber symbol, "" when unknown
 * @param edge          edge name, "" when unknown
 * @param status        {@link Status}
 * @param predicted     predicted class, "" when none
 * @param classes       the model's classes, empty without a prediction
 * @param probabilities one per class
 * @param verdict       applicability verdict name, "" without a prediction
 * @param domainScore   distance score (1 = threshold), NaN when not scored
 * @param reason        applicability reason, "" without a prediction
 * @param e0Ev          edge energy, NaN when not normalised
 * @param edgeStep      edge step, NaN when not normalised or already normalised by the source
 * @param warnings      warnings of all steps
 * @param error         what failed, "" when nothing did
 * @param energy        how E0 and the energy scale were chosen ({@link ProcessingFields#ENERGY}), "" when not
 *                      normalised
 */
public record ReportRow(int index, String source, String id, String element, String edge, Status status,
        String predicted, List<String> classes, double[] probabilities, String verdict, double domainScore,
        String reason, double e0Ev, double edgeStep, List<String> warnings, String error, String energy) {

    /** Outcome of one row. */
    public enum Status {
        /** Processed; a prediction (if the pipeline classifies) that applies. */
        OK,
        /** Classified, but the model says its answer does not apply (wrong element, unlike training data...). */
        NOT_APPLICABLE,
        /** The spectrum or the whole input failed; see the error. */
        FAILED
    }

    /** A row without energy record (an input that failed before normalisation, a journal of an older version). */
    public ReportRow(int index, String source, String id, String element, String edge, Status status,
            String predicted, List<String> classes, double[] probabilities, String verdict, double domainScore,
            String reason, double e0Ev, double edgeStep, List<String> warnings, String error) {
        this(index, source, id, element, edge, status, predicted, classes, probabilities, verdict, domainScore,
                reason, e0Ev, edgeStep, warnings, error, "");
    }

    public ReportRow {
        Objects.requireNonNull(energy);
        Objects.requireNonNull(source);
        Objects.requireNonNull(id);
        Objects.requireNonNull(status);
        classes = List.copyOf(classes);
        probabilities = probabilities.clone();
        warnings = List.copyOf(warnings);
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    /** @return probability of {@code cls}, NaN when the row has none for it */
    public double probability(String cls) {
        int i = classes.indexOf(cls);
        return i < 0 || i >= probabilities.length ? Double.NaN : probabilities[i];
    }

    /** @return this row with another spelling of its source (a resumed run names inputs as it was given them) */
    public ReportRow withSource(String value) {
        return new ReportRow(index, value, id, element, edge, status, predicted, classes, probabilities, verdict,
                domainScore, reason, e0Ev, edgeStep, warnings, error, energy);
    }

    /** @return this row as FAILED with {@code message} (e.g. its output could not be written), the rest kept */
    public ReportRow failed(String message) {
        return new ReportRow(index, source, id, element, edge, Status.FAILED, predicted, classes, probabilities,
                verdict, domainScore, reason, e0Ev, edgeStep, warnings, Objects.requireNonNull(message), energy);
    }

    /** @return this row with one more warning */
    public ReportRow withWarning(String warning) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.add(warning);
        return new ReportRow(index, source, id, element, edge, status, predicted, classes, probabilities, verdict,
                domainScore, reason, e0Ev, edgeStep, all, error, energy);
    }
}

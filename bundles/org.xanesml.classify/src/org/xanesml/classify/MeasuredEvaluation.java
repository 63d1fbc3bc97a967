/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.xanesml.core.Element;

/**
 * How a model does on measured spectra of known environment, in the terms a beamline user needs: of the spectra it
 * should know (in scope: the truth is one of its classes), how many it answers (in domain) and how many of those
 * answers are right; how it would do if forced to answer every one; and how many of the spectra it should not know
 * (out of scope: metals, other coordination numbers, other elements) it flags instead of answering.
 *
 * @param classes the model's classes
 * @param cases   every scored spectrum with its prediction
 */
public record MeasuredEvaluation(List<String> classes, List<Case> cases) {
    public MeasuredEvaluation {
        classes = List.copyOf(classes);
        cases = List.copyOf(cases);
    }

    /** Where a measured spectrum stands with respect to the model. */
    public enum Scope {
        /** its truth is one of the model's classes */
        IN_SCOPE,
        /** the model's element, but a label outside its classes (a metal, CN 2, ...) */
        OUT_OF_SCOPE,
        /** another element */
        OTHER_ELEMENT
    }

    /**
     * One measured spectrum.
     *
     * @param id         its file
     * @param compound   the sample
     * @param label      the reference label as the table gives it
     * @param truth      the model class it names, or null when out of scope
     * @param scope      in scope or not
     * @param prediction what the model said (for an unreadable file: null)
     * @param problem    why the spectrum could not be classified, or null
     */
    public record Case(String id, String compound, String label, String truth, Scope scope, Prediction prediction,
            String problem) {
        public Case {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(scope, "scope");
        }

        /** @return the model answered (in domain) */
        public boolean answered() {
            return prediction != null && prediction.applicability().inDomain() && prediction.label() != null;
        }

        /** @return the model's class when forced to answer, or null when it has no probabilities */
        public String forced() {
            return prediction == null ? null : prediction.label();
        }
    }

    /**
     * Where a reference row stands for a model, or null when it does not score the model's task (confidence low, or
     * no label for the task: CN and geometry are scored on single-site rows only).
     */
    public static Scope scopeOf(MeasuredReferences.Row row, Task task, Element modelElement, List<String> classes) {
        if (!row.trusted() || row.label(task).isEmpty()) {
            return null;
        }
        if (row.element() != modelElement) {
            return Scope.OTHER_ELEMENT;
        }
        return MeasuredReferences.matchClass(row.label(task), classes) != null ? Scope.IN_SCOPE : Scope.OUT_OF_SCOPE;
    }

    /** @return the case of a reference row that scores the model (see {@link #scopeOf}) */
    public static Case caseOf(MeasuredReferences.Row row, Task task, Element modelElement, List<String> classes,
            Prediction prediction, String problem) {
        Scope scope = Objects.requireNonNull(scopeOf(row, task, modelElement, classes), "row does not score the task");
        return new Case(row.path(), row.compound(), row.label(task),
                scope == Scope.IN_SCOPE ? MeasuredReferences.matchClass(row.label(task), classes) : null, scope,
                prediction, problem);
    }

    private List<Case> of(Scope s) {
        return cases.stream().filter(c -> c.scope() == s).toList();
    }

    public int inScope() {
        return of(Scope.IN_SCOPE).size();
    }

    public int answered() {
        return (int) of(Scope.IN_SCOPE).stream().filter(Case::answered).count();
    }

    /** @return answered / in scope (0 without in-scope spectra) */
    public double coverage() {
        return inScope() == 0 ? 0 : (double) answered() / inScope();
    }

    /** @return metrics of the answers given (in-scope spectra answered in domain), or null when none */
    public Metrics answeredMetrics() {
        return metrics(of(Scope.IN_SCOPE).stream().filter(Case::answered).toList());
    }

    /** @return metrics when every in-scope spectrum is forced to an answer (none counts as wrong), or null */
    public Metrics forcedMetrics() {
        return metrics(of(Scope.IN_SCOPE));
    }

    public int outOfScope() {
        return of(Scope.OUT_OF_SCOPE).size();
    }

    /** @return out-of-scope spectra of the model's element that were flagged (not answered) */
    public int outOfScopeFlagged() {
        return (int) of(Scope.OUT_OF_SCOPE).stream().filter(c -> !c.answered()).count();
    }

    public int otherElements() {
        return of(Scope.OTHER_ELEMENT).size();
    }

    public int otherElementsFlagged() {
        return (int) of(Scope.OTHER_ELEMENT).stream().filter(c -> !c.answered()).count();
    }

    private Metrics metrics(List<Case> cs) {
        if (cs.isEmpty()) {
            return null;
        }
        int k = classes.size();
        int[] t = new int[cs.size()];
        int[] p = new int[cs.size()];
        for (int i = 0; i < cs.size(); i++) {
            t[i] = classes.indexOf(cs.get(i).truth());
            String f = cs.get(i).forced();
            // no answer at all counts as wrong: the next class round, never the truth
            p[i] = f == null ? (t[i] + 1) % k : classes.indexOf(f);
        }
        return Metrics.of(t, p, k);
    }

    /** @return the summary, one line per figure, then the spectra the model got wrong or would not answer */
    public String text() {
        StringBuilder sb = new StringBuilder();
        Metrics a = answeredMetrics();
        Metrics f = forcedMetrics();
        sb.append(String.format(Locale.ROOT, "in scope: %d; answered in domain: %d (coverage %.2f)%n", inScope(),
                answered(), coverage()));
        sb.append(a == null ? "answers: none\n" : String.format(Locale.ROOT,
                "answers: accuracy %.3f, balanced accuracy %.3f (n %d)%n", a.accuracy(), a.balancedAccuracy(), a.n()));
        sb.append(f == null ? "" : String.format(Locale.ROOT, "forced: accuracy %.3f, balanced accuracy %.3f (n %d)%n",
                f.accuracy(), f.balancedAccuracy(), f.n()));
        sb.append(String.format(Locale.ROOT, "out of scope flagged: %d of %d; other elements flagged: %d of %d%n",
                outOfScopeFlagged(), outOfScope(), otherElementsFlagged(), otherElements()));
        if (a != null) {
            sb.append("confusion of answers (rows truth, columns answer; ").append(String.join(", ", classes))
                    .append("):\n").append(a.report(classes));
        }
        List<String> notes = new ArrayList<>();
        for (Case c : cases) {
            if (c.scope() == Scope.IN_SCOPE && !(c.answered() && c.truth().equals(c.forced()))) {
                notes.add(String.format(Locale.ROOT, "  %s (%s, %s): %s", c.id(), c.compound(), c.label(),
                        c.prediction() == null ? c.problem() : c.answered() ? "answered " + c.forced()
                                : c.prediction().applicability().verdict() + ", forced " + c.forced()));
            } else if (c.scope() == Scope.OUT_OF_SCOPE && c.answered()) {
                notes.add(String.format(Locale.ROOT, "  %s (%s, %s): out of scope but answered %s", c.id(),
                        c.compound(), c.label(), c.forced()));
            }
        }
        if (!notes.isEmpty()) {
            sb.append("not answered, wrong, or wrongly answered:\n").append(String.join("\n", notes)).append('\n');
        }
        return sb.toString();
    }
}

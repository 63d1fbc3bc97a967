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
 * <p>For oxidation-state models a row with a decimal average (mixed valence: magnetite 2.67, green rusts) names no
 * class: it is {@link Scope#MIXED_VALENCE}, out of the class scores, and judged by the continuous estimate
 * ({@link OxidationEstimate}) against its average instead ({@link #continuousText()}).
 *
 * @param classes the model's classes
 * @param cases   every scored spectrum with its prediction
 * @param task    the model's task (null: not known, scored as a classification only)
 */
public record MeasuredEvaluation(List<String> classes, List<Case> cases, Task task) {
    public MeasuredEvaluation {
        classes = List.copyOf(classes);
        cases = List.copyOf(cases);
    }

    /** An evaluation of a model whose task is not needed (CN, geometry). */
    public MeasuredEvaluation(List<String> classes, List<Case> cases) {
        this(classes, cases, null);
    }

    /** Where a measured spectrum stands with respect to the model. */
    public enum Scope {
        /** its truth is one of the model's classes */
        IN_SCOPE,
        /** the model's element, but a label outside its classes (a metal, CN 2, ...) */
        OUT_OF_SCOPE,
        /** another element */
        OTHER_ELEMENT,
        /** an oxidation-state model's element with a decimal (mixed-valence average) label: scored continuously */
        MIXED_VALENCE
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
        if (task == Task.OXIDATION_STATE && mixedValence(row.label(task))) {
            // "2.67" would otherwise match class "2" as a word: an average is not a class
            return Scope.MIXED_VALENCE;
        }
        return MeasuredReferences.matchClass(row.label(task), classes) != null ? Scope.IN_SCOPE : Scope.OUT_OF_SCOPE;
    }

    /** @return true for a label that is a number but not an integer (a mixed-valence average) */
    static boolean mixedValence(String label) {
        try {
            double v = Double.parseDouble(label.strip());
            return Math.abs(v - Math.rint(v)) > 1e-9;
        } catch (NumberFormatException e) {
            // not a number at all: a class name, matched as usual
            return false;
        }
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

    /**
     * The continuous estimate of one case against its known value.
     *
     * @param c the case
     * @param known the reference value (integer state or mixed-valence average)
     * @param estimate the model's expectation and spread
     */
    public record Continuous(Case c, double known, OxidationEstimate estimate) {
        /** @return |mean - known| */
        public double error() {
            return Math.abs(estimate.mean() - known);
        }
    }

    /**
     * @return for an oxidation-state model, every in-scope or mixed-valence case with a numeric label and
     *         probabilities, with its continuous estimate; empty for other tasks
     */
    public List<Continuous> continuous() {
        if (task != Task.OXIDATION_STATE) {
            return List.of();
        }
        List<Continuous> out = new ArrayList<>();
        for (Case c : cases) {
            if ((c.scope() == Scope.IN_SCOPE || c.scope() == Scope.MIXED_VALENCE) && c.prediction() != null) {
                double known;
                try {
                    known = Double.parseDouble(c.label().strip());
                } catch (NumberFormatException e) {
                    // a label that names a class but no number has no continuous reference
                    continue;
                }
                OxidationEstimate.of(c.prediction().classes(), c.prediction().probabilities())
                        .ifPresent(est -> out.add(new Continuous(c, known, est)));
            }
        }
        return out;
    }

    /** @return mixed-valence cases whose estimate is within the tolerance of the known average, and their count */
    public int[] mixedValenceWithin(double tolerance) {
        List<Continuous> mixed = continuous().stream().filter(x -> x.c().scope() == Scope.MIXED_VALENCE).toList();
        return new int[] { (int) mixed.stream().filter(x -> x.error() <= tolerance).count(), mixed.size() };
    }

    /** @return the continuous estimates, one line each, and the mixed-valence summary; "" for other tasks */
    public String continuousText() {
        List<Continuous> all = continuous();
        if (all.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("continuous estimate (sum p_k v_k +- spread) against the known state:\n");
        for (Continuous x : all) {
            sb.append(String.format(Locale.ROOT, "  %s (%s, %s%s): %.2f +- %.2f, error %.2f%s%n", x.c().id(),
                    x.c().compound(), x.c().label(), x.c().scope() == Scope.MIXED_VALENCE ? ", mixed valence" : "",
                    x.estimate().mean(), x.estimate().spread(), x.error(), x.c().answered() ? "" : " (not in domain)"));
        }
        int[] w = mixedValenceWithin(0.3);
        double mae = all.stream().mapToDouble(Continuous::error).average().orElse(Double.NaN);
        sb.append(String.format(Locale.ROOT, "mixed valence within 0.3 of the average: %d of %d; mean |error| over all"
                + " %d: %.2f%n", w[0], w[1], all.size(), mae));
        return sb.toString();
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
            } else if (c.scope() == Scope.OUT_OF_SCOPE && c.prediction() != null) {
                // how far past the threshold (1) a refused spectrum lies: how safely it is refused
                notes.add(String.format(Locale.ROOT, "  %s (%s, %s): out of scope, flagged %s, domain score %.2f",
                        c.id(), c.compound(), c.label(), c.prediction().applicability().verdict(),
                        c.prediction().applicability().score()));
            }
        }
        if (!notes.isEmpty()) {
            sb.append("not answered, wrong, wrongly answered, or refused out of scope:\n")
                    .append(String.join("\n", notes)).append('\n');
        }
        sb.append(continuousText());
        return sb.toString();
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.xanesml.classify.Task;
import org.xanesml.workflow.ProcessingFields;

/**
 * The table layout of a report (CSV, the journal of a running batch, the watch report, the HTML table): the
 * spectrum's columns, then one group of columns per model task in a stable order (coordination number, geometry,
 * oxidation state, then other tasks by name), then the processing columns. A group is
 * {@code cn_model, cn, cn_p_4, cn_p_5, cn_p_6, cn_verdict, cn_domain_score, cn_reason}; an oxidation-state group adds
 * {@code oxidation_estimate, oxidation_spread}. A report without a classify step has no groups, so a normalisation
 * summary carries no classifier columns. Rows are written and read back through the same layout.
 *
 * @param groups one per task, in column order
 */
public record ReportColumns(List<Group> groups) {
    private static final List<String> LEAD = List.of("source", "id", "element", "edge", "status");
    private static final List<String> TAIL = List.of("e0_eV", "edge_step", "warnings", "error", "energy");
    /** Joins the warnings of a row in one cell; never part of a warning the steps write. */
    static final String WARNING_SEPARATOR = " | ";
    private static final String MODEL = "_model";

    /**
     * The columns of one task.
     *
     * @param task    the task as descriptors name it
     * @param classes the classes of every model of the task in the report, in order of first appearance
     */
    public record Group(String task, List<String> classes) {
        public Group {
            Objects.requireNonNull(task);
            classes = List.copyOf(classes);
        }

        /** @return the column prefix: "cn", "geometry", "oxidation", else the task lower-cased */
        public String key() {
            return key(task);
        }

        /** @return the column prefix of {@code task}: "cn", "geometry", "oxidation", else the task lower-cased */
        public static String key(String task) {
            return switch (task) {
                case "COORDINATION_NUMBER" -> "cn";
                case "GEOMETRY" -> "geometry";
                case "OXIDATION_STATE" -> "oxidation";
                default -> task.toLowerCase(Locale.ROOT);
            };
        }

        static String task(String key) {
            for (Task t : Task.values()) {
                if (key(t.name()).equals(key)) {
                    return t.name();
                }
            }
            return key.toUpperCase(Locale.ROOT);
        }

        boolean oxidation() {
            return Task.OXIDATION_STATE.name().equals(task);
        }

        List<String> header() {
            String k = key();
            List<String> h = new ArrayList<>(List.of(k + MODEL, k));
            classes.forEach(c -> h.add(k + "_p_" + c));
            h.addAll(List.of(k + "_verdict", k + "_domain_score", k + "_reason"));
            if (oxidation()) {
                h.addAll(List.of(k + "_estimate", k + "_spread"));
            }
            return h;
        }
    }

    public ReportColumns {
        groups = List.copyOf(groups);
    }

    /** No classifier columns: a report of a pipeline without a classify step. */
    public static final ReportColumns NONE = new ReportColumns(List.of());

    /** @return the columns of {@code rows}' answers */
    public static ReportColumns of(Collection<ReportRow> rows) {
        Map<String, Set<String>> classes = new LinkedHashMap<>();
        for (ReportRow r : rows) {
            for (ReportRow.Answer a : r.answers()) {
                classes.computeIfAbsent(a.task(), t -> new LinkedHashSet<>()).addAll(a.classes());
            }
        }
        return of(classes);
    }

    /**
     * @param classesByTask each task the run's models have, with their classes (e.g. known before any spectrum is
     *                      classified, for a journal's header)
     */
    public static ReportColumns of(Map<String, ? extends Collection<String>> classesByTask) {
        List<Group> groups = new ArrayList<>();
        classesByTask.forEach((task, cs) -> groups.add(new Group(task, new ArrayList<>(cs))));
        groups.sort(Comparator.comparingInt(ReportColumns::rank).thenComparing(Group::task));
        return new ReportColumns(groups);
    }

    private static int rank(Group g) {
        for (Task t : Task.values()) {
            if (t.name().equals(g.task())) {
                return t.ordinal();
            }
        }
        return Task.values().length;
    }

    /** @return the column names, in order */
    public List<String> header() {
        List<String> h = new ArrayList<>(LEAD);
        groups.forEach(g -> h.addAll(g.header()));
        h.addAll(TAIL);
        return h;
    }

    /** @return the cells of {@code r} under {@link #header}, as text (numbers in {@link ReportWriters#num} form) */
    public List<String> cells(ReportRow r) {
        List<String> v = new ArrayList<>(List.of(r.source(), r.id(), r.element(), r.edge(), r.status().name()));
        for (Group g : groups) {
            ReportRow.Answer a = r.answer(g.task()).orElse(null);
            v.add(a == null ? "" : a.model());
            v.add(a == null ? "" : a.predicted());
            for (String c : g.classes()) {
                v.add(a == null ? "" : ReportWriters.num(a.probability(c)));
            }
            v.add(a == null ? "" : a.verdict());
            v.add(a == null ? "" : ReportWriters.num(a.domainScore()));
            v.add(a == null ? "" : a.reason());
            if (g.oxidation()) {
                v.add(a == null ? "" : ReportWriters.num(a.oxidationMean()));
                v.add(a == null ? "" : ReportWriters.num(a.oxidationSpread()));
            }
        }
        v.addAll(List.of(ProcessingFields.e0(r.e0Ev()), ProcessingFields.edgeStep(r.edgeStep()),
                String.join(WARNING_SEPARATOR, r.warnings()), r.error(), r.energy()));
        return v;
    }

    /**
     * @return the layout a header was written with
     * @throws IllegalArgumentException naming what is missing when the header is not one of {@link #header}
     */
    public static ReportColumns parse(List<String> header) {
        Map<String, List<String>> classes = new LinkedHashMap<>();
        for (String h : header) {
            if (h.endsWith(MODEL)) {
                String key = h.substring(0, h.length() - MODEL.length());
                List<String> cs = new ArrayList<>();
                for (String c : header) {
                    if (c.startsWith(key + "_p_")) {
                        cs.add(c.substring(key.length() + 3));
                    }
                }
                classes.put(Group.task(key), cs);
            }
        }
        ReportColumns columns = of(classes);
        if (!columns.header().equals(header)) {
            throw new IllegalArgumentException("the columns " + header + " are not a report's; expected "
                    + columns.header());
        }
        return columns;
    }

    /**
     * Reads back a row written by {@link #cells} (its input index is not written: -1).
     *
     * @throws IllegalArgumentException naming the cell when the cells do not fit this layout
     */
    public ReportRow row(List<String> c) {
        if (c.size() != header().size()) {
            throw new IllegalArgumentException(c.size() + " cells, the header has " + header().size());
        }
        int k = LEAD.size();
        List<ReportRow.Answer> answers = new ArrayList<>();
        for (Group g : groups) {
            String model = c.get(k);
            String predicted = c.get(k + 1);
            k += 2;
            double[] p = new double[g.classes().size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = number(c.get(k++));
            }
            String verdict = c.get(k++);
            double score = number(c.get(k++));
            String reason = c.get(k++);
            double mean = g.oxidation() ? number(c.get(k++)) : Double.NaN;
            double spread = g.oxidation() ? number(c.get(k++)) : Double.NaN;
            if (!model.isEmpty()) {
                answers.add(new ReportRow.Answer(model, g.task(), predicted, g.classes(),
                        predicted.isEmpty() ? new double[0] : p, verdict, score, reason, mean, spread));
            }
        }
        String warnings = c.get(k + 2);
        return new ReportRow(-1, c.get(0), c.get(1), c.get(2), c.get(3), status(c.get(4)), answers,
                number(c.get(k)), number(c.get(k + 1)),
                warnings.isEmpty() ? List.of() : List.of(warnings.split(java.util.regex.Pattern.quote(
                        WARNING_SEPARATOR))), c.get(k + 3), c.get(k + 4));
    }

    private static ReportRow.Status status(String s) {
        try {
            return ReportRow.Status.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status '" + s + "' is none of "
                    + List.of(ReportRow.Status.values()), e);
        }
    }

    private static double number(String s) {
        try {
            return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a number", e);
        }
    }
}

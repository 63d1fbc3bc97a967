/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-column agreement between labels we derive and a reference table, with the differing rows kept for
 * explanation. Not thread-safe: one instance per comparison run.
 */
public final class LabelAgreement {
    /** How many differing rows the Markdown report lists per column. */
    private static final int EXAMPLES_LISTED = 25;

    /** One differing cell. */
    public record Difference(String id, String expected, String actual) {
    }

    /** Counts of one column. */
    public static final class Column {
        private int compared;
        private int agreed;
        private final List<Difference> examples = new ArrayList<>();

        public int compared() {
            return compared;
        }

        public int agreed() {
            return agreed;
        }

        public int differing() {
            return compared - agreed;
        }

        /** @return the differing rows kept (see {@link LabelAgreement#LabelAgreement(String, int)}), in comparison order */
        public List<Difference> examples() {
            return List.copyOf(examples);
        }

        /** @return agreed / compared, 1 when nothing was compared */
        public double fraction() {
            return compared == 0 ? 1 : (double) agreed / compared;
        }
    }

    private final String title;
    private final int examplesKept;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    /** A comparison keeping the first {@value #EXAMPLES_LISTED} differing rows per column. */
    public LabelAgreement(String title) {
        this(title, EXAMPLES_LISTED);
    }

    /** @param examplesKept differing rows kept per column for {@link Column#examples()} */
    public LabelAgreement(String title, int examplesKept) {
        if (examplesKept < 0) {
            throw new IllegalArgumentException("examplesKept must be >= 0: " + examplesKept);
        }
        this.title = title;
        this.examplesKept = examplesKept;
    }

    /** Records one cell; strings are compared exactly, as the tables write them. */
    public void compare(String column, String id, String expected, String actual) {
        Column c = columns.computeIfAbsent(column, k -> new Column());
        c.compared++;
        if (expected.equals(actual)) {
            c.agreed++;
        } else if (c.examples.size() < examplesKept) {
            c.examples.add(new Difference(id, expected, actual));
        }
    }

    /** Adds a free-text line to the report (timings, unmatched ids, explanations). */
    public void note(String line) {
        notes.add(line);
    }

    /** @return the column counts in first-compared order */
    public Map<String, Column> columns() {
        return Map.copyOf(columns);
    }

    /** @return the column, or an empty one when never compared */
    public Column column(String name) {
        return columns.getOrDefault(name, new Column());
    }

    /** @return the report as Markdown: a table of counts, the notes, then the differing rows per column */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder("## ").append(title).append("\n\n| column | compared | agree | differ | agreement |\n|---|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            Column c = e.getValue();
            sb.append("| ").append(e.getKey()).append(" | ").append(c.compared).append(" | ").append(c.agreed).append(" | ")
                    .append(c.differing()).append(" | ").append(String.format(java.util.Locale.ROOT, "%.4f%%", 100 * c.fraction()))
                    .append(" |\n");
        }
        if (!notes.isEmpty()) {
            sb.append('\n');
            notes.forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            if (!e.getValue().examples.isEmpty()) {
                sb.append("\n### ").append(e.getKey()).append(": differing rows (first ").append(EXAMPLES_LISTED)
                        .append(")\n\n| id | reference | derived |\n|---|---|---|\n");
                for (Difference d : e.getValue().examples.stream().limit(EXAMPLES_LISTED).toList()) {
                    sb.append("| ").append(d.id()).append(" | ").append(d.expected()).append(" | ").append(d.actual()).append(" |\n");
                }
            }
        }
        return sb.toString();
    }

    /** Writes {@link #toMarkdown()} to the file, creating folders. */
    public void write(Path markdown) throws IOException {
        Path parent = markdown.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(markdown, toMarkdown(), StandardCharsets.UTF_8);
    }
}

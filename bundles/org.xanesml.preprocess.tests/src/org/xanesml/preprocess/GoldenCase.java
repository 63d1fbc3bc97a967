/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Larch golden output (a JSON sidecar and its CSV), read with a minimal test-only parser: the sidecars are
 * flat enough that the few numbers needed are found by key with regular expressions.
 */
record GoldenCase(String name, Path json, String text, Path csv) {

    static GoldenCase of(Path json) {
        try {
            String text = Files.readString(json);
            String name = json.getFileName().toString().replace(".json", "");
            String csvName = string(text, "csv");
            Path csv = csvName == null ? null : json.resolveSibling(csvName);
            return new GoldenCase(name, json, text, csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden file " + json, e);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    boolean ok() {
        return "ok".equals(string(text, "result")) || (string(text, "result") == null && csv != null);
    }

    /** The top-level value of {@code key}: the last occurrence, because nested blocks come earlier in the file. */
    Double number(String key) {
        Matcher m = Pattern.compile("\\n \"" + Pattern.quote(key) + "\": (-?[0-9.eE+\\-]+|null|NaN)").matcher(text);
        if (!m.find()) {
            return null;
        }
        String v = m.group(1);
        return "null".equals(v) ? null : Double.valueOf(v);
    }

    Boolean bool(String key) {
        Matcher m = Pattern.compile("\\n \"" + Pattern.quote(key) + "\": (true|false)").matcher(text);
        return m.find() ? Boolean.valueOf(m.group(1)) : null;
    }

    String topString(String key) {
        return string(text, key);
    }

    static String string(String text, String key) {
        Matcher m = Pattern.compile("\\n \"" + Pattern.quote(key) + "\": \"([^\"]*)\"").matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** A number inside {@code "call_kwargs": {...}}, or null when that argument was not passed. */
    Double kwarg(String key) {
        String block = block("call_kwargs");
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\": (-?[0-9.eE+\\-]+|true|false)").matcher(block);
        if (!m.find()) {
            return null;
        }
        String v = m.group(1);
        if ("true".equals(v)) {
            return 1.0;
        }
        if ("false".equals(v)) {
            return 0.0;
        }
        return Double.valueOf(v);
    }

    String block(String key) {
        int i = text.indexOf("\n \"" + key + "\": {");
        if (i < 0) {
            return "";
        }
        int depth = 0;
        int start = text.indexOf('{', i);
        for (int k = start; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return text.substring(start, k + 1);
            }
        }
        return text.substring(start);
    }

    /** Numbers of a JSON array value {@code "key": [a, b, ...]} inside {@code block}. */
    static double[] array(String block, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\": \\[([^\\]]*)\\]").matcher(block);
        if (!m.find()) {
            return null;
        }
        String[] parts = m.group(1).split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i].strip());
        }
        return out;
    }

    /** @return a number inside a nested block, e.g. {@code numberIn("pre_edge_line", "pre_offset")} */
    Double numberIn(String blockKey, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\": (-?[0-9.eE+\\-]+)").matcher(block(blockKey));
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    PreEdgeParameters parameters() {
        PreEdgeParameters p = PreEdgeParameters.automatic();
        p = p.withE0(kwarg("e0")).withEdgeStep(kwarg("step")).withPreEdgeRange(kwarg("pre1"), kwarg("pre2"))
                .withNormRange(kwarg("norm1"), kwarg("norm2"));
        Double nnorm = kwarg("nnorm");
        if (nnorm != null) {
            p = p.withNnorm(nnorm.intValue());
        }
        Double nvict = kwarg("nvict");
        if (nvict != null) {
            p = p.withNvict(nvict.intValue());
        }
        Double npre = kwarg("npre");
        if (npre != null) {
            p = p.withNpre(npre.intValue());
        }
        Double iscalc = kwarg("iscalc");
        return p.withCalculated(iscalc != null && iscalc == 1.0);
    }

    /** Columns of a golden CSV by header name; {@code nan}/{@code inf} parse as Java's non-finite values. */
    static Columns readCsv(Path csv) {
        try {
            List<String> lines = Files.readAllLines(csv);
            String[] header = lines.get(0).split(",");
            List<double[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split(",");
                double[] r = new double[header.length];
                for (int k = 0; k < header.length; k++) {
                    r[k] = parse(f[k]);
                }
                rows.add(r);
            }
            return new Columns(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden CSV " + csv, e);
        }
    }

    private static double parse(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        switch (t) {
        case "nan":
            return Double.NaN;
        case "inf":
        case "+inf":
            return Double.POSITIVE_INFINITY;
        case "-inf":
            return Double.NEGATIVE_INFINITY;
        default:
            return Double.parseDouble(t);
        }
    }

    record Columns(String[] header, List<double[]> rows) {
        double[] get(String name) {
            for (int k = 0; k < header.length; k++) {
                if (header[k].strip().equals(name)) {
                    double[] out = new double[rows.size()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = rows.get(i)[k];
                    }
                    return out;
                }
            }
            throw new IllegalArgumentException("no column " + name + " in " + String.join(",", header));
        }
    }
}

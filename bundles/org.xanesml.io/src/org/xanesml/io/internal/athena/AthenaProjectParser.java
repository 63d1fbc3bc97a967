/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal.athena;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.xanesml.io.SpectrumReadException;

/**
 * Parses an Athena project ({@code .prj}, gzip-compressed or plain) into its groups without evaluating it.
 * <p>
 * Layout handled (Athena 0.8 and Demeter 0.9): comment header; per group {@code $old_group = 'name';},
 * {@code @args = (key, value, ...);}, numeric arrays {@code @x}, {@code @y}, optionally {@code @i0},
 * {@code @signal}, {@code @stddev}, an optional {@code $xdi = bless({...}, 'Xray::XDI');}, closed by
 * {@code [record]}; then project-level {@code @journal}, {@code %plot_features}, {@code @indicator}, {@code 1;}.
 */
public final class AthenaProjectParser {
    /** Largest inflated project accepted; real projects are a few MB, a bigger one is a decompression bomb or junk. */
    public static final long MAX_INFLATED_BYTES = 256L * 1024 * 1024;

    static final String HEADER = "# Athena project file";

    private AthenaProjectParser() {
    }

    public static AthenaProject parse(Path file) throws SpectrumReadException {
        return parse(file, text(file));
    }

    /** Parses project text already read (and inflated) from {@code file}; {@code file} only names errors. */
    public static AthenaProject parse(Path file, String text) throws SpectrumReadException {
        String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        if (!firstLine.startsWith(HEADER) && !text.contains("$old_group")) {
            throw new SpectrumReadException(file, 1, "not an Athena project: expected the line '" + HEADER
                    + " ...' or a '$old_group' statement, found '" + abbreviate(firstLine) + "'");
        }
        PerlDataParser parser = new PerlDataParser(file, text);
        List<AthenaGroup> groups = new ArrayList<>();
        List<String> journal = new ArrayList<>();
        GroupBuilder open = null;
        PerlStatement s;
        while ((s = parser.next()) != null) {
            if (s.sigil() == '$' && s.name().equals("old_group")) {
                if (open != null) {
                    throw new SpectrumReadException(file, s.line(), "group '" + open.name + "' (line " + open.line
                            + ") is not closed by [record] before the next $old_group");
                }
                open = new GroupBuilder(s.value().text(), groups.size(), s.line());
            } else if (s.isMarker("record")) {
                if (open == null) {
                    throw new SpectrumReadException(file, s.line(), "[record] without a preceding $old_group");
                }
                groups.add(open.build(file));
                open = null;
            } else if (s.sigil() == '[') {
                throw new SpectrumReadException(file, s.line(), "unknown marker [" + s.name() + "]; expected [record]");
            } else if (open != null) {
                open.add(file, s);
            } else if (s.sigil() == '@' && s.name().equals("journal")) {
                journalLines(s.value(), journal);
            }
            // Other project-level statements (%plot_features, @indicator, %lcf_data) are display state, not data.
        }
        if (open != null) {
            throw new SpectrumReadException(file, open.line, "group '" + open.name
                    + "' is not closed by [record] before the end of the file (truncated project?)");
        }
        if (groups.isEmpty()) {
            throw new SpectrumReadException(file, 0, "Athena project holds no group ($old_group ... [record])");
        }
        return new AthenaProject(file, firstLine.startsWith("#") ? firstLine.substring(1).strip() : "", journal,
                groups);
    }

    private static void journalLines(PerlValue v, List<String> out) {
        if (v instanceof PerlValue.PerlList list) {
            list.items().forEach(i -> journalLines(i, out));
        } else if (v instanceof PerlValue.Scalar scalar) {
            out.add(scalar.text());
        }
        // An empty hash ("@journal = {};", written by some Demeter versions) carries no text.
    }

    /** Reads the file, inflating it when it starts with the gzip magic, and decodes it as UTF-8. */
    static String text(Path file) throws SpectrumReadException {
        byte[] bytes;
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = raw.markSupported() ? raw : new java.io.BufferedInputStream(raw);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_INFLATED_BYTES + 1));
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new SpectrumReadException(file, 0, "gzip stream is corrupt or truncated: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SpectrumReadException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_INFLATED_BYTES) {
            throw new SpectrumReadException(file, 0, "inflated project exceeds " + MAX_INFLATED_BYTES
                    + " bytes; not an Athena project");
        }
        for (int i = 0; i < Math.min(bytes.length, 4096); i++) {
            if (bytes[i] == 0) {
                throw new SpectrumReadException(file, 0, "binary content (NUL byte at offset " + i
                        + "); an Athena project is text");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // Athena 0.8 on Windows wrote Latin-1 labels; every byte is a valid Latin-1 character.
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    /** Collects one group's statements between $old_group and [record]. */
    private static final class GroupBuilder {
        final String name;
        final int record;
        final long line;
        final Map<String, PerlValue> args = new LinkedHashMap<>();
        final Map<String, double[]> arrays = new LinkedHashMap<>();
        final Map<String, String> xdi = new LinkedHashMap<>();

        GroupBuilder(String name, int record, long line) {
            this.name = name;
            this.record = record;
            this.line = line;
        }

        void add(Path file, PerlStatement s) throws SpectrumReadException {
            if (s.sigil() == '@' && s.name().equals("args")) {
                if (!(s.value() instanceof PerlValue.PerlList list) || list.items().size() % 2 != 0) {
                    throw new SpectrumReadException(file, s.line(), "@args of group '" + name
                            + "' must be a list of key, value pairs");
                }
                for (int i = 0; i < list.items().size(); i += 2) {
                    args.put(list.items().get(i).text(), list.items().get(i + 1));
                }
            } else if (s.sigil() == '@') {
                double[] values = numbers(s.value());
                if (values != null) {
                    arrays.put(s.name(), values);
                } else if (s.name().equals("x") || s.name().equals("y")) {
                    throw new SpectrumReadException(file, s.line(), "@" + s.name() + " of group '" + name
                            + "' must be a list of numbers; " + firstNonNumber(s.value()));
                } else {
                    // A non-numeric list inside a group (a future Athena field) is kept as an argument.
                    args.put("@" + s.name(), s.value());
                }
            } else if (s.sigil() == '$' && s.name().equals("xdi")) {
                flattenXdi(s.value());
            } else {
                args.put(s.sigil() + s.name(), s.value());
            }
        }

        private void flattenXdi(PerlValue v) {
            PerlValue inner = v instanceof PerlValue.Blessed b ? b.value() : v;
            if (!(inner instanceof PerlValue.PerlHash hash)) {
                return;
            }
            if (hash.entries().get("metadata") instanceof PerlValue.PerlHash meta) {
                meta.entries().forEach((ns, tags) -> {
                    if (tags instanceof PerlValue.PerlHash t) {
                        t.entries().forEach((tag, value) -> xdi.put(ns + "." + tag, value.text()));
                    }
                });
            }
            PerlValue comments = hash.entries().get("comments");
            if (comments != null && !comments.text().isBlank()) {
                xdi.put("comments", comments.text().strip());
            }
        }

        AthenaGroup build(Path file) throws SpectrumReadException {
            double[] x = arrays.get("x");
            double[] y = arrays.get("y");
            if (x == null || y == null) {
                throw new SpectrumReadException(file, line, "group '" + name + "' has no @" + (x == null ? "x" : "y")
                        + " array; expected @x and @y before [record]");
            }
            if (x.length != y.length) {
                throw new SpectrumReadException(file, line, "group '" + name + "' has " + x.length
                        + " values in @x but " + y.length + " in @y; expected equal lengths");
            }
            return new AthenaGroup(name, record, line, args, arrays, xdi);
        }

        /** @return the list as numbers, or null when any item is not a number */
        private static double[] numbers(PerlValue v) {
            if (!(v instanceof PerlValue.PerlList list)) {
                return null;
            }
            double[] out = new double[list.items().size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.items().get(i) instanceof PerlValue.Scalar s)) {
                    return null;
                }
                try {
                    out[i] = Double.parseDouble(s.text().strip());
                } catch (NumberFormatException e) {
                    return null; // the caller decides whether a non-numeric list is an error, naming the item
                }
            }
            return out;
        }

        private static String firstNonNumber(PerlValue v) {
            if (v instanceof PerlValue.PerlList list) {
                for (int i = 0; i < list.items().size(); i++) {
                    String t = list.items().get(i).text();
                    try {
                        Double.parseDouble(t.strip());
                    } catch (NumberFormatException e) {
                        return "item " + (i + 1) + " is '" + abbreviate(t) + "'";
                    }
                }
            }
            return "found " + abbreviate(v.text());
        }
    }
}

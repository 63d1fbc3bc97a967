/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;
import org.xanesml.io.internal.TextFile;
import org.xanesml.io.internal.XdiParser;

/**
 * Reads and writes XDI 1.0 documents (XAS Data Interchange, see the specification shipped with the XDI project).
 * Reading a file into a {@link Spectrum} goes through {@link SpectrumReaders}; this class is for keeping or producing
 * the XDI file itself: parse, write back (every field, comment and number preserved), or export a spectrum.
 * <p>
 * Numbers are written with {@link Double#toString(double)}, the shortest text that parses back to the same double,
 * so a parse-write-parse cycle returns equal numbers even where the text differs ({@code 8779} becomes
 * {@code 8779.0}).
 */
public final class Xdi {
    private static final Pattern XDI_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*\\.[A-Za-z0-9_-]+");

    private Xdi() {
    }

    /** @throws SpectrumReadException naming file and line for anything that breaks the XDI grammar */
    public static XdiDocument parse(Path file) throws SpectrumReadException {
        return XdiParser.parse(TextFile.read(file));
    }

    /** Parses text in memory; {@code nameForMessages} is used in error messages only. */
    public static XdiDocument parse(String text, Path nameForMessages) throws SpectrumReadException {
        return XdiParser.parse(TextFile.ofText(nameForMessages, text));
    }

    /** Writes the document in XDI 1.0 layout with LF line ends. */
    public static void write(XdiDocument doc, Appendable out) throws IOException {
        out.append("# ").append(doc.versionLine()).append('\n');
        for (XdiDocument.Field f : doc.fields()) {
            out.append("# ").append(f.name()).append(": ").append(f.value()).append('\n');
        }
        if (doc.hasFieldEndLine()) {
            out.append("# ///\n");
            for (String c : doc.comments()) {
                out.append(c.isEmpty() ? "#" : "# " + c).append('\n');
            }
        }
        out.append("#----\n");
        if (!doc.columnLabels().isEmpty()) {
            out.append("# ").append(String.join(" ", doc.columnLabels())).append('\n');
        }
        StringBuilder row = new StringBuilder(128);
        int nextField = 0;
        List<XdiDocument.RowField> rowFields = doc.rowFields();
        for (int r = 0; r <= doc.rowCount(); r++) {
            while (nextField < rowFields.size() && rowFields.get(nextField).beforeRow() == r) {
                XdiDocument.Field f = rowFields.get(nextField++).field();
                out.append("# ").append(f.name()).append(": ").append(f.value()).append('\n');
            }
            if (r == doc.rowCount()) {
                break;
            }
            row.setLength(0);
            for (int c = 0; c < doc.columnCount(); c++) {
                row.append("  ").append(Double.toString(doc.value(c, r)));
            }
            out.append(row).append('\n');
        }
    }

    /** @return the document as XDI text. */
    public static String toText(XdiDocument doc) {
        StringBuilder b = new StringBuilder(64 * (doc.rowCount() + doc.fields().size() + 8));
        try {
            write(doc, b);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not throw", e);
        }
        return b.toString();
    }

    /** Writes the document to a UTF-8 file. */
    public static void write(XdiDocument doc, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(doc, w);
        }
    }

    /**
     * Builds an XDI document from a spectrum: columns {@code energy} (eV) and {@code mutrans}, or {@code normtrans}
     * when the spectrum is edge-normalised; {@code Element.symbol/edge} when known; every metadata entry whose key is
     * an XDI field name ({@code Namespace.tag}, except Column fields, which are rewritten) and the comments an XDI
     * source carried under {@code xdi.comments}.
     */
    public static XdiDocument fromSpectrum(Spectrum spectrum) {
        List<XdiDocument.Field> fields = new ArrayList<>();
        String muLabel = spectrum.muScale() == MuScale.EDGE_NORMALIZED ? "normtrans" : "mutrans";
        fields.add(new XdiDocument.Field("Column", "1", "energy eV"));
        fields.add(new XdiDocument.Field("Column", "2", muLabel));
        spectrum.absorber().ifPresent(e -> fields.add(new XdiDocument.Field("Element", "symbol", e.symbol())));
        spectrum.edge().ifPresent(e -> fields.add(new XdiDocument.Field("Element", "edge", e.name())));
        for (Map.Entry<String, String> m : spectrum.metadata().entrySet()) {
            String key = m.getKey();
            if (!XDI_NAME.matcher(key).matches() || key.regionMatches(true, 0, "Column.", 0, 7)
                    || key.equalsIgnoreCase("Element.symbol") || key.equalsIgnoreCase("Element.edge")
                    || key.startsWith("xanesml.") || key.startsWith("xdi.")) {
                continue;
            }
            int dot = key.indexOf('.');
            // A field value must stay on one line.
            String value = m.getValue().replace('\n', ' ').replace('\r', ' ');
            fields.add(new XdiDocument.Field(key.substring(0, dot), key.substring(dot + 1), value));
        }
        List<String> comments = new ArrayList<>();
        String carried = spectrum.metadata().get("xdi.comments");
        if (carried != null) {
            comments.addAll(List.of(carried.split("\n", -1)));
        }
        comments.add("written by xanesml from spectrum '" + spectrum.id() + "'");
        return new XdiDocument("XDI/1.0 xanesml/0.1", fields, null, true, comments, List.of("energy", muLabel), 0,
                new double[][] {spectrum.energyEv(), spectrum.mu()}, null, List.of(), List.of());
    }
}

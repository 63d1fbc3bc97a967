/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.xanesml.classify.LabelTable;
import org.xanesml.workflow.report.ReportRow;
import org.xanesml.workflow.report.ReportWriters;

/**
 * The rows of a running batch, appended as CSV lines while inputs finish (one write per input), beside the report
 * that will be written atomically at the end. A run that is killed leaves its finished rows here; {@code --resume}
 * reads them back and processes only the rest. A last line cut by the kill is ignored.
 */
final class Journal implements AutoCloseable {
    /** The last field of a first line that records the run's identity: the URL-encoded CSV header. */
    private static final String HEADER_FIELD = " header=";

    private final FileChannel channel;
    private final OutputStream out;
    private final List<String> classes;

    private Journal(FileChannel channel, List<String> classes) {
        this.channel = channel;
        this.out = Channels.newOutputStream(channel);
        this.classes = classes;
    }

    static Path pathFor(Path report) {
        return report.resolveSibling(report.getFileName() + ".journal");
    }

    static Journal open(Path file, List<String> classes) throws IOException {
        return open(file, classes, null);
    }

    /**
     * @param identity the run's identity, written with the CSV header into the first line of a new journal (one
     *                 line, so the journal still holds one line per row after it), for --resume to check
     */
    static Journal open(Path file, List<String> classes, RunIdentity identity) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        Journal j = new Journal(ch, classes);
        if (fresh) {
            String header = ReportWriters.csvHeaderLine(classes);
            j.write((identity == null ? header : identity.line() + HEADER_FIELD
                    + URLEncoder.encode(header, StandardCharsets.UTF_8)) + "\n");
        }
        return j;
    }

    void append(List<ReportRow> rows) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (ReportRow r : rows) {
            // One physical line per row, so a cut last line is recognisable and the rest stays readable.
            sb.append(ReportWriters.csvRow(r, classes).replace('\n', ' ').replace('\r', ' ')).append('\n');
        }
        write(sb.toString());
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /**
     * @return the complete rows of a journal, without their input index (set to -1); cells are read back as they
     *         were before the writer escaped them against formulas ({@link LabelTable#split})
     */
    static List<ReportRow> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        // The element after the last newline is empty for a complete file, or a line cut by a kill.
        lines.remove(lines.size() - 1);
        List<ReportRow> rows = new ArrayList<>();
        if (lines.isEmpty()) {
            return rows;
        }
        List<String> header = LabelTable.split(header(lines.get(0)));
        List<String> classes = new ArrayList<>();
        for (String h : header) {
            if (h.startsWith("p_")) {
                classes.add(h.substring(2));
            }
        }
        int fixed = 7;
        // journals of versions before the energy column have none: their rows keep an empty one
        int energy = header.lastIndexOf("energy");
        for (int n = 1; n < lines.size(); n++) {
            List<String> c = LabelTable.split(lines.get(n));
            if (c.size() != header.size()) {
                throw new IOException(file + ", line " + (n + 1) + ": " + c.size() + " cells, header has "
                        + header.size());
            }
            boolean predicted = !c.get(5).isEmpty();
            double[] p = new double[predicted ? classes.size() : 0];
            for (int i = 0; i < p.length; i++) {
                p[i] = number(c.get(fixed + i));
            }
            int k = fixed + classes.size();
            String warnings = c.get(k + 4);
            rows.add(new ReportRow(-1, c.get(0), c.get(1), c.get(2), c.get(3), ReportRow.Status.valueOf(c.get(4)),
                    c.get(5), predicted ? classes : List.of(), p, c.get(k), number(c.get(k + 1)), c.get(k + 6),
                    number(c.get(k + 2)), number(c.get(k + 3)),
                    warnings.isEmpty() ? List.of() : List.of(warnings.split(" \\| ")), c.get(k + 5),
                    energy < 0 ? "" : c.get(energy)));
        }
        return rows;
    }

    /** @return the identity of the run that wrote the journal, empty for a journal without one (older version) */
    static Optional<RunIdentity> identity(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return RunIdentity.parse(r.readLine());
        }
    }

    /** @return the CSV header of a journal's first line: the line itself, or the header field of a run identity */
    private static String header(String firstLine) {
        int at = firstLine.indexOf(HEADER_FIELD);
        return RunIdentity.parse(firstLine).isPresent() && at >= 0
                ? URLDecoder.decode(firstLine.substring(at + HEADER_FIELD.length()), StandardCharsets.UTF_8)
                : firstLine;
    }

    private static double number(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}

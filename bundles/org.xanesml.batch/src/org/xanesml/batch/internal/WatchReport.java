/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.xanesml.classify.LabelTable;
import org.xanesml.workflow.report.ReportRow;
import org.xanesml.workflow.report.ReportWriters;

/**
 * The report of {@code xanesml watch}, which is also its only state: a CSV file to which each reading of a file is
 * appended (its rows, in one write, synced), each row carrying the file's key (real path, size, modification time,
 * content hash) and the model's checksum. A restarted watch rebuilds from it what is done, so there is no second
 * record that a kill could leave out of step with it.
 * <p>
 * A file read again because it changed gets a new reading whose rows say so ("re-read: changed since line N"); the
 * {@code current} column (the last, one character) is 1 on the rows of each file's latest reading and 0 on the
 * readings it replaced: after the new reading is appended, the old rows' flags are set to 0 in place.
 * <p>
 * Killed at any point, the report is made whole when it is opened again: an unfinished last line or reading (a write
 * cut short) is removed, so that file is read again; a reading whose older reading still says current is given its
 * flag. A file is thus never recorded twice for one content, and never left out.
 */
final class WatchReport implements AutoCloseable {
    /** The columns after the usual report columns: the file's key, the model, and the reading's place. */
    static final List<String> KEY_COLUMNS = List.of("file", "file_size", "file_modified", "file_sha256",
            "model_sha256", "reading", "part", "current");
    /** Files up to this size are hashed whole; spectrum files are kilobytes, so this is nearly always the case. */
    static final long WHOLE_HASH_BYTES = 1L << 20;
    /** Of a larger file, the end is hashed: where a growing file changes. Size and time are compared too. */
    static final int TAIL_HASH_BYTES = 64 * 1024;

    /** The places between the writes of one reading, where a test stops the watch as a kill would. */
    enum Point {
        /** Before anything of the reading is written. */
        BEFORE_APPEND,
        /** Half of the reading's bytes written (a write cut short by the kill). */
        MID_APPEND,
        /** The reading appended, the readings it replaces not yet marked. */
        AFTER_APPEND,
        /** The first of several replaced rows marked, the others not. */
        BETWEEN_MARKS,
        /** Everything written. */
        AFTER_MARKS
    }

    /** Called at each {@link Point}; a test throws there. */
    @FunctionalInterface
    interface Faults {
        void at(Point point, Path file);

        Faults NONE = (point, file) -> {
            // no faults outside tests
        };
    }

    /**
     * What identifies one content of a file.
     *
     * @param size     bytes
     * @param modified modification time
     * @param sha256   "sha256:&lt;hex&gt;" of the whole file, "tail-sha256:&lt;hex&gt;" of its last
     *                 {@value #TAIL_HASH_BYTES} bytes when larger than {@value #WHOLE_HASH_BYTES}, or "" when it could
     *                 not be read (the reader then reports why)
     */
    record FileKey(long size, FileTime modified, String sha256) {
        FileKey {
            Objects.requireNonNull(modified, "modified");
            Objects.requireNonNull(sha256, "sha256");
        }

        /** @return the key of the file as it is now */
        static FileKey of(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            String hash;
            try {
                hash = hash(file, a.size());
            } catch (IOException e) {
                // Unreadable content: recorded without a hash; the reader's failure row says why.
                hash = "";
            }
            return new FileKey(a.size(), a.lastModifiedTime(), hash);
        }

        /** @return size and modification time of the file now, without hashing */
        static FileKey stamp(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileKey(a.size(), a.lastModifiedTime(), "");
        }

        boolean sameStamp(FileKey other) {
            return size == other.size && modified.equals(other.modified);
        }

        /** Same content: same size and hash (a file touched, or copied back unchanged, is not read again). */
        boolean sameContent(FileKey other) {
            return size == other.size && !sha256.isEmpty() && sha256.equals(other.sha256);
        }

        private static String hash(Path file, long size) throws IOException {
            MessageDigest md;
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java has SHA-256", e);
            }
            boolean whole = size <= WHOLE_HASH_BYTES;
            try (InputStream in = Files.newInputStream(file)) {
                if (!whole) {
                    in.skipNBytes(size - TAIL_HASH_BYTES);
                }
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                }
            }
            return (whole ? "sha256:" : "tail-sha256:") + HexFormat.of().formatHex(md.digest());
        }
    }

    /**
     * One reading of a file: its rows are lines {@code firstLine ... firstLine + flags.length - 1} of the report.
     *
     * @param flags byte offsets of the rows' {@code current} flags
     */
    private record Reading(Path file, FileKey key, int firstLine, long[] flags) {
    }

    private final Path path;
    private final FileChannel channel;
    private final List<String> classes;
    private final String header;
    private final String modelSha256;
    private final Faults faults;
    /** Each file's latest reading, by real path. */
    private final Map<Path, Reading> current = new LinkedHashMap<>();
    private long length;
    /** Lines in the report, the header included. */
    private int lines;

    private WatchReport(Path path, FileChannel channel, List<String> classes, String modelSha256, Faults faults) {
        this.path = path;
        this.channel = channel;
        this.classes = List.copyOf(classes);
        List<String> h = new ArrayList<>(ReportWriters.csvHeader(classes));
        h.addAll(KEY_COLUMNS);
        this.header = String.join(",", h);
        this.modelSha256 = modelSha256;
        this.faults = faults;
    }

    /**
     * Opens the report (creating it when missing) and makes it whole after a kill (see the class comment).
     *
     * @param folder the watched folder's real path: a report holding rows of files elsewhere is another watch's
     * @param notes  told what was repaired, in the user's terms
     * @throws IOException naming the report and what is wrong when it is not a watch report of this model and folder,
     *                     or damaged other than by a kill; or when it cannot be read or written
     */
    static WatchReport open(Path report, List<String> classes, String modelSha256, Path folder, Faults faults,
            Consumer<String> notes) throws IOException {
        Path parent = report.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel ch = FileChannel.open(report, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        WatchReport r = new WatchReport(report, ch, classes, modelSha256, faults);
        try {
            r.load(folder, notes);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return r;
    }

    /** @return the key of each file's latest reading, by real path */
    Map<Path, FileKey> done() {
        Map<Path, FileKey> out = new HashMap<>();
        current.forEach((f, r) -> out.put(f, r.key()));
        return out;
    }

    Path path() {
        return path;
    }

    /** Reads the report back, removes what a kill cut short and sets the flags a kill left unset. */
    private void load(Path folder, Consumer<String> notes) throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException(path + " has " + size + " bytes; start a new report with -o");
        }
        ByteBuffer all = ByteBuffer.allocate((int) size);
        while (all.hasRemaining() && channel.read(all, all.position()) >= 0) {
            // read it all
        }
        byte[] bytes = all.array();
        List<long[]> spans = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                spans.add(new long[] {start, i});
                start = i + 1;
            }
        }
        // bytes after the last line end: the start of a line whose write was cut short
        long keep = start;
        if (spans.isEmpty()) {
            if (size > 0) {
                notes.accept("removed an unfinished header (" + size + " bytes) from " + path
                        + ", left by a watch that was stopped while it wrote it");
                truncate(0);
            }
            return;
        }
        String head = text(bytes, spans.get(0));
        if (!head.equals(header) && LabelTable.split(head).equals(withoutEnergy(LabelTable.split(header)))) {
            throw new IOException(path + " was written by an older xanesml watch, without the column 'energy' (how E0"
                    + " and the energy scale were chosen) that rows have now; give another report with -o");
        }
        if (!head.equals(header)) {
            throw new IOException(path + " is not the report of a watch with this model: " + (head.contains(
                    "file_sha256") ? "its columns (classes " + classesOf(head) + ") are not this model's "
                            + classes : "it has no file keys (written by an older xanesml watch, or another CSV)")
                    + "; give another report with -o");
        }
        int width = LabelTable.split(head).size();
        int fileColumn = width - KEY_COLUMNS.size();
        List<Reading> readings = new ArrayList<>();
        Map<Path, List<Reading>> byFile = new HashMap<>();
        Reading open = null;
        int expected = 0;
        int openRows = 0;
        long openStart = -1;
        for (int s = 1; s < spans.size(); s++) {
            int line = s + 1;
            long[] span = spans.get(s);
            List<String> c = LabelTable.split(text(bytes, span));
            String flag = c.isEmpty() ? "" : c.get(c.size() - 1);
            int[] part = c.size() == width ? part(c.get(width - 2)) : null;
            if (c.size() != width || part == null || !(flag.equals("0") || flag.equals("1"))) {
                if (s == spans.size() - 1) {
                    // the last line, complete but garbled: a write cut short and then padded (power loss)
                    keep = open != null ? openStart : span[0];
                    open = null;
                    break;
                }
                throw new IOException(path + ", line " + line + ": not a row of this report (" + c.size()
                        + " cells, expected " + width + "); it was changed by hand or damaged: repair it, or give"
                        + " another report with -o");
            }
            if (!c.get(fileColumn + 4).equals(modelSha256)) {
                throw new IOException(path + ", line " + line + ": made with another model (SHA-256 "
                        + abbreviated(c.get(fileColumn + 4)) + ", now " + abbreviated(modelSha256)
                        + "); one report holds one model's answers: give another report with -o");
            }
            Path file = Path.of(c.get(fileColumn));
            if (!file.startsWith(folder)) {
                throw new IOException(path + ", line " + line + ": " + file + " is not in the watched folder "
                        + folder + "; this is another folder's report: give another report with -o");
            }
            FileKey key;
            try {
                key = new FileKey(Long.parseLong(c.get(fileColumn + 1)), FileTime.from(Instant.parse(c.get(
                        fileColumn + 2))), c.get(fileColumn + 3));
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IOException(path + ", line " + line + ": file size or time unreadable (" + e.getMessage()
                        + "); repair it, or give another report with -o", e);
            }
            long flagAt = span[1] - 1;
            if (part[0] == 1) {
                if (open != null) {
                    throw incomplete(line - 1, open);
                }
                open = new Reading(file, key, line, new long[part[1]]);
                openStart = span[0];
                expected = part[1];
                openRows = 0;
            } else if (open == null || part[0] != openRows + 1 || part[1] != expected || !file.equals(open.file())) {
                throw new IOException(path + ", line " + line + ": part " + part[0] + "/" + part[1] + " of a reading"
                        + " whose earlier rows are missing; repair it, or give another report with -o");
            }
            open.flags()[openRows++] = flagAt;
            if (openRows == expected) {
                readings.add(open);
                byFile.computeIfAbsent(file, k -> new ArrayList<>()).add(open);
                open = null;
            }
        }
        if (open != null) {
            // a reading whose last rows were never written: the write was cut short by a kill
            keep = openStart;
        }
        if (keep < size) {
            notes.accept("removed " + (size - keep) + " bytes of an unfinished reading from the end of " + path
                    + ", left by a watch that was stopped while it wrote them; that file is read again");
            truncate(keep);
        }
        length = keep;
        lines = 1 + (int) readings.stream().mapToLong(r -> r.flags().length).sum();
        int fixed = 0;
        for (List<Reading> list : byFile.values()) {
            for (int i = 0; i < list.size() - 1; i++) {
                fixed += mark(list.get(i), (byte) '0', true);
            }
            fixed += mark(list.get(list.size() - 1), (byte) '1', true);
            current.put(list.get(list.size() - 1).file(), list.get(list.size() - 1));
        }
        if (fixed > 0) {
            channel.force(false);
            notes.accept("set the 'current' flag of " + fixed + " row(s) of " + path + " left unset by a watch that"
                    + " was stopped between two writes");
        }
    }

    private IOException incomplete(int line, Reading r) {
        return new IOException(path + ", line " + line + ": the reading of " + r.file() + " from line "
                + r.firstLine() + " has fewer rows than it says; repair it, or give another report with -o");
    }

    private static int[] part(String cell) {
        int slash = cell.indexOf('/');
        try {
            int k = Integer.parseInt(cell.substring(0, Math.max(0, slash)));
            int n = Integer.parseInt(cell.substring(slash + 1));
            return k >= 1 && k <= n ? new int[] {k, n} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> withoutEnergy(List<String> columns) {
        List<String> out = new ArrayList<>(columns);
        out.remove("energy");
        return out;
    }

    private static String classesOf(String header) {
        List<String> out = new ArrayList<>();
        for (String h : LabelTable.split(header)) {
            if (h.startsWith("p_")) {
                out.add(h.substring(2));
            }
        }
        return out.toString();
    }

    private static String text(byte[] bytes, long[] span) {
        return new String(bytes, (int) span[0], (int) (span[1] - span[0]), StandardCharsets.UTF_8);
    }

    private void truncate(long size) throws IOException {
        channel.truncate(size);
        channel.force(true);
    }

    /**
     * Sets the reading's {@code current} flags to {@code value}.
     *
     * @param onlyIfDifferent look first, and write only the flags that differ (when repairing)
     * @return flags written
     */
    private int mark(Reading r, byte value, boolean onlyIfDifferent) throws IOException {
        int written = 0;
        for (int i = 0; i < r.flags().length; i++) {
            long at = r.flags()[i];
            if (onlyIfDifferent) {
                ByteBuffer b = ByteBuffer.allocate(1);
                channel.read(b, at);
                if (b.position() == 1 && b.get(0) == value) {
                    continue;
                }
            }
            if (i == 1 && !onlyIfDifferent) {
                faults.at(Point.BETWEEN_MARKS, r.file());
            }
            channel.write(ByteBuffer.wrap(new byte[] {value}), at);
            written++;
        }
        return written;
    }

    /**
     * Records a reading of {@code file}: appends its rows (the first row of the report preceded by the header) in
     * one synced write, then marks the file's previous reading as replaced.
     *
     * @param source how the file is named in the rows' {@code source} column
     * @param rows   the reading's rows; none becomes one FAILED row, so a reading is never empty
     * @return the reading's description for the user: "new" or "re-read: changed since line N"
     */
    String record(Path file, FileKey key, List<ReportRow> rows, Path source) throws IOException {
        if (rows.isEmpty()) {
            rows = List.of(new ReportRow(-1, source.toString(), String.valueOf(source.getFileName()), "", "",
                    ReportRow.Status.FAILED, "", List.of(), new double[0], "", Double.NaN, "", Double.NaN,
                    Double.NaN, List.of(), source + ": no spectrum in the file"));
        }
        Reading previous = current.get(file);
        String reading = previous == null ? "new" : "re-read: changed since line " + previous.firstLine();
        StringBuilder sb = new StringBuilder();
        if (length == 0) {
            sb.append(header).append('\n');
        }
        // a new report's header is written with its first reading: line 1
        int firstLine = (length == 0 ? 1 : lines) + 1;
        long[] flags = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            // One physical line per row, so that lines and rows are counted alike and a cut line is recognised.
            String cells = ReportWriters.csvRow(rows.get(i), classes).replace('\n', ' ').replace('\r', ' ');
            sb.append(cells);
            for (String k : List.of(file.toString(), Long.toString(key.size()), key.modified().toInstant().toString(),
                    key.sha256(), modelSha256, reading, (i + 1) + "/" + rows.size())) {
                sb.append(',').append(quote(k));
            }
            sb.append(",1");
            flags[i] = length + sb.toString().getBytes(StandardCharsets.UTF_8).length - 1;
            sb.append('\n');
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        faults.at(Point.BEFORE_APPEND, file);
        write(bytes, length, file);
        channel.force(false);
        faults.at(Point.AFTER_APPEND, file);
        length += bytes.length;
        lines = firstLine + rows.size() - 1;
        Reading now = new Reading(file, key, firstLine, flags);
        current.put(file, now);
        if (previous != null) {
            mark(previous, (byte) '0', false);
            channel.force(false);
        }
        faults.at(Point.AFTER_MARKS, file);
        return reading;
    }

    private void write(byte[] bytes, long at, Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (faults != Faults.NONE) {
            // a test's kill in the middle of the write: half of it reaches the disk
            b.limit(bytes.length / 2);
            while (b.hasRemaining()) {
                channel.write(b, at + b.position());
            }
            channel.force(false);
            faults.at(Point.MID_APPEND, file);
            b.limit(bytes.length);
        }
        while (b.hasRemaining()) {
            channel.write(b, at + b.position());
        }
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"").replace('\n', ' ').replace('\r', ' ') + '"';
    }

    private static String abbreviated(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

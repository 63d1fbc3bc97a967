/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Tells from a file's own content whether its writer has finished it, for the formats that end with a mark a
 * writer puts there last. A folder watcher uses it to read such a file as soon as it is finished, however long the
 * writer paused before, and never before; formats without one are judged by how long they stay unchanged.
 * <p>
 * Which of the formats {@link SpectrumReaders} reads carry an end mark:
 * <ul>
 * <li><b>NeXus / HDF5</b>: the superblock records the end-of-file address; the HDF5 library writes the final one
 * when it closes the file and cuts the file to it, so a finished file is exactly that long. A file longer or
 * shorter is still being written (or was cut). A version 3 superblock also says when the file is open for writing
 * (consistency flags).</li>
 * <li><b>Athena projects</b> ({@code .prj}): Athena and Larch end a project with the Perl statement {@code 1;}
 * (followed by an editor block {@code # Local Variables: ... # End:}); every group comes before it. Projects are
 * usually gzip-compressed, and a gzip stream is finished only when its trailer (CRC and length) is there.</li>
 * <li><b>any gzip-compressed file</b>: the gzip trailer.</li>
 * <li><b>JSON documents</b> (Materials Project XAS, TRIXS): the bracket that closes the top-level value.</li>
 * </ul>
 * XDI, plain columns, FEFF {@code xmu.dat}, FDMNES output and Materials Project TSV files have none: the XDI
 * specification ends a file with its last data row, and FEFF and FDMNES write their spectra without a closing line.
 * For those the answer is {@link State#NONE}.
 * <p>
 * Stateless and thread-safe. Never throws: a file that cannot be looked at is {@link State#NONE} with the reason,
 * so the caller falls back to its own rule and the reader reports the problem.
 */
public final class EndMarkers {
    /** What the content says about the writer. */
    public enum State {
        /** The format's end mark is there: the writer has finished. */
        COMPLETE,
        /** The format has an end mark and it is not there (yet): the writer is still busy, or the file was cut. */
        INCOMPLETE,
        /** The format has no end mark (or the file could not be looked at): only time can tell. */
        NONE
    }

    /**
     * @param state  {@link State}
     * @param format the format whose mark was looked for ("HDF5", "Athena project", "gzip", "JSON"), "" for none
     * @param detail what was found, in the user's terms (e.g. "HDF5 end-of-file address 4096, file has 2048 bytes")
     */
    public record Result(State state, String format, String detail) {
        public Result {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(detail, "detail");
        }

        static Result none(String detail) {
            return new Result(State.NONE, "", detail);
        }
    }

    static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    /** Bytes looked at to recognise a format, as for detection. */
    private static final int HEAD = SpectrumReaders.SNIFF_BYTES;
    /** Enough of an Athena project's end for its last statement and the editor block after it. */
    private static final int TAIL = 4096;
    /**
     * Inflating or scanning a whole file costs about a second per 200 MB; spectrum files are far smaller, so a larger
     * one is judged by time rather than read in full at every change.
     */
    static final long MAX_SCANNED_BYTES = 256L * 1024 * 1024;

    private EndMarkers() {
    }

    /** @return whether {@code file}'s format has an end mark, and whether it is there */
    public static Result check(Path file) {
        try {
            byte[] head = head(file);
            long size = Files.size(file);
            long hdf5 = hdf5Superblock(head);
            if (hdf5 >= 0) {
                return hdf5(file, hdf5, size);
            }
            if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
                return gzip(file, size);
            }
            if (isAthena(head)) {
                return athena(tailText(file, size), "Athena project");
            }
            if (isJson(head)) {
                return json(file, size);
            }
            return Result.none("no end mark in this format");
        } catch (IOException e) {
            return Result.none("cannot read the file: " + e.getMessage());
        }
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        }
    }

    /**
     * @return the offset of the HDF5 superblock (0, 512, 1024, 2048... as the format places it after a user block),
     *         or -1 when the file is no HDF5 file
     */
    private static long hdf5Superblock(byte[] head) {
        // Looked for in the head only: a user block before the superblock is rare and small.
        for (int offset = 0; offset + HDF5_SIGNATURE.length <= head.length; offset = offset == 0 ? 512 : offset * 2) {
            if (java.util.Arrays.equals(head, offset, offset + HDF5_SIGNATURE.length, HDF5_SIGNATURE, 0,
                    HDF5_SIGNATURE.length)) {
                return offset;
            }
        }
        return -1;
    }

    private static Result hdf5(Path file, long at, long size) throws IOException {
        String format = "HDF5";
        byte[] sb = read(file, at, 8 + 16 + 4 + 4 * 8);
        if (sb.length < 16) {
            return new Result(State.INCOMPLETE, format, "the HDF5 superblock is not complete yet (" + size
                    + " bytes)");
        }
        int version = sb[8] & 0xff;
        int offsets;
        int p;
        int flags = 0;
        if (version <= 1) {
            offsets = sb[13] & 0xff;
            p = 24 + (version == 1 ? 4 : 0);
            // base address, free-space address, then the end-of-file address
            p += 2 * offsets;
        } else if (version <= 3) {
            offsets = sb[9] & 0xff;
            flags = sb[11] & 0xff;
            // base address, superblock extension address, then the end-of-file address
            p = 12 + 2 * offsets;
        } else {
            return Result.none("HDF5 superblock version " + version + " is not known here; judged by time");
        }
        if (offsets != 2 && offsets != 4 && offsets != 8) {
            return Result.none("HDF5 superblock gives " + offsets + "-byte addresses; judged by time");
        }
        if (sb.length < p + offsets) {
            return new Result(State.INCOMPLETE, format, "the HDF5 superblock is not complete yet (" + size
                    + " bytes)");
        }
        long base = address(sb, p - 2 * offsets, offsets);
        long eof = address(sb, p, offsets);
        if (version == 3 && (flags & 0x05) != 0) {
            // bit 0: open for writing, bit 2: open for single-writer/multiple-reader writing
            return new Result(State.INCOMPLETE, format, "the HDF5 file is open for writing (superblock flags "
                    + flags + ")");
        }
        if (eof < 0) {
            return new Result(State.INCOMPLETE, format, "the HDF5 superblock has no end-of-file address yet");
        }
        // The address is relative to the base address, which is the user block's size (0 without one); writers
        // differ in whether they count the user block, so either length is a finished file.
        if (size == eof || size == base + eof) {
            return new Result(State.COMPLETE, format, "HDF5 end-of-file address " + eof + " = file size");
        }
        return new Result(State.INCOMPLETE, format, "HDF5 end-of-file address " + (base + eof) + " but the file has "
                + size + " bytes (" + (size < base + eof ? "cut short or still being written" : "still being written")
                + ")");
    }

    /** @return the little-endian address, or -1 for HDF5's "undefined address" (all bits set) */
    private static long address(byte[] b, int at, int width) {
        ByteBuffer buf = ByteBuffer.wrap(b, at, width).order(ByteOrder.LITTLE_ENDIAN);
        long v = switch (width) {
            case 2 -> buf.getShort() & 0xffffL;
            case 4 -> buf.getInt() & 0xffffffffL;
            default -> buf.getLong();
        };
        boolean undefined = switch (width) {
            case 2 -> v == 0xffffL;
            case 4 -> v == 0xffffffffL;
            default -> v == -1L;
        };
        return undefined ? -1 : v;
    }

    private static byte[] read(Path file, long at, int length) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(length);
            while (b.hasRemaining() && ch.read(b, at + b.position()) > 0) {
                // read until full or the end of the file
            }
            return java.util.Arrays.copyOf(b.array(), b.position());
        }
    }

    private static Result gzip(Path file, long size) throws IOException {
        if (size > MAX_SCANNED_BYTES) {
            return Result.none("gzip file of " + size + " bytes is too large to inflate at every change; judged by"
                    + " time");
        }
        byte[] ring = new byte[TAIL];
        long total = 0;
        byte[] inflatedHead;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            inflatedHead = in.readNBytes(HEAD);
            total = inflatedHead.length;
            keep(ring, inflatedHead, inflatedHead.length, 0);
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                keep(ring, buf, n, total);
                total += n;
                if (total > MAX_SCANNED_BYTES) {
                    return Result.none("gzip file inflates to more than " + MAX_SCANNED_BYTES + " bytes; judged by"
                            + " time");
                }
            }
        } catch (EOFException e) {
            return new Result(State.INCOMPLETE, "gzip", "the gzip stream ends before its trailer (" + size
                    + " bytes; still being written or cut short)");
        } catch (ZipException e) {
            // Not an unfinished stream but a damaged one: no waiting makes it whole, the reader says what is wrong.
            return Result.none("the gzip stream is damaged (" + e.getMessage() + "); judged by time");
        }
        if (isAthena(inflatedHead)) {
            return athena(ringText(ring, total), "gzip-compressed Athena project");
        }
        return new Result(State.COMPLETE, "gzip", "gzip trailer present");
    }

    private static void keep(byte[] ring, byte[] data, int n, long position) {
        for (int i = Math.max(0, n - ring.length); i < n; i++) {
            ring[(int) ((position + i) % ring.length)] = data[i];
        }
    }

    private static String ringText(byte[] ring, long total) {
        int n = (int) Math.min(total, ring.length);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = ring[(int) ((total - n + i) % ring.length)];
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    private static String tailText(Path file, long size) throws IOException {
        long from = Math.max(0, size - TAIL);
        return new String(read(file, from, (int) (size - from)), StandardCharsets.ISO_8859_1);
    }

    private static boolean isAthena(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        return text.stripLeading().startsWith("# Athena project file")
                || text.contains("$old_group") && text.contains("@args");
    }

    /**
     * The last statement of a finished project is {@code 1;}, on a finished line; what follows it, if anything, is
     * the editor block, which is finished by its line {@code # End:}.
     */
    static Result athena(String tail, String format) {
        if (!tail.endsWith("\n") && !tail.endsWith("\r")) {
            return new Result(State.INCOMPLETE, format, "the project's last line is not finished yet");
        }
        List<String> lines = tail.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        int i = lines.size() - 1;
        if (i >= 0 && lines.get(i).startsWith("#")) {
            if (!lines.get(i).equals("# End:")) {
                return new Result(State.INCOMPLETE, format, "the project's closing editor block has no '# End:'"
                        + " yet");
            }
            while (i >= 0 && lines.get(i).startsWith("#")) {
                i--;
            }
        }
        if (i < 0) {
            return new Result(State.INCOMPLETE, format, "the project has no statement yet");
        }
        if (!lines.get(i).equals("1;")) {
            return new Result(State.INCOMPLETE, format, "the project does not end with its closing '1;' yet (last"
                    + " statement: '" + abbreviate(lines.get(i)) + "')");
        }
        return new Result(State.COMPLETE, format, "closing '1;' present");
    }

    private static boolean isJson(byte[] head) {
        for (byte b : head) {
            if (b == '{' || b == '[') {
                return true;
            }
            if (!(b == ' ' || b == '\t' || b == '\r' || b == '\n' || (b & 0xff) == 0xef || (b & 0xff) == 0xbb
                    || (b & 0xff) == 0xbf)) {
                // anything else first (a byte-order mark aside): not JSON
                return false;
            }
        }
        return false;
    }

    /** The top-level value is finished when the bracket that opened it is closed (strings and escapes skipped). */
    private static Result json(Path file, long size) throws IOException {
        if (size > MAX_SCANNED_BYTES) {
            return Result.none("JSON file of " + size + " bytes is too large to scan at every change; judged by"
                    + " time");
        }
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        boolean opened = false;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (inString) {
                        if (escaped) {
                            escaped = false;
                        } else if (b == '\\') {
                            escaped = true;
                        } else if (b == '"') {
                            inString = false;
                        }
                    } else if (b == '"') {
                        inString = true;
                    } else if (b == '{' || b == '[') {
                        depth++;
                        opened = true;
                    } else if (b == '}' || b == ']') {
                        depth--;
                        if (opened && depth <= 0) {
                            // What follows the value, if anything, is for the reader to judge.
                            return new Result(State.COMPLETE, "JSON", "top-level value closed");
                        }
                    }
                }
            }
        }
        return new Result(State.INCOMPLETE, "JSON", "the JSON document is not closed yet (" + depth + " bracket(s)"
                + " open" + (inString ? ", inside a string" : "") + ")");
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}

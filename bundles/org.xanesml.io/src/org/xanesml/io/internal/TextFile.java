/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.zip.GZIPInputStream;

import org.xanesml.io.SpectrumReadException;

/**
 * The lines of a text spectrum file, read once into memory with hard bounds, so that a wrong or hostile file (a
 * binary image, a gigabyte of header) fails fast with a clear message instead of exhausting memory.
 * <p>
 * Line ends may be LF, CRLF or a lone CR (the XDI specification allows all three). Text is decoded as UTF-8 (XDI
 * allows UTF-8 in free text) and falls back to ISO-8859-1 for old Windows exports, which never fails.
 */
public final class TextFile {
    /** Spectrum text files are kilobytes to a few megabytes; a VASP spectrum with 40,000 rows is about 2 MB. */
    public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    /** No legitimate header or data line comes near this; it bounds memory for files without line ends. */
    public static final int MAX_LINE_CHARS = 64 * 1024;
    /** Bounds the header section: XDI headers of real beamlines hold at most a few hundred lines. */
    public static final int MAX_HEADER_LINES = 10_000;

    /** Reads eight bytes of a byte[] as one long (any alignment), for {@link #isPrintable}. */
    private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final Path file;
    /**
     * The text, one byte per character: the file's own bytes when they are ASCII (nearly every spectrum file), else
     * the decoded characters with those above U+00FF as '?'. Numbers are parsed from here without a String per line;
     * no character outside ASCII is part of a number, so '?' changes no value and no verdict.
     */
    private final byte[] latin1;
    /** The decoded text when the file is not ASCII (its lines are cut from it, as written), else null. */
    private final String decoded;
    /** Line k (0-based) is {@code latin1[bounds[2k], bounds[2k + 1])}, without its line end. */
    private final int[] bounds;
    private final int lineCount;
    private final List<String> lines = new Lines();

    private TextFile(Path file, byte[] latin1, String decoded, LineBounds split) {
        this.file = file;
        this.latin1 = latin1;
        this.decoded = decoded;
        this.bounds = split.bounds();
        this.lineCount = split.count();
    }

    /**
     * @throws SpectrumReadException when the file cannot be read, is larger than {@link #MAX_FILE_BYTES}, looks
     *                               binary, or has a line longer than {@link #MAX_LINE_CHARS}
     */
    public static TextFile read(Path file) throws SpectrumReadException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new SpectrumReadException(file, 0, "file has " + size + " bytes; a text spectrum is expected"
                        + " to be below " + MAX_FILE_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
            if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                bytes = gunzip(file, bytes);
            }
        } catch (SpectrumReadException e) {
            throw e;
        } catch (IOException e) {
            throw new SpectrumReadException(file, 0, "cannot read the file: " + e, e);
        }
        return of(file, bytes);
    }

    /** Inflates a gzip-compressed text file, bounded by {@link #MAX_FILE_BYTES} inflated. */
    private static byte[] gunzip(Path file, byte[] compressed) throws SpectrumReadException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            // read one byte past the bound, so a file exactly at the bound is not refused
            byte[] out = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (out.length > MAX_FILE_BYTES) {
                throw new SpectrumReadException(file, 0, "gzip content inflates to more than " + MAX_FILE_BYTES
                        + " bytes; a text spectrum is expected to be smaller");
            }
            return out;
        } catch (IOException e) {
            throw new SpectrumReadException(file, 0, "the gzip stream is corrupt or truncated (" + e.getMessage()
                    + "); expected a complete .gz file", e);
        }
    }

    /** Splits bytes already in memory (e.g. an archive member); {@code file} names them in messages. */
    public static TextFile of(Path file, byte[] bytes) throws SpectrumReadException {
        // the binary checks, the ASCII test and the line ends in one pass over the bytes
        LineBounds split = split(file, bytes, 0);
        checkControls(file, split.control(), bytes.length);
        if (split.ascii()) {
            // nearly every spectrum file: ASCII is the same in UTF-8 and Latin-1, and the bytes are the characters
            split.checkLength(file);
            return new TextFile(file, bytes, null, split);
        }
        return ofDecoded(file, decode(bytes));
    }

    /** Parses text already decoded, for writers' round trips and tests. */
    public static TextFile ofText(Path file, String text) throws SpectrumReadException {
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new SpectrumReadException(file, lineOfOffset(text, nul), "NUL character at offset " + nul
                    + "; expected a text file, this looks binary");
        }
        return ofDecoded(file, text);
    }

    /** A text without NUL characters, split at the offsets of its characters. */
    private static TextFile ofDecoded(Path file, String text) throws SpectrumReadException {
        byte[] image = new byte[text.length()];
        for (int i = 0; i < image.length; i++) {
            char c = text.charAt(i);
            image[i] = c <= 0xff ? (byte) c : (byte) '?';
        }
        // a byte-order mark written by some Windows tools is not part of the first line
        LineBounds split = split(file, image, text.isEmpty() || text.charAt(0) != '\uFEFF' ? 0 : 1);
        split.checkLength(file);
        return new TextFile(file, image, text, split);
    }

    /**
     * Rejects content with NUL bytes or many control characters in the first {@code length} bytes: text spectrum
     * formats never hold them, while images, HDF5 files and compressed archives always do.
     */
    public static void checkNotBinary(Path file, byte[] bytes, int length) throws SpectrumReadException {
        checkText(file, bytes, length);
    }

    /** {@link #checkNotBinary}, in the same pass telling whether every byte is ASCII (for the head of a file). */
    private static boolean checkText(Path file, byte[] bytes, int length) throws SpectrumReadException {
        int n = Math.min(length, bytes.length);
        int control = 0;
        int high = 0;
        for (int i = 0; i < n; i++) {
            byte b = bytes[i];
            high |= b;
            if (b < 32 && b >= 0) { // one test for the printable bytes of a text file, which run here by the million
                if (b == 0) {
                    throw new SpectrumReadException(file, lineOfOffset(bytes, i), "NUL byte at offset " + i
                            + "; expected a text file, this looks binary");
                }
                if (b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                    control++;
                }
            }
        }
        checkControls(file, control, n);
        return high >= 0 && n == bytes.length; // a byte of 128 or more is negative and sets the sign bit
    }

    private static void checkControls(Path file, int control, int n) throws SpectrumReadException {
        // A few stray control characters happen in old exports (form feeds, EOF markers); 1% of the head does not.
        if (control > 8 && control * 100L > n) {
            throw new SpectrumReadException(file, 0, control + " control bytes in the first " + n
                    + " bytes; expected a text file, this looks binary");
        }
    }

    /** @return true when the bytes look like text by the same rule as {@link #checkNotBinary}. */
    public static boolean looksLikeText(byte[] head) {
        try {
            checkNotBinary(null, head, head.length);
            return true;
        } catch (SpectrumReadException e) {
            return false;
        }
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // Not UTF-8: an old Latin-1 export. Every byte is a valid ISO-8859-1 character, so this cannot fail.
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * Finds the lines of {@code text} from {@code from} on (LF, CRLF or a lone CR end a line; a last line without
     * one counts), refusing a NUL byte and counting the other control bytes and the bytes of 128 or more on the way.
     * Over the bytes of a file this is the one pass that both the binary check and the split need.
     */
    private static LineBounds split(Path file, byte[] text, int from) throws SpectrumReadException {
        int n = text.length;
        int[] bounds = new int[Math.max(32, n / 20)]; // two ints a line, lines of about 40 bytes
        int count = 0;
        int control = 0;
        int high = 0;
        int start = from;
        int i = from;
        while (i < n) {
            // eight printable ASCII bytes (32..127) at a time: under C1 the byte loop was a fifth of reading a file
            if (n - i >= 8 && isPrintable((long) EIGHT_BYTES.get(text, i))) {
                i += 8;
                continue;
            }
            for (int stop = Math.min(i + 8, n); i < stop; i++) {
                byte b = text[i];
                high |= b;
                if (b < 32 && b >= 0) {
                    if (b == '\n' || b == '\r') {
                        if (b == '\r' || i == 0 || text[i - 1] != '\r') { // the LF of a CRLF ended nothing new
                            if (2 * count + 2 > bounds.length) {
                                bounds = Arrays.copyOf(bounds, 2 * bounds.length);
                            }
                            bounds[2 * count] = start;
                            bounds[2 * count + 1] = i;
                            count++;
                        }
                        start = i + 1;
                    } else if (b == 0) {
                        throw new SpectrumReadException(file, lineOfOffset(text, i), "NUL byte at offset " + i
                                + "; expected a text file, this looks binary");
                    } else if (b != '\t' && b != '\f') {
                        control++;
                    }
                }
            }
        }
        if (start < n) {
            if (2 * count + 2 > bounds.length) {
                bounds = Arrays.copyOf(bounds, 2 * count + 2);
            }
            bounds[2 * count] = start;
            bounds[2 * count + 1] = n;
            count++;
        }
        return new LineBounds(bounds, count, control, high >= 0); // a byte of 128 or more sets the sign bit
    }

    /**
     * @return true when each of the eight bytes in {@code w} is printable ASCII (32..127): subtracting 32 from each
     *         sets the top bit of a byte below 32 (the lowest such byte exactly, a borrow may mark more), and a byte
     *         of 128 or more has it set already
     */
    private static boolean isPrintable(long w) {
        return (((w - 0x2020202020202020L) | w) & 0x8080808080808080L) == 0;
    }

    /** Where the lines of a text are; {@code ascii} when no byte was 128 or more. */
    private record LineBounds(int[] bounds, int count, int control, boolean ascii) {
        /** Refuses the first line longer than {@link #MAX_LINE_CHARS}. */
        void checkLength(Path file) throws SpectrumReadException {
            for (int k = 0; k < count; k++) {
                int length = bounds[2 * k + 1] - bounds[2 * k];
                if (length > MAX_LINE_CHARS) {
                    throw new SpectrumReadException(file, k + 1L, "line has " + length + " characters; expected at"
                            + " most " + MAX_LINE_CHARS + " (is this a text spectrum file?)");
                }
            }
        }
    }

    private static long lineOfOffset(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static long lineOfOffset(String text, int offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    public Path file() {
        return file;
    }

    /** @return the lines without their line ends; line {@code n} (1-based) is {@code lines().get(n - 1)}. */
    public List<String> lines() {
        return lines;
    }

    public int lineCount() {
        return lineCount;
    }

    /** @return line {@code index} (0-based) as a String, made on each call. */
    private String line(int index) {
        Objects.checkIndex(index, lineCount);
        int start = bounds[2 * index];
        int end = bounds[2 * index + 1];
        return decoded != null ? decoded.substring(start, end)
                : new String(latin1, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /**
     * @return the text, one byte per character (see {@link #latin1}), not copied: callers in this package read it
     *         between {@link #lineStart} and {@link #lineEnd} and must not modify it
     */
    byte[] latin1View() {
        return latin1;
    }

    /** @return the offset in {@link #latin1View} where line {@code index} (0-based) starts. */
    int lineStart(int index) {
        return bounds[2 * index];
    }

    /** @return the offset in {@link #latin1View} where line {@code index} (0-based) ends, before its line end. */
    int lineEnd(int index) {
        return bounds[2 * index + 1];
    }

    /** The lines as Strings, each made when asked for: the numeric block of a file is parsed without them. */
    private final class Lines extends AbstractList<String> implements RandomAccess {
        @Override
        public String get(int index) {
            return line(index);
        }

        @Override
        public int size() {
            return lineCount;
        }
    }

    /** @return an exception at the 1-based line, naming this file. */
    public SpectrumReadException error(long line, String detail) {
        return new SpectrumReadException(file, line, detail);
    }
}

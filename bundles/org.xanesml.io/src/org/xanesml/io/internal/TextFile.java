/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

    private final Path file;
    private final List<String> lines;

    private TextFile(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
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
        boolean ascii = checkText(file, bytes, bytes.length);
        // nearly every spectrum file is ASCII, the same in UTF-8 and Latin-1, and a Latin-1 string is a copy of the
        // bytes, where the UTF-8 decoder goes through a char buffer twice the size
        String text = ascii ? new String(bytes, StandardCharsets.ISO_8859_1) : decode(bytes);
        return new TextFile(file, split(file, text));
    }

    /** Parses text already decoded, for writers' round trips and tests. */
    public static TextFile ofText(Path file, String text) throws SpectrumReadException {
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new SpectrumReadException(file, lineOfOffset(text, nul), "NUL character at offset " + nul
                    + "; expected a text file, this looks binary");
        }
        return new TextFile(file, split(file, text));
    }

    /**
     * Rejects content with NUL bytes or many control characters in the first {@code length} bytes: text spectrum
     * formats never hold them, while images, HDF5 files and compressed archives always do.
     */
    public static void checkNotBinary(Path file, byte[] bytes, int length) throws SpectrumReadException {
        checkText(file, bytes, length);
    }

    /** {@link #checkNotBinary}, in the same pass telling whether every byte is ASCII. */
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
        // A few stray control characters happen in old exports (form feeds, EOF markers); 1% of the head does not.
        if (control > 8 && control * 100L > n) {
            throw new SpectrumReadException(file, 0, control + " control bytes in the first " + n
                    + " bytes; expected a text file, this looks binary");
        }
        return high >= 0 && n == bytes.length; // a byte of 128 or more is negative and sets the sign bit
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

    private static List<String> split(Path file, String text) throws SpectrumReadException {
        if (text.indexOf('\r') < 0) {
            return splitLf(file, text);
        }
        List<String> out = new ArrayList<>(Math.max(16, text.length() / 40));
        int n = text.length();
        int start = 0;
        int i = 0;
        if (n > 0 && text.charAt(0) == '\uFEFF') {
            start = 1; // byte-order mark written by some Windows tools
            i = 1;
        }
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                addLine(file, out, text, start, i);
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
            i++;
        }
        if (start < n) {
            addLine(file, out, text, start, n);
        }
        return Collections.unmodifiableList(out);
    }

    /** {@link #split} for text with LF line ends only, the common case, with the JDK's vectorised search. */
    private static List<String> splitLf(Path file, String text) throws SpectrumReadException {
        List<String> out = new ArrayList<>(Math.max(16, text.length() / 40));
        int n = text.length();
        int start = n > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            addLine(file, out, text, start, end);
            start = end + 1;
        }
        return Collections.unmodifiableList(out);
    }

    private static void addLine(Path file, List<String> out, String text, int start, int end)
            throws SpectrumReadException {
        if (end - start > MAX_LINE_CHARS) {
            throw new SpectrumReadException(file, out.size() + 1L, "line has " + (end - start)
                    + " characters; expected at most " + MAX_LINE_CHARS + " (is this a text spectrum file?)");
        }
        out.add(text.substring(start, end));
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
        return lines.size();
    }

    /** @return an exception at the 1-based line, naming this file. */
    public SpectrumReadException error(long line, String detail) {
        return new SpectrumReadException(file, line, detail);
    }
}

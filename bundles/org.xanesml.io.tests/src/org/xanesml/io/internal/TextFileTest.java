/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.xanesml.io.SpectrumReadException;

/**
 * TextFile finds line ends eight bytes at a time and keeps lines as offsets into the bytes (or into the characters'
 * Latin-1 image when the file is not ASCII); its lines must be those of the plain reading: decode (ASCII, else strict
 * UTF-8, else Latin-1), drop a byte-order mark, split at LF, CRLF and a lone CR.
 */
class TextFileTest {
    private static final Path NAME = Path.of("t.txt");

    /** The plain reading the fast one must agree with: the characters, then their lines. */
    private static String plainText(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static List<String> plainLines(String text) {
        int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        List<String> out = new ArrayList<>();
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    @Test
    void linesAreThoseOfThePlainReadingForEveryLineEndAndEncoding() throws SpectrumReadException {
        // pieces: ASCII text and numbers, every line end, tabs and form feeds, UTF-8 (middle dot, U+2028, a
        // byte-order mark), a lone Latin-1 byte (not UTF-8)
        byte[][] pieces = {"a".getBytes(StandardCharsets.US_ASCII), "8979.25 ".getBytes(StandardCharsets.US_ASCII),
            "#".getBytes(StandardCharsets.US_ASCII), {' '}, {'\t'}, {'\f'}, {'\n'}, {'\r'}, {'\r', '\n'},
            "\u00b7".getBytes(StandardCharsets.UTF_8), "\u2028".getBytes(StandardCharsets.UTF_8),
            {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, {(byte) 0xb7}, "0123456789abcdef".getBytes(StandardCharsets.US_ASCII)};
        SplittableRandom random = new SplittableRandom(20261206);
        for (int k = 0; k < 50_000; k++) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int n = random.nextInt(0, 30);
            for (int i = 0; i < n; i++) {
                // ASCII most of the time, as in files, so that the eight-byte path runs between the line ends
                int p = random.nextInt(4) == 0 ? random.nextInt(pieces.length) : random.nextInt(8);
                b.writeBytes(pieces[p]);
            }
            byte[] bytes = b.toByteArray();
            String plain = plainText(bytes);
            List<String> expected = plainLines(plain);
            TextFile text = TextFile.of(NAME, bytes);
            assertEquals(expected, text.lines(), () -> new String(bytes, StandardCharsets.ISO_8859_1));
            assertEquals(expected.size(), text.lineCount());
            // the bytes the numeric block is parsed from hold each line's characters, one byte each
            for (int li = 0; li < expected.size(); li++) {
                String line = expected.get(li);
                byte[] image = new byte[line.length()];
                for (int c = 0; c < image.length; c++) {
                    image[c] = line.charAt(c) <= 0xff ? (byte) line.charAt(c) : (byte) '?';
                }
                byte[] view = java.util.Arrays.copyOfRange(text.latin1View(), text.lineStart(li), text.lineEnd(li));
                assertArrayEquals(image, view, line);
            }
            assertEquals(expected, TextFile.ofText(NAME, plain).lines());
        }
    }

    @Test
    void numbersAfterANonAsciiHeaderReadAsInAnAsciiFile() throws SpectrumReadException {
        String rows = "8979.0 1.5e3\t0.25\r\n\r\n 8980.5 -2 .5\r\n";
        NumericTable ascii = NumericTable.parse(TextFile.of(NAME, ("# x\r\n" + rows).getBytes(StandardCharsets.UTF_8)),
                1, 0, ' ', NumericTable.CommentLines.REJECT);
        NumericTable utf8 = NumericTable.parse(TextFile.of(NAME, ("# Zn3(PO4)2\u00b74H2O \u2028\r\n" + rows)
                .getBytes(StandardCharsets.UTF_8)), 1, 0, ' ', NumericTable.CommentLines.REJECT);
        for (NumericTable t : List.of(ascii, utf8)) {
            assertArrayEquals(new double[] {8979.0, 8980.5}, t.column(0));
            assertArrayEquals(new double[] {1500, -2}, t.column(1));
            assertArrayEquals(new double[] {0.25, 0.5}, t.column(2));
            assertArrayEquals(new long[] {2, 4}, t.lineNumbers());
        }
        // a character above U+00FF inside a row is no number: reported as the plain reading reports it
        SpectrumReadException e = assertThrows(SpectrumReadException.class, () -> NumericTable.parse(
                TextFile.of(NAME, "# h\n1 2\n3 4\u20ac\n".getBytes(StandardCharsets.UTF_8)), 1, 0, ' ',
                NumericTable.CommentLines.REJECT));
        assertEquals(3L, e.line().orElseThrow());
        assertEquals(true, e.getMessage().contains("'4\u20ac' is not a number"), e.getMessage());
    }

    @Test
    void binaryContentAndOverlongLinesAreRefusedAsBefore() {
        byte[] nul = "ab\ncd\n\0ef".getBytes(StandardCharsets.ISO_8859_1);
        SpectrumReadException e = assertThrows(SpectrumReadException.class, () -> TextFile.of(NAME, nul));
        assertEquals(3L, e.line().orElseThrow());
        assertEquals(true, e.getMessage().contains("NUL byte at offset 6"), e.getMessage());
        byte[] controls = new byte[100];
        java.util.Arrays.fill(controls, (byte) 1);
        e = assertThrows(SpectrumReadException.class, () -> TextFile.of(NAME, controls));
        assertEquals(true, e.getMessage().contains("100 control bytes in the first 100 bytes"), e.getMessage());
        byte[] longLine = ("1 2\n" + "9".repeat(TextFile.MAX_LINE_CHARS + 1) + "\n").getBytes(StandardCharsets.US_ASCII);
        e = assertThrows(SpectrumReadException.class, () -> TextFile.of(NAME, longLine));
        assertEquals(2L, e.line().orElseThrow());
        assertEquals(true, e.getMessage().contains("line has " + (TextFile.MAX_LINE_CHARS + 1) + " characters"),
                e.getMessage());
    }
}

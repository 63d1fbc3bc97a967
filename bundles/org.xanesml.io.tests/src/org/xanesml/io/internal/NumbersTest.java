/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The fast path of {@link Numbers#parseOrNaN} must give Double.parseDouble's value to the last bit. */
class NumbersTest {

    private static void assertSameAsJdk(String token) {
        double expected = Double.parseDouble(token.replace('d', 'e').replace('D', 'e'));
        double actual = Numbers.parseOrNaN(token);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> token + ": expected " + expected + ", got " + actual);
    }

    @Test
    void tokensOfEveryShapeReadAsTheJdkReadsThem() {
        for (String t : List.of("0", "-0", "+0.0", "-0.000", "1", "1.", ".5", "-.5", "8979.1234", "0.00123",
                "1.0523e-01", "1.0523E+01", "6.02214076e23", "1e22", "1e23", "1e-22", "1e-23", "9007199254740992",
                "9007199254740993", "123456789012345678", "1234567890123456789", "0.1", "0.3", "2.2250738585072014e-308",
                "4.9e-324", "1.7976931348623157e308", "1e999", "0e999", "1D-3", "-2.5d+2", "000123.4500",
                "99999999999999999999.5", "1.000000000000000000001")) {
            assertSameAsJdk(t);
        }
    }

    @Test
    void randomDecimalsAsMeasuredFilesWriteThemReadBitForBit() {
        SplittableRandom random = new SplittableRandom(20261206);
        for (int k = 0; k < 200_000; k++) {
            double v = (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(-12, 12));
            int decimals = random.nextInt(0, 17);
            String fixed = String.format(Locale.ROOT, "%." + decimals + "f", v);
            String scientific = String.format(Locale.ROOT, "%." + decimals + "e", v);
            assertSameAsJdk(fixed);
            assertSameAsJdk(scientific);
            assertSameAsJdk(Double.toString(v));
        }
    }

    @Test
    void whatIsNotADecimalIsNaN() {
        for (String t : List.of("", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1x", "NaN", "Infinity", "0x1p3",
                "1f", "1,5", " 1", "1 ", "--1", "1e5.0")) {
            assertTrue(Double.isNaN(Numbers.parseOrNaN(t)), t);
            assertEquals(false, Numbers.isDecimal(t), t);
        }
    }

    @Test
    void firstWordIsWhatSplittingOnSpacesAndTabsGives() {
        String alphabet = "  \t\f\u000bab.|\u00a0\u2028\u3000";
        SplittableRandom random = new SplittableRandom(17);
        for (int k = 0; k < 100_000; k++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(0, 10);
            for (int i = 0; i < length; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            assertEquals(text.strip().split("[ \t]+")[0], Numbers.firstWord(text), text);
        }
        assertEquals("energy", Numbers.firstWord(" energy\teV "));
    }

    @Test
    void blanksAreSpaceTabVerticalTabAndFormFeedOnly() {
        for (int k = Character.MIN_VALUE; k <= Character.MAX_VALUE; k++) {
            int c = k;
            boolean blank = c == ' ' || c == '\t' || c == '\u000b' || c == '\f';
            assertEquals(blank, Numbers.isBlank((char) c), () -> "U+" + Integer.toHexString(c));
            if (c <= 0xff) {
                // the byte form reads ISO-8859-1: bytes of 128 or more are negative and are never blank
                assertEquals(blank, Numbers.isBlank((byte) c), () -> "byte " + Integer.toHexString(c));
            }
        }
    }
}

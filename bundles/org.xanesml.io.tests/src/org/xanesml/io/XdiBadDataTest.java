/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.Spectrum;

/**
 * The XDI project's catalogue of invalid files (baddata/BadFiles.txt), rewritten as our own small fixtures. Policy:
 * where the specification says "must" and reading would mean guessing, the read fails with the file, the line and
 * what was expected; where the XDI library reads with a warning, we read and record the warning.
 */
class XdiBadDataTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            bad_01.xdi | no XDI version line               | 1  | not an XDI version line
            bad_04.xdi | invalid Element.edge              | 6  | is not an absorption edge
            bad_05.xdi | invalid Element.symbol            | 5  | is not a chemical symbol
            bad_06.xdi | no header-end line                | 14 | data before the header-end line
            bad_08.xdi | too few column labels             | 15 | expected 2 like the column labels
            bad_09.xdi | too many column labels            | 15 | expected 4 like the column labels
            bad_10.xdi | Column.N beyond the data          | 4  | names column 5 but the data has 3 columns
            bad_11.xdi | unsupported comment character     | 7  | without the comment token
            bad_12.xdi | angle without Mono.d_spacing      | 2  | Mono.d_spacing is missing
            bad_13.xdi | row with too few values           | 19 | row has 2 value(s); expected 3
            bad_14.xdi | row with too many values          | 19 | row has 4 value(s); expected 3
            bad_15.xdi | NaN in the data                   | 20 | is NaN
            bad_16.xdi | string in the data                | 20 | 'abc' is not a number
            bad_17.xdi | malformed number 1.2.3            | 20 | '1.2.3' is not a number
            bad_19.xdi | field without ':'                 | 10 | is not a header field
            bad_20.xdi | field with ':' in the name        | 10 | is not a header field
            bad_21.xdi | field without '.'                 | 10 | is not a header field
            bad_22.xdi | field with two '.'                | 10 | is not a header field
            bad_24.xdi | namespace starting with a digit   | 10 | is not a header field
            """)
    void rejectedWithFileLineAndExpectation(String fixture, String description, long line, String expected) {
        Path file = Fixtures.copy("xdi-bad/" + fixture, tmp);
        // refusing non-finite points (the NaN row) is the non-default NonFinitePolicy.FAIL
        SpectrumReadException e = assertThrows(SpectrumReadException.class, () -> SpectrumReaders.read(file,
                ReadOptions.DEFAULT.withFormat("xdi").withNonFinite(NonFinitePolicy.FAIL)), description);
        assertEquals(file, e.file());
        assertEquals(line, e.line().orElse(0L), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ":" + line + ": "), e.getMessage());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            bad_00.xdi | valid base file                   | Cu | K  |
            bad_02.xdi | no Element.edge                   | Cu |    | required field Element.edge is missing
            bad_03.xdi | no Element.symbol                 |    | K  | required field Element.symbol is missing
            bad_07.xdi | no column-label line              | Cu | K  |
            bad_18.xdi | field without a value             | Cu | K  |
            bad_23.xdi | tag starting with a digit         | Cu | K  |
            bad_25.xdi | no application version            | Cu | K  |
            bad_26.xdi | no user comments, no '///'        | Cu | K  |
            bad_27.xdi | '///' without comments            | Cu | K  |
            bad_28.xdi | Scan.start_time not ISO 8601      | Cu | K  | is not an ISO 8601 date-time
            """)
    void readWithWarnings(String fixture, String description, String element, String edge, String warning)
            throws Exception {
        Path file = Fixtures.copy("xdi-bad/" + fixture, tmp);
        List<Spectrum> spectra = SpectrumReaders.read(file);
        assertEquals(1, spectra.size(), description);
        Spectrum s = spectra.get(0);
        assertEquals(10, s.size());
        assertEquals(element == null ? null : Element.ofSymbol(element), s.absorber().orElse(null));
        assertEquals(edge == null ? null : Edge.ofName(edge), s.edge().orElse(null));
        List<String> warnings = s.metadata().entrySet().stream()
                .filter(m -> m.getKey().startsWith("xanesml.warning.")).map(m -> m.getValue()).toList();
        if (warning == null) {
            assertTrue(warnings.isEmpty(), warnings.toString());
        } else {
            assertTrue(warnings.stream().anyMatch(w -> w.contains(warning)), warnings.toString());
        }
        assertEquals("ln(i0/itrans)", s.metadata("xanesml.mu.source").orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({"bad_18.xdi, Sample.name, ''", "bad_23.xdi, Sample.1name, synthetic Cu step"})
    void oddButValidFieldsAreKept(String fixture, String field, String value) throws Exception {
        XdiDocument doc = Xdi.parse(Fixtures.copy("xdi-bad/" + fixture, tmp));
        assertEquals(value == null ? "" : value, doc.field(field).orElseThrow());
        assertFalse(doc.fields().isEmpty());
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal.athena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;
import org.xanesml.io.SpectrumReadException;

/** Small hand-written projects: the syntax Athena writes, and each way a project can be broken. */
class AthenaProjectParserTest {
    private static final String HEAD = "# Athena project file -- Demeter version 0.9.26\n# test\n\n";
    private static final String GROUP = "$old_group = 'abc';\n"
            + "@args = ('label','my \\'foil\\'','bkg_z','Fe','fft_edge','K','bkg_e0','7112','bkg_pre1',-150,"
            + "'is_xmu',1,'titles',[],'xdi_mono',{},'maybe',undef,'is_nor',0);\n"
            + "@x = ('7100','7110.5','7120');\n@y = ('0.1','0.5','1.0e0');\n"
            + "$xdi = bless( {'comments' => 'hello','metadata' => {'Mono' => {'name' => 'Si(111)'}}}, 'Xray::XDI' );\n"
            + "[record]   # create object and set arrays in ifeffit\n\n";
    private static final String TAIL = "@journal = (\"caf\\x{e9} notes\",'second');\n"
            + "%plot_features = ('c4' => 'darkorange');\n@indicator = ([1,'E',-1]);\n1;\n";

    @TempDir
    Path dir;

    @Test
    void readsTheDataDumperSubsetAthenaWrites() throws IOException {
        Path f = gz("ok.prj", HEAD + GROUP + TAIL);
        AthenaProject p = AthenaProjectParser.parse(f);
        assertEquals(List.of("caf\u00e9 notes", "second"), p.journal());
        AthenaGroup g = p.groups().get(0);
        assertEquals("my 'foil'", g.label());
        assertEquals(4, g.line());
        assertEquals(AthenaGroupKind.XMU, g.kind());
        assertEquals("Si(111)", g.xdiMetadata().get("Mono.name"));
        List<Spectrum> spectra = new AthenaProjectReader().read(f);
        assertEquals(1, spectra.size());
        Spectrum s = spectra.get(0);
        assertEquals(7110.5, s.energyEv(1), 0);
        assertEquals(1.0, s.mu(2), 0);
        assertEquals(MuScale.RAW, s.muScale());
        assertEquals("-150", s.metadata("Athena.bkg_pre1").orElseThrow());
        assertEquals("", s.metadata("Athena.maybe").orElseThrow());
        assertTrue(s.metadata("Athena.titles").isEmpty());
        assertEquals("hello", s.metadata("Athena.xdi.comments").orElseThrow());
        assertEquals("caf\u00e9 notes\nsecond", s.metadata("Athena.journal").orElseThrow());
    }

    @Test
    void duplicateEnergiesAreAveragedWithAWarning() throws IOException {
        Spectrum s = new AthenaProjectReader().read(gz("dup.prj", HEAD + GROUP.replace("'7120'", "'7110.5'") + TAIL))
                .get(0);
        assertEquals(2, s.size());
        assertEquals(0.75, s.mu(1), 1e-15);
        assertTrue(s.metadata("xanesml.warning.1").isPresent());
    }

    @Test
    void codeIsRejectedNotRun() throws IOException {
        String evil = HEAD + "$old_group = 'a';\n@args = (system('touch /tmp/pwned'));\n";
        SpectrumReadException e = assertThrows(SpectrumReadException.class,
                () -> AthenaProjectParser.parse(gz("evil.prj", evil)));
        assertEquals(5, e.line().orElseThrow());
        assertTrue(e.getMessage().contains("bare word 'system'"), e.getMessage());
        String eval = HEAD + "`rm -rf /`;\n";
        assertTrue(assertThrows(SpectrumReadException.class, () -> AthenaProjectParser.parse(plain("e.prj", eval)))
                .getMessage().contains("expected a statement"));
    }

    @Test
    void brokenProjectsNameTheLineAndWhatWasExpected() throws IOException {
        assertMessage(HEAD + GROUP.replace("[record]", ""), "not closed by [record]");
        assertMessage(HEAD + GROUP.replace("'7110.5'", "'seven'"), "item 2 is 'seven'");
        assertMessage(HEAD + GROUP.replace("@y = ('0.1','0.5','1.0e0');", "@y = ('0.1','0.5');"),
                "3 values in @x but 2 in @y");
        assertMessage(HEAD + GROUP.replace("@x = ('7100','7110.5','7120');\n", ""), "has no @x");
        assertMessage(HEAD + GROUP.substring(0, 150), "truncated");
        assertMessage("just some text\n1 2\n3 4\n", "not an Athena project");
        assertMessage(HEAD + GROUP.replace("'bkg_z','Fe'", "'bkg_z','Qq'"), "bkg_z 'Qq' is not a chemical element");
        assertMessage(HEAD + GROUP.replace("'fft_edge','K'", "'fft_edge','Q7'"), "fft_edge 'Q7' is not");
        assertMessage(HEAD + GROUP.replace("'1.0e0'", "'NaN'"), "mu is NaN at 7120.0 eV");
        assertMessage(HEAD + GROUP.replace("'is_xmu',1", "'is_chi',1"), "none is mu(E)");
        assertMessage(HEAD + "[record]\n", "[record] without a preceding $old_group");
        assertMessage(HEAD + "@journal = ();\n1;\n", "holds no group");
        assertMessage(HEAD + "$old_group = 'a';\n@x = " + "(".repeat(200) + ");\n", "nested deeper");
    }

    @Test
    void truncatedGzipAndBinaryGarbageAreReported() throws IOException {
        Path whole = gz("whole.prj", HEAD + GROUP + TAIL);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.prj");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(assertThrows(SpectrumReadException.class, () -> AthenaProjectParser.parse(cut)).getMessage()
                .contains("gzip stream is corrupt or truncated"));
        Path binary = dir.resolve("bin.prj");
        Files.write(binary, new byte[] {'#', ' ', 0, 1, 2, 3, (byte) 0xff});
        assertTrue(assertThrows(SpectrumReadException.class, () -> AthenaProjectParser.parse(binary)).getMessage()
                .contains("binary content"));
    }

    private void assertMessage(String text, String expected) throws IOException {
        SpectrumReadException e = assertThrows(SpectrumReadException.class,
                () -> new AthenaProjectReader().read(gz("bad.prj", text)));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(dir.resolve("bad.prj").toString()), e.getMessage());
    }

    private Path gz(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return f;
    }

    private Path plain(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class XanesmlCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return XanesmlCommand.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void versionNamesTheResolvedLibraries() {
        assertEquals(ExitCodes.OK, run("--version"));
        String[] lines = out.toString().split("\\R");
        assertTrue(lines[0].matches("xanesml 0\\.1\\.0\\..+"), lines[0]);
        assertEquals("Weka 3.8.6", lines[1]);
        assertTrue(lines[2].startsWith("Apache Commons Math 3.6.1"), lines[2]);
        assertTrue(lines[3].startsWith("Java " + Runtime.version().feature()), lines[3]);
    }

    @Test
    void helpListsCommandsAndExitCodes() {
        assertEquals(ExitCodes.OK, run("--help"));
        String text = out.toString();
        assertTrue(text.contains("Usage: xanesml"), text);
        assertTrue(text.contains("Commands:"), text);
        assertTrue(text.contains("3 partial success"), text);
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run("--no-such-option"));
        assertTrue(err.toString().contains("--no-such-option"), err.toString());
    }

    @Test
    void checkInstallExercisesJaxbWekaAndCommonsMath() {
        assertEquals(ExitCodes.OK, run("check-install"), out + "\n" + err);
        String text = out.toString();
        assertTrue(text.contains("ok    JAXB round trip"), text);
        assertTrue(text.contains("ok    Weka J48 training: weka 3.8.6"), text);
        assertTrue(text.contains("ok    Commons Math polynomial fit: slope 0.500000"), text);
        assertTrue(text.contains("installation OK"), text);
    }

    @Test
    void aRunBuildsOnlyTheSubCommandItNamesAndStillHelpsWithEveryOther() {
        PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err);
        assertEquals(java.util.Set.of("classify"),
                XanesmlCommand.commandLine(o, e, new String[] {"classify", "--help"}).getSubcommands().keySet());
        assertTrue(XanesmlCommand.commandLine(o, e, new String[] {"--version"}).getSubcommands().isEmpty());
        // 'help X' and a top-level usage describe the others, and an unknown name gets suggestions from all
        assertEquals(XanesmlCommand.commandLine(o, e, null).getSubcommands().keySet(),
                XanesmlCommand.commandLine(o, e, new String[] {"help", "normalize"}).getSubcommands().keySet());
        assertEquals(ExitCodes.OK, run("help", "normalize"));
        assertTrue(out.toString().contains("Usage: xanesml normalize"), out.toString());
        assertEquals(ExitCodes.USAGE, run("clasify", "x.xdi"));
        assertTrue(err.toString().contains("classify"), err.toString());
    }
}

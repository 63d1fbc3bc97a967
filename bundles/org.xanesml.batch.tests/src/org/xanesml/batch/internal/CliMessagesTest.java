/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: the messages users met. Each says what was wrong, where, and what to do, in one line, with the exit code
 * scripts rely on (0 ok, 1 failure, 2 usage, 3 partial), and -q leaves errors only.
 */
class CliMessagesTest {
    @TempDir
    static Path dir;

    private static Path model;
    private static Path data;

    @BeforeAll
    static void modelAndData() throws IOException {
        model = Fixtures.model(dir, "geometry");
        data = Fixtures.data(dir, 6);
    }

    private static List<String> lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void noCommandIsAUsageError() {
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.USAGE, cli.run());
        assertTrue(cli.err().startsWith("xanesml: give a command"), cli.err());
        assertTrue(cli.err().contains("Commands:"), "the usage follows on standard error: " + cli.err());
        assertEquals("", cli.out.toString());
    }

    @Test
    void aMistypedNumberIsOneLineNamingOptionValueAndWhatIsAccepted() {
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.USAGE, cli.run("classify", "--threads", "two", "-m", model.toString(),
                data.toString()));
        List<String> err = lines(cli.err());
        assertEquals(List.of("xanesml classify: --threads 'two' is not valid; expected a whole number",
                "see xanesml classify --help"), err);
    }

    @Test
    void aMistypedChoiceListsTheChoices() {
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.USAGE, cli.run("classify", "--format", "pdf", "-m", model.toString(),
                data.toString()));
        List<String> err = lines(cli.err());
        assertEquals(2, err.size(), cli.err());
        assertTrue(err.get(0).startsWith("xanesml classify: --format 'pdf' is not valid; expected one of CSV, JSON,"
                + " XML, HTML"), err.get(0));
        assertEquals("see xanesml classify --help", err.get(1));
        // the case of a choice is no mistake
        Path out = dir.resolve("lower.html");
        Fixtures.Cli lower = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, lower.run("classify", "-q", "--format", "html", "-o", out.toString(), "-m",
                model.toString(), data.toString()), lower.err());
        assertTrue(Files.exists(out));
    }

    @Test
    void anUnknownOptionIsShortToo() {
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.USAGE, cli.run("normalize", "--pre3", "-30", "-o", dir.resolve("n").toString(),
                data.toString()));
        assertTrue(lines(cli.err()).size() <= 4, "no full help: " + cli.err());
        assertTrue(cli.err().contains("--pre3") && cli.err().contains("see xanesml normalize --help"), cli.err());
    }

    @Test
    void anUnknownModelNameIsAUsageError() {
        for (String command : List.of("classify", "inspect")) {
            Fixtures.Cli cli = new Fixtures.Cli();
            List<String> args = command.equals("inspect") ? List.of("inspect", "cu-k-cm")
                    : List.of("classify", "-m", "cu-k-cm", data.toString());
            assertEquals(ExitCodes.USAGE, cli.run(args.toArray(String[]::new)), command + ": " + cli.err());
            assertTrue(cli.err().contains("model 'cu-k-cm' is neither a model file nor a shipped model; give a"
                    + " model file written by xanesml train or one of ") && cli.err().contains("cu-k-cn"), cli.err());
            assertTrue(cli.err().contains("see xanesml " + command + " --help"), cli.err());
        }
    }

    @Test
    void quietPrintsNothingButErrors() throws IOException {
        Path report = dir.resolve("quiet").resolve("report.csv");
        Fixtures.Cli loud = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, loud.run("classify", "-o", report.toString(), "-m", model.toString(),
                data.toString()), loud.err());
        assertTrue(loud.err().contains("6 spectra: 6 ok"), "the summary without -q: " + loud.err());
        Files.delete(report);
        Fixtures.Cli quiet = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, quiet.run("classify", "-q", "--threads", "64", "-o", report.toString(), "-m",
                model.toString(), data.toString()), quiet.err());
        assertEquals("", quiet.err(), "-q: errors only");
        Fixtures.Cli normalize = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, normalize.run("normalize", "-q", "-o", dir.resolve("normalised").toString(),
                data.toString()), normalize.err());
        assertEquals("", normalize.err(), "-q: errors only");
        // an error is still printed under -q
        Fixtures.Cli broken = new Fixtures.Cli();
        assertEquals(ExitCodes.FAILURE, broken.run("classify", "-q", "-m", model.toString(),
                dir.resolve("nowhere").toString()));
        assertTrue(broken.err().contains("nowhere"), broken.err());
    }

    /** Rows removed by --exclude were counted as spectra "without a label". */
    @Test
    void rowsLeftOutByExcludeAreNotCountedAsUnlabelled() throws IOException {
        Path labelled = dir.resolve("labelled");
        SyntheticData.write(SyntheticData.generate(30, 4), labelled);
        List<String> table = Files.readAllLines(labelled.resolve("labels.csv"));
        long octahedral = table.stream().filter(l -> l.contains(",octahedral,")).count();
        assertTrue(octahedral > 0 && octahedral < 30, table.toString());
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, cli.run("evaluate", "-m", model.toString(), "--data", labelled.toString(),
                "--labels", labelled.resolve("labels.csv").toString(), "--exclude", "geometry=octahedral"),
                cli.err());
        assertTrue(cli.err().contains((30 - octahedral) + " labelled spectra, " + octahedral
                + " left out by --where/--exclude, 0 without a label, 0 failed"), cli.err());
    }

    @Test
    void anOutputFolderThatCannotBeCreatedSaysWhyAndWhatToDo() {
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.FAILURE, cli.run("normalize", "-o", "/proc/xanesml-test", data.toString()));
        String err = cli.err().strip();
        assertEquals(1, lines(err).size(), err);
        assertTrue(err.startsWith("normalize: cannot create the output folder /proc/xanesml-test: "), err);
        assertTrue(err.endsWith("; give a folder you can write to"), err);
        assertFalse(err.contains("Exception"), err);
    }
}

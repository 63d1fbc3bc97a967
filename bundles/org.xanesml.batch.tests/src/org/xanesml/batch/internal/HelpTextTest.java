/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Issue 17: every command's --help, proofread by machine. Each help is rendered as a user sees it and checked for
 * the mistakes it had: a word written twice ("written with\nwith E0"), two spaces inside a sentence ("all  cores"),
 * a description printed twice, and a sentence broken across lines where the line had room for the next word.
 */
class HelpTextTest {
    /**
     * A word and the same word again, one space or a line end apart ("that that" is never meant in a help text);
     * not two columns of a table ("classify   Classify spectra", "MODEL   Model file"), which are wider apart, nor
     * an option and its value ("--labels labels.csv").
     */
    private static final Pattern DOUBLED = Pattern.compile("(?iu)(?<![-\\w.])(\\p{L}+)(?: |\\R\\s*)\\1(?![-\\w.])");

    /** The top-level command and every sub-command, by name. */
    private static Map<String, CommandLine> commands() {
        CommandLine top = XanesmlCommand.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        Map<String, CommandLine> all = new HashMap<>();
        all.put("xanesml", top);
        top.getSubcommands().forEach((name, cl) -> all.put(cl.getCommandName(), cl));
        return all;
    }

    /** @return the help as {@code xanesml CMD --help} prints it */
    private static String rendered(CommandLine cl) {
        return cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** @return every piece of prose of a command: description, footer, option and parameter descriptions */
    private static List<String> prose(CommandSpec spec) {
        List<String> all = new ArrayList<>(List.of(spec.usageMessage().description()));
        all.addAll(List.of(spec.usageMessage().footer()));
        for (ArgSpec a : spec.args()) {
            all.addAll(List.of(a.description()));
        }
        return all;
    }

    @Test
    void everyCommandHasHelp() {
        // xanesml and its eleven commands, picocli's help among them: a new command is proofread too
        assertEquals(12, commands().size(), commands().keySet().toString());
    }

    @Test
    void noWordIsWrittenTwice() {
        List<String> found = new ArrayList<>();
        commands().forEach((name, cl) -> {
            Matcher m = DOUBLED.matcher(rendered(cl));
            while (m.find()) {
                found.add(name + ": '" + m.group().replaceAll("\\s+", " ") + "'");
            }
        });
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    @Test
    void noDoubleSpaceInsideASentence() {
        List<String> found = new ArrayList<>();
        commands().forEach((name, cl) -> {
            for (String text : prose(cl.getCommandSpec())) {
                // indentation of examples and lists is layout; inside the text two spaces are a typing mistake
                String inner = text.strip();
                // examples align their comments in a column; only prose is checked
                boolean example = text.startsWith("  xanesml ") || text.startsWith("            ");
                if (!example && inner.contains("  ")) {
                    found.add(name + ": '" + inner + "'");
                }
            }
        });
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    @Test
    void noDescriptionIsPrintedTwice() {
        List<String> found = new ArrayList<>();
        commands().forEach((name, cl) -> {
            // the description as rendered: with its header and footer, where a copy-and-paste slip repeats it
            String[] description = cl.getCommandSpec().usageMessage().description();
            String words = String.join(" ", description).replaceAll("\\s+", " ").strip();
            String help = words + " " + String.join(" ", cl.getCommandSpec().usageMessage().header()) + " "
                    + String.join(" ", cl.getCommandSpec().usageMessage().footer()).replaceAll("\\s+", " ");
            // any run of six words of the description appearing twice
            String[] w = words.split(" ");
            for (int i = 0; i + 6 <= w.length; i++) {
                String run = String.join(" ", java.util.Arrays.copyOfRange(w, i, i + 6));
                int first = help.indexOf(run);
                if (first >= 0 && help.indexOf(run, first + 1) >= 0) {
                    found.add(name + ": '" + run + "'");
                    break;
                }
            }
        });
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    /**
     * A line of a description or footer longer than the help's width is a whole paragraph, which picocli fills to
     * the width; a hand-broken line that is too long leaves a short orphan line when picocli wraps it ("a summary
     * report" / "lists every input."), and an example command longer than the width is cut in two.
     */
    @Test
    void onlyWholeParagraphsAreLongerThanTheWidth() {
        List<String> found = new ArrayList<>();
        commands().forEach((name, cl) -> {
            CommandSpec spec = cl.getCommandSpec();
            int width = spec.usageMessage().width();
            for (String[] block : List.of(spec.usageMessage().description(), spec.usageMessage().footer())) {
                for (int i = 0; i < block.length; i++) {
                    String line = block[i];
                    String next = i + 1 < block.length ? block[i + 1].strip() : "";
                    boolean continued = !next.isEmpty() && Character.isLowerCase(next.charAt(0));
                    boolean example = line.startsWith(" ");
                    if (line.length() > width && (continued || example)) {
                        found.add(name + " (" + line.length() + " > " + width + "): '" + line + "'");
                    }
                }
            }
        });
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    /**
     * A line of a description or footer that continues on the next line (the next starts in lower case) must be
     * full: if the next line's first word would have fitted within the help's width, the sentence was broken by
     * hand in the wrong place.
     */
    @Test
    void noSentenceIsBrokenWhereTheLineHadRoom() {
        List<String> found = new ArrayList<>();
        commands().forEach((name, cl) -> {
            CommandSpec spec = cl.getCommandSpec();
            // a few columns of slack: hand-filled lines end where a word ends, not exactly at the edge
            int width = spec.usageMessage().width() - 8;
            for (String[] block : List.of(spec.usageMessage().description(), spec.usageMessage().footer())) {
                for (int i = 0; i + 1 < block.length; i++) {
                    String line = block[i];
                    String next = block[i + 1].strip();
                    // a list's introduction ("Examples:") and example command lines are not sentences
                    if (line.isBlank() || line.strip().endsWith(":") || next.isEmpty() || next.startsWith("xanesml ")
                            || !Character.isLowerCase(next.charAt(0))) {
                        continue;
                    }
                    String firstWord = next.split("\\s+")[0];
                    if (line.length() + 1 + firstWord.length() < width) {
                        found.add(name + ": '" + line.strip() + "' / '" + next + "'");
                    }
                }
            }
        });
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    /** Option descriptions are sentences: they start with a capital letter and end with a full stop. */
    @Test
    void theLineTheCommandListShowsIsAWholeSentence() {
        // 'xanesml --help' lists each command with the first line of its description only
        List<String> found = new ArrayList<>();
        commands().forEach((name, cl) -> {
            String[] d = cl.getCommandSpec().usageMessage().description();
            if (!name.equals("help") && !name.equals("xanesml") && (d.length == 0 || !d[0].strip().endsWith("."))) {
                found.add(name + ": '" + (d.length == 0 ? "" : d[0]) + "'");
            }
        });
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    @Test
    void optionDescriptionsAreSentences() {
        List<String> found = new ArrayList<>();
        commands().forEach((name, cl) -> {
            for (ArgSpec a : cl.getCommandSpec().args()) {
                String d = String.join(" ", a.description()).strip();
                if (d.isEmpty() || name.equals("help")) {
                    continue;
                }
                if (!Character.isUpperCase(d.charAt(0)) && !d.startsWith("${") && !d.startsWith("-")
                        || !(d.endsWith(".") || d.endsWith(")") || d.endsWith("}"))) {
                    found.add(name + " " + a + ": '" + d + "'");
                }
            }
        });
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    /** Renders every help into the test output, so a reviewer reads what users read. */
    @Test
    void helpTextsRenderWithoutAnsiCodes() {
        commands().forEach((name, cl) -> {
            String help = rendered(cl);
            assertTrue(help.contains("Usage: xanesml"), name + ": " + help);
            assertTrue(!help.contains("\u001b["), name);
            System.out.println("=== " + name.toUpperCase(Locale.ROOT) + "\n" + help);
        });
    }
}

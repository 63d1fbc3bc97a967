/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.testing.SharedData;
import org.xanesml.workflow.NormaliseParameters;

/**
 * Issue 17 item 2: the recipe written with every normalised file holds the parameters Larch actually used, in the
 * documented {@code key=value} line, and {@code normalize --recipe} replays an output bit for bit.
 */
class NormaliseRecipeReplayTest {
    private static final Pattern RECIPE = Pattern.compile("(?m)^# Processing\\.recipe: (.*)$");

    @Test
    void theRecipeRecordsTheRangesLarchChoseNotNulls(@TempDir Path dir) throws Exception {
        Path out = normaliseCu(dir.resolve("out"));
        String line = recipeOf(out.resolve("cu_metal_rt.xdi"));
        assertFalse(line.contains("null") || line.contains("auto"), line);
        Map<String, String> p = NormaliseParameters.parseRecipe(line);
        for (String key : new String[] {"e0Ev", "pre1Ev", "pre2Ev", "norm1Ev", "norm2Ev"}) {
            assertTrue(Double.isFinite(Double.parseDouble(p.get(key))), key + " in " + line);
        }
        assertTrue(Double.parseDouble(p.get("pre1Ev")) < Double.parseDouble(p.get("pre2Ev")), line);
        assertTrue(Double.parseDouble(p.get("norm1Ev")) < Double.parseDouble(p.get("norm2Ev")), line);
        int nnorm = Integer.parseInt(p.get("nnorm"));
        assertTrue(nnorm >= 0 && nnorm <= 5, line);
        assertEquals("NORM", p.get("output"));
        // E0 in the recipe is the one the header reports (to its four decimals)
        String e0 = Files.readString(out.resolve("cu_metal_rt.xdi")).lines()
                .filter(l -> l.startsWith("# Processing.e0_eV:")).findFirst().orElseThrow();
        assertEquals(Double.parseDouble(e0.substring(e0.indexOf(':') + 1).strip()),
                Double.parseDouble(p.get("e0Ev")), 1e-4);
    }

    @Test
    void replayingAnOutputsRecipeReproducesItBitForBit(@TempDir Path dir) throws Exception {
        for (String as : new String[] {"xdi", "csv"}) {
            for (Path input : new Path[] {Fixtures.cu(), SharedData.require(
                    "data/experimental/xdi-examples/data/cu_metal_10K.xdi")}) {
                Path first = dir.resolve(as + "-first");
                Path replay = dir.resolve(as + "-replay");
                Fixtures.Cli cli = new Fixtures.Cli();
                assertEquals(ExitCodes.OK, cli.run("normalize", "-q", "--as", as, "-o", first.toString(),
                        input.toString()), cli.err());
                String name = input.getFileName().toString().replace(".xdi", "." + as);
                Fixtures.Cli again = new Fixtures.Cli();
                assertEquals(ExitCodes.OK, again.run("normalize", "-q", "--as", as, "--recipe",
                        first.resolve(name).toString(), "-o", replay.toString(), input.toString()), again.err());
                assertArrayEquals(Files.readAllBytes(first.resolve(name)), Files.readAllBytes(replay.resolve(name)),
                        as + " " + name + " differs after replay");
            }
        }
    }

    @Test
    void anEditedRecipeIsAppliedAsWritten(@TempDir Path dir) throws Exception {
        Path first = normaliseCu(dir.resolve("first"));
        Map<String, String> p = NormaliseParameters.parseRecipe(recipeOf(first.resolve("cu_metal_rt.xdi")));
        // A recipe file of its own: a comment, then the line with a narrower pre-edge window and a linear post-edge
        String edited = NormaliseParameters.RECIPE_TAG + " e0Ev=" + p.get("e0Ev") + " pre1Ev=-100.0 pre2Ev=-40.0"
                + " norm1Ev=" + p.get("norm1Ev") + " norm2Ev=" + p.get("norm2Ev") + " nnorm=1 output=NORM"
                + " alreadyNormalized=SKIP requireEdge=true shiftEv=0.0";
        Path recipe = Files.writeString(dir.resolve("narrow.recipe"), "# my recipe\n" + edited + "\n");
        Path second = dir.resolve("second");
        Fixtures.Cli again = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, again.run("normalize", "-q", "--recipe", recipe.toString(), "-o", second.toString(),
                Fixtures.cu().toString()), again.err());
        assertEquals(edited, recipeOf(second.resolve("cu_metal_rt.xdi")));
        assertNotEquals(Files.readString(first.resolve("cu_metal_rt.xdi")),
                Files.readString(second.resolve("cu_metal_rt.xdi")));
    }

    @Test
    void aBadRecipeOrARecipeWithRangeOptionsIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.recipe"), NormaliseParameters.RECIPE_TAG + " pre1Ev=-100 "
                + "colour=blue\n");
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.FAILURE, cli.run("normalize", "-q", "--recipe", bad.toString(), "-o",
                dir.resolve("o").toString(), Fixtures.cu().toString()));
        assertTrue(cli.err().contains(bad + " line 1: recipe word 'colour=blue' is not key=value"), cli.err());

        Path none = Files.writeString(dir.resolve("none.txt"), "just text\n");
        Fixtures.Cli c2 = new Fixtures.Cli();
        assertEquals(ExitCodes.FAILURE, c2.run("normalize", "-q", "--recipe", none.toString(), "-o",
                dir.resolve("o").toString(), Fixtures.cu().toString()));
        assertTrue(c2.err().contains(none + ": no recipe line"), c2.err());

        Fixtures.Cli c3 = new Fixtures.Cli();
        assertEquals(ExitCodes.FAILURE, c3.run("normalize", "-q", "--recipe", bad.toString(), "--pre1", "-50", "-o",
                dir.resolve("o").toString(), Fixtures.cu().toString()));
        assertTrue(c3.err().contains("--recipe sets every normalisation parameter"), c3.err());
    }

    /** @return {@code out}, where {@code normalize} with automatic parameters wrote the Cu foil scan */
    private static Path normaliseCu(Path out) {
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, cli.run("normalize", "-q", "-o", out.toString(), Fixtures.cu().toString()),
                cli.err());
        return out;
    }

    private static String recipeOf(Path normalised) throws Exception {
        Matcher m = RECIPE.matcher(Files.readString(normalised));
        assertTrue(m.find(), normalised + " has no recipe");
        return m.group(1).strip();
    }
}

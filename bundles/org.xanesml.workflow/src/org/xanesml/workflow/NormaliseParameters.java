/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.xanesml.preprocess.PreEdgeDetails;
import org.xanesml.preprocess.PreEdgeParameters;
import org.xanesml.preprocess.recipe.NormalizeStep;

/**
 * Larch pre-edge settings as the parameters of the {@value StepNames#NORMALISE} step, for callers that build the
 * step in code: {@code xanesml normalize} from its options, the workbench from the operator's edits in the Spectrum
 * view. Both thus normalise exactly as a pipeline document with the same values would.
 * <p>
 * <b>The recipe line.</b> Every normalised spectrum carries, under {@link ProcessingFields#RECIPE}, the parameters
 * that were <em>actually used</em> (after Larch's automatic choices were resolved), as one line of {@code key=value}
 * words after a format tag:
 * <pre>
 * xanesml-normalise/1 e0Ev=7112.0 pre1Ev=-220.0 pre2Ev=-110.0 norm1Ev=25.0 norm2Ev=648.6 nnorm=2 output=NORM alreadyNormalized=SKIP requireEdge=true
 * </pre>
 * Keys are the normalise step's parameter names; numbers are written so that they read back as the same double
 * ({@link Double#toString(double)}); {@code auto} stands for a value left to Larch (only for a spectrum its source
 * had already normalised, where no fit ran). {@link #fromRecipe(Path)} reads the line back from a recipe file or
 * from any file that carries one (a normalised XDI or CSV), so normalising the same input with it reproduces the
 * output bit for bit.
 */
public final class NormaliseParameters {
    private NormaliseParameters() {
    }

    /**
     * @return the step parameters for {@code p}'s E0, pre-edge and post-edge ranges and nnorm (unset: automatic)
     * @throws IllegalArgumentException when {@code p} sets what the step does not take (edge step, nvict, npre,
     *                                  calculated), rather than normalising otherwise than asked
     */
    public static Map<String, String> of(PreEdgeParameters p) {
        PreEdgeParameters auto = PreEdgeParameters.automatic();
        if (p.edgeStep() != null || p.nvict() != auto.nvict() || p.npre() != auto.npre()
                || p.calculated() != auto.calculated()) {
            throw new IllegalArgumentException("the normalise step takes E0, pre-/post-edge ranges and nnorm only,"
                    + " not " + p);
        }
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "e0Ev", p.e0Ev());
        put(m, "pre1Ev", p.pre1Ev());
        put(m, "pre2Ev", p.pre2Ev());
        put(m, "norm1Ev", p.norm1Ev());
        put(m, "norm2Ev", p.norm2Ev());
        if (p.nnorm() != null) {
            m.put("nnorm", Integer.toString(p.nnorm()));
        }
        return m;
    }

    /** The tag that opens a recipe line; the number is the version of the line's form. */
    public static final String RECIPE_TAG = "xanesml-normalise/1";

    /** The step parameters a recipe line may set, in the order it writes them. */
    private static final List<String> RECIPE_KEYS = List.of("e0Ev", "pre1Ev", "pre2Ev", "norm1Ev", "norm2Ev", "nnorm",
            "output", "alreadyNormalized", "requireEdge");

    /** @return the recipe line of a normalisation that ran: Larch's values as used ({@code pre_edge_details}) */
    public static String recipeLine(PreEdgeDetails used, NormalizeStep step) {
        return recipeLine(used.e0Ev(), used.pre1Ev(), used.pre2Ev(), used.norm1Ev(), used.norm2Ev(), used.nnorm(),
                step);
    }

    /** @return the recipe line of a normalisation that did not run (source already normalised): as requested */
    public static String recipeLine(PreEdgeParameters requested, NormalizeStep step) {
        return recipeLine(requested.e0Ev(), requested.pre1Ev(), requested.pre2Ev(), requested.norm1Ev(),
                requested.norm2Ev(), requested.nnorm(), step);
    }

    private static String recipeLine(Double e0, Double pre1, Double pre2, Double norm1, Double norm2, Integer nnorm,
            NormalizeStep step) {
        Object[] values = {e0, pre1, pre2, norm1, norm2, nnorm, step.output(), step.alreadyNormalized(),
            step.requireEdge()};
        StringBuilder sb = new StringBuilder(RECIPE_TAG);
        for (int i = 0; i < values.length; i++) {
            sb.append(' ').append(RECIPE_KEYS.get(i)).append('=').append(values[i] == null ? "auto" : values[i]);
        }
        return sb.toString();
    }

    /**
     * @return the normalise step's parameters from a recipe line ({@code auto} values left unset)
     * @throws IllegalArgumentException naming the word that is not part of the form
     */
    public static Map<String, String> parseRecipe(String line) {
        String text = line.strip();
        if (!text.startsWith(RECIPE_TAG)) {
            throw new IllegalArgumentException("a recipe line starts with '" + RECIPE_TAG + "'; got '"
                    + abbreviate(text) + "'");
        }
        Map<String, String> m = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (String word : text.substring(RECIPE_TAG.length()).strip().split("\\s+")) {
            int eq = word.indexOf('=');
            String key = eq > 0 ? word.substring(0, eq) : word;
            if (!RECIPE_KEYS.contains(key)) {
                throw new IllegalArgumentException("recipe word '" + abbreviate(word) + "' is not key=value with a key"
                        + " among " + RECIPE_KEYS);
            }
            if (!seen.add(key)) {
                throw new IllegalArgumentException("recipe key '" + key + "' is given twice");
            }
            String value = word.substring(eq + 1);
            if (!value.equals("auto")) {
                m.put(key, value);
            }
        }
        return m;
    }

    /**
     * Reads the recipe line from {@code file}: a recipe file, or a normalised output carrying one in its header
     * (the first line holding {@value #RECIPE_TAG} counts; what stands before the tag on that line, such as
     * {@code # Processing.recipe:}, is ignored).
     *
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException naming the file when it holds no recipe line or a malformed one
     */
    public static Map<String, String> fromRecipe(Path file) throws IOException {
        // ISO-8859-1 never fails to decode, and the line itself is ASCII.
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < lines.size(); i++) {
            int at = lines.get(i).indexOf(RECIPE_TAG);
            if (at >= 0) {
                try {
                    return parseRecipe(lines.get(i).substring(at));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
                }
            }
        }
        throw new IllegalArgumentException(file + ": no recipe line ('" + RECIPE_TAG + " key=value ...'); expected a"
                + " recipe file or a file written by xanesml normalize");
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private static void put(Map<String, String> m, String name, Double value) {
        if (value != null) {
            // Double.toString reads back as the same double: the step normalises with exactly the value given
            m.put(name, Double.toString(value));
        }
    }
}

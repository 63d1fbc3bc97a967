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
import org.xanesml.preprocess.EnergyControl;
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
    /** Parameter: where E0 comes from when {@value #E0_EV} is unset, AUTO or FROM_FILE (unset: FROM_FILE). */
    public static final String E0_SOURCE = "e0Source";
    /** Parameter: a fixed E0, absolute eV on the shifted scale. */
    public static final String E0_EV = "e0Ev";
    /** Parameter: energy shift added to every energy, eV. */
    public static final String SHIFT_EV = "shiftEv";
    /** Parameter: calibrate against the file's reference channel. */
    public static final String CALIBRATE_REFERENCE = "calibrateReference";
    /** Parameter: the reference's edge energy, eV (unset: the tabulated K edge of its element). */
    public static final String REFERENCE_EDGE_EV = "referenceEdgeEv";

    private NormaliseParameters() {
    }

    /**
     * @return the step parameters for {@code p}'s E0, pre-edge and post-edge ranges and nnorm (unset: automatic);
     *         without a given E0, E0 is the file's when it records one (see {@link EnergyControl#fromFile()})
     * @throws IllegalArgumentException when {@code p} sets what the step does not take (edge step, nvict, npre,
     *                                  calculated), rather than normalising otherwise than asked
     */
    public static Map<String, String> of(PreEdgeParameters p) {
        EnergyControl energy = p.e0Ev() == null ? EnergyControl.fromFile()
                : EnergyControl.fromFile().withFixedE0(p.e0Ev());
        return of(p.withE0(null), energy);
    }

    /**
     * @return the step parameters for {@code p}'s ranges and nnorm and the energy scale and E0 of {@code energy};
     *         what is the step's default is left out
     * @throws IllegalArgumentException when {@code p} sets E0 (it belongs to {@code energy}) or what the step does
     *                                  not take
     */
    public static Map<String, String> of(PreEdgeParameters p, EnergyControl energy) {
        if (p.e0Ev() != null) {
            throw new IllegalArgumentException("E0 = " + p.e0Ev() + " eV is set in the pre-edge parameters; give it"
                    + " as the energy control's fixed E0");
        }
        Map<String, String> m = new LinkedHashMap<>(ranges(p));
        switch (energy.e0Mode()) {
            case FIXED -> put(m, E0_EV, energy.e0Ev());
            case AUTO -> m.put(E0_SOURCE, EnergyControl.E0Mode.AUTO.name());
            case FROM_FILE -> {
                // the step's default: left out, so a default pipeline stays the one earlier versions recorded
            }
        }
        if (energy.shiftEv() != 0) {
            put(m, SHIFT_EV, energy.shiftEv());
        }
        if (energy.calibrateReference()) {
            m.put(CALIBRATE_REFERENCE, "true");
            put(m, REFERENCE_EDGE_EV, energy.referenceEdgeEv());
        }
        return m;
    }

    /**
     * @return the energy control the normalise step's parameters stand for
     * @throws IllegalArgumentException when they set both a fixed E0 and an E0 source, or a reference edge energy
     *                                  without calibration
     */
    public static EnergyControl energyControl(StepParameters p) {
        Double e0 = p.number(E0_EV);
        String source = p.text(E0_SOURCE).orElse(null);
        if (e0 != null && source != null) {
            throw new IllegalArgumentException("step '" + p.stepName() + "': " + E0_EV + " = " + e0 + " fixes E0"
                    + " and " + E0_SOURCE + " = " + source + " chooses another; give one of them");
        }
        EnergyControl c = EnergyControl.fromFile();
        c = e0 != null ? c.withFixedE0(e0)
                : c.withE0Mode(source == null ? EnergyControl.E0Mode.FROM_FILE : EnergyControl.E0Mode.valueOf(source));
        Double shift = p.number(SHIFT_EV);
        return c.withShift(shift == null ? 0.0 : shift).withReferenceCalibration(p.bool(CALIBRATE_REFERENCE),
                p.number(REFERENCE_EDGE_EV));
    }

    private static Map<String, String> ranges(PreEdgeParameters p) {
        PreEdgeParameters auto = PreEdgeParameters.automatic();
        if (p.edgeStep() != null || p.nvict() != auto.nvict() || p.npre() != auto.npre()
                || p.calculated() != auto.calculated()) {
            throw new IllegalArgumentException("the normalise step takes E0, pre-/post-edge ranges and nnorm only,"
                    + " not " + p);
        }
        Map<String, String> m = new LinkedHashMap<>();
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
            "output", "alreadyNormalized", "requireEdge", SHIFT_EV);

    /** @return the recipe line of a normalisation that ran: Larch's values as used ({@code pre_edge_details}) */
    public static String recipeLine(PreEdgeDetails used, NormalizeStep step, double shiftEv) {
        return recipeLine(used.e0Ev(), used.pre1Ev(), used.pre2Ev(), used.norm1Ev(), used.norm2Ev(), used.nnorm(),
                step, shiftEv);
    }

    /** @return the recipe line of a normalisation that did not run (source already normalised): as requested */
    public static String recipeLine(PreEdgeParameters requested, NormalizeStep step, double shiftEv) {
        return recipeLine(requested.e0Ev(), requested.pre1Ev(), requested.pre2Ev(), requested.norm1Ev(),
                requested.norm2Ev(), requested.nnorm(), step, shiftEv);
    }

    private static String recipeLine(Double e0, Double pre1, Double pre2, Double norm1, Double norm2, Integer nnorm,
            NormalizeStep step, double shiftEv) {
        // the shift applied before E0 (given, or found by reference calibration): E0 is on the shifted scale, so a
        // replay applies the same shift and the same E0
        Object[] values = {e0, pre1, pre2, norm1, norm2, nnorm, step.output(), step.alreadyNormalized(),
            step.requireEdge(), shiftEv};
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

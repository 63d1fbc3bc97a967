/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure;

import java.util.List;
import java.util.Objects;

import org.xanesml.core.Element;

/**
 * Everything that decides a label, so a label can be reproduced from its settings.
 *
 * @param shellRule how the first shell is cut
 * @param geometryRules geometry thresholds
 * @param bondValences bond-valence sums to compute (may be empty)
 * @param piLigandCarbonMin a first shell with at least this many C flags a possible pi ligand (cyclopentadienyl,
 *        arene, carbonyl clusters), where CN is ill-defined; 0 disables the flag
 * @param nearestListed how many nearest neighbours the labels table lists
 * @param oxidation the oxidation-state rule (bond valence per candidate valence, plus charge balance where the
 *        formula allows it), or null for none; the presets have none, {@link #withOxidation} adds it
 */
public record LabelerSettings(ShellRule shellRule, GeometryRules geometryRules, List<BondValence> bondValences,
        int piLigandCarbonMin, int nearestListed, OxidationStateRule oxidation) {

    /** Settings without an oxidation-state rule. */
    public LabelerSettings(ShellRule shellRule, GeometryRules geometryRules, List<BondValence> bondValences,
            int piLigandCarbonMin, int nearestListed) {
        this(shellRule, geometryRules, bondValences, piLigandCarbonMin, nearestListed, null);
    }

    public LabelerSettings {
        Objects.requireNonNull(shellRule, "shellRule");
        Objects.requireNonNull(geometryRules, "geometryRules");
        bondValences = List.copyOf(Objects.requireNonNull(bondValences, "bondValences"));
        if (piLigandCarbonMin < 0) {
            throw new IllegalArgumentException("piLigandCarbonMin must be >= 0: " + piLigandCarbonMin);
        }
        if (nearestListed < 0) {
            throw new IllegalArgumentException("nearestListed must be >= 0: " + nearestListed);
        }
    }

    /** @return the names {@link #preset(String)} knows, for command-line help */
    public static List<String> presetNames() {
        return List.of("omnixas-cu", "xanesnet-fe");
    }

    /**
     * @param name {@code omnixas-cu} or {@code xanesnet-fe} (case-insensitive)
     * @throws IllegalArgumentException listing the known names
     */
    public static LabelerSettings preset(String name) {
        switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "omnixas-cu":
            return omnixasCu();
        case "xanesnet-fe":
            return xanesnetFe();
        default:
            throw new IllegalArgumentException("unknown label rules '" + name + "', expected one of " + presetNames());
        }
    }

    /** @return a copy with another first-shell rule (e.g. from command-line options) */
    public LabelerSettings withShellRule(ShellRule rule) {
        return new LabelerSettings(rule, geometryRules, bondValences, piLigandCarbonMin, nearestListed, oxidation);
    }

    /** @return a copy with other bond-valence parameters */
    public LabelerSettings withBondValences(List<BondValence> parameters) {
        return new LabelerSettings(shellRule, geometryRules, parameters, piLigandCarbonMin, nearestListed, oxidation);
    }

    /** @return a copy that also derives the oxidation state (null: none) */
    public LabelerSettings withOxidation(OxidationStateRule rule) {
        return new LabelerSettings(shellRule, geometryRules, bondValences, piLigandCarbonMin, nearestListed, rule);
    }

    /**
     * @return the rules of the OmniXAS-Cu table: shell within 1.25 x d1, CN >= 7 named {@code cnN}, Cu2+-O bond
     *         valence (R0 1.679, b 0.37, 3.0 A), 12 nearest neighbours
     */
    public static LabelerSettings omnixasCu() {
        return new LabelerSettings(ShellRule.nearestDistanceFactor(1.25),
                GeometryRules.defaults().withHighCoordinationNamedByCn(true), List.of(BondValence.cu2Oxygen()), 0, 12);
    }

    /**
     * @return the rules of the XANESNET-Fe table: non-Fe atoms within 1.15 x (r_cov(Fe) + r_cov(X)) with Cordero
     *         radii, CN >= 7 left unnamed, no bond valence, pi-ligand flag at 3 C, 8 nearest neighbours
     */
    public static LabelerSettings xanesnetFe() {
        return new LabelerSettings(ShellRule.covalentRadii(1.15, Element.Fe), GeometryRules.defaults(), List.of(), 3, 8);
    }
}

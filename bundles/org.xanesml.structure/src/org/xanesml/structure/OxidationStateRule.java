/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

import org.xanesml.core.Element;

/**
 * The formal oxidation state of the absorber by bond valence: for each candidate valence v (and, where the table
 * splits by spin state, each spin state) the bond-valence sum V_v = sum over first-shell ligands of
 * exp((R0_v - d) / 0.37) with that valence's R0 ({@link BondValenceParameters}); the state is the v whose V_v is
 * closest to v itself (the usual self-consistency rule, e.g. Brown, <i>The Chemical Bond in Inorganic Chemistry</i>,
 * 2002). Kept with it: the distance |V_v - v| and the margin, how much farther the best candidate of any other valence
 * is; both are summarised as a confidence (high: distance &lt;= 0.25 and margin &gt;= 0.25; medium: distance &lt;= 0.5
 * and margin &gt;= 0.1; low otherwise; thresholds fixed before any label was looked at).
 * <p>
 * Which atoms count: first-shell atoms (the labeler's shell rule) of the non-metals and metalloids (H, B, C, N, O,
 * F, Si, P, S, Cl, Ge, As, Se, Br, Sb, Te, I). Metal atoms in the shell (metal-metal contacts, or the alkali cations
 * a 1.25 x d1 shell takes in) carry no bond valence to a cation and are left out. An H within 1.2 A of another
 * ligand atom belongs to a hydroxide, water or amine, not to the metal, and is left out too. A valence is a candidate
 * only when every counted ligand has a parameter for it; a site with a ligand no valence has a parameter for
 * (Fe-C, Fe-B, Fe-Si, ...) gets no state.
 * <p>
 * The low-spin trap: low-spin Fe(II) has Fe-N bonds of about 1.95-2.0 A, as short as Fe(III)'s, so with the
 * high-spin (general) Fe-N parameters its sum comes out near 3 and it would be called Fe(III). The rule therefore
 * also tries the low-spin Fe-N parameters (Hu 2014) and picks the spin state by the same closeness; but low-spin
 * Fe(II) and low-spin Fe(III) have nearly the same bond lengths, so when the chosen candidate is low-spin and the
 * other valence's low-spin candidate is within 0.25 the site is flagged {@value #LOW_SPIN_AMBIGUOUS}: bond
 * valence cannot tell the valence there.
 *
 * @param parameters the bond-valence table
 */
public record OxidationStateRule(BondValenceParameters parameters) {
    /** Flag of low-spin sites whose valence bond valence cannot decide. */
    public static final String LOW_SPIN_AMBIGUOUS = "low-spin-ambiguous";
    /**
     * Flag of a molecule whose electron count does not fit the state with closed-shell ligands: the metal keeps
     * Z - v electrons and closed-shell ligands bring an even number, so an even-electron Fe molecule holds Fe(II) (or
     * Fe(0), Fe(IV)) unless a ligand is a radical. The XANESNET Fe molecules are all even-electron (closed-shell
     * singlets), so an Fe(III) call there is flagged.
     */
    public static final String PARITY_MISMATCH = "state-needs-radical-ligand";

    private static final Set<Element> LIGAND_ELEMENTS = Set.of(Element.H, Element.B, Element.C, Element.N, Element.O,
            Element.F, Element.Si, Element.P, Element.S, Element.Cl, Element.Ge, Element.As, Element.Se, Element.Br,
            Element.Sb, Element.Te, Element.I);
    /** An H this close to another ligand atom is bonded to it (O-H, N-H, C-H are 0.95-1.1 A). */
    private static final double H_BONDED_ANGSTROM = 1.2;

    public OxidationStateRule {
        Objects.requireNonNull(parameters, "parameters");
    }

    /** @return the rule with the bvparm2020 table */
    public static OxidationStateRule bvparm2020() {
        return new OxidationStateRule(BondValenceParameters.bvparm2020());
    }

    /**
     * One candidate's sum.
     *
     * @param valence the candidate valence
     * @param spin its spin state
     * @param sum the bond-valence sum with that candidate's parameters
     */
    public record Candidate(int valence, BondValenceParameters.Spin spin, double sum) {
        /** @return |sum - valence| */
        public double distance() {
            return Math.abs(sum - valence);
        }

        /** @return e.g. "Fe2+ LS" (spin only where the table splits by it) */
        public String label(Element cation) {
            return cation.symbol() + valence + "+" + (spin == BondValenceParameters.Spin.ANY ? "" : " " + spin.label());
        }
    }

    /**
     * The outcome for one site.
     *
     * @param state the formal oxidation state, empty when the rule cannot say (see {@code note})
     * @param chosen the winning candidate, null without state
     * @param margin distance of the best other-valence candidate minus the chosen one's (NaN when no other valence
     *        was a candidate)
     * @param candidates every candidate evaluated
     * @param flags {@link #LOW_SPIN_AMBIGUOUS}, {@link #PARITY_MISMATCH}, "valences-not-evaluated:..."
     * @param note why there is no state; "" otherwise
     */
    public record Assignment(OptionalInt state, Candidate chosen, double margin, List<Candidate> candidates,
            List<String> flags, String note) {
        public Assignment {
            candidates = List.copyOf(candidates);
            flags = List.copyOf(flags);
        }

        /** @return high, medium or low (see the class comment); "" without state */
        public String confidence() {
            if (state.isEmpty()) {
                return "";
            }
            double d = chosen.distance();
            double m = Double.isNaN(margin) ? 0 : margin;
            if (flags.contains(LOW_SPIN_AMBIGUOUS)) {
                return "low";
            }
            if (d <= 0.25 && m >= 0.25) {
                return "high";
            }
            return d <= 0.5 && m >= 0.1 ? "medium" : "low";
        }
    }

    /**
     * @param cluster the site (its formula, when known, is used for the electron-count check of molecules)
     * @param firstShell its first shell
     */
    public Assignment assign(Cluster cluster, List<Atom> firstShell) {
        Element cation = cluster.absorber().element();
        List<Integer> valences = parameters.valences(cation);
        if (valences.isEmpty()) {
            return none("no bond-valence parameters for " + cation);
        }
        List<Atom> ligands = ligands(firstShell);
        if (ligands.isEmpty()) {
            return none("no non-metal atom in the first shell");
        }
        for (Atom a : ligands) {
            if (!parameters.isLigand(cation, a.element())) {
                return none("no " + cation + "-" + a.element() + " bond-valence parameter");
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int v : valences) {
            List<BondValenceParameters.Spin> spins = parameters.hasSpinStates(cation, v)
                    ? List.of(BondValenceParameters.Spin.HIGH, BondValenceParameters.Spin.LOW)
                    : List.of(BondValenceParameters.Spin.ANY);
            for (BondValenceParameters.Spin spin : spins) {
                double sum = 0;
                boolean complete = true;
                boolean spinMatters = false;
                for (Atom a : ligands) {
                    var e = parameters.find(cation, v, a.element(), spin);
                    if (e.isEmpty()) {
                        complete = false;
                        if (!missing.contains(v + "(" + a.element() + ")")) {
                            missing.add(v + "(" + a.element() + ")");
                        }
                        break;
                    }
                    spinMatters |= e.get().spin() != BondValenceParameters.Spin.ANY;
                    sum += Math.exp((e.get().r0Angstrom() - a.distanceAngstrom()) / BondValenceParameters.B);
                }
                if (complete && (spin != BondValenceParameters.Spin.LOW || spinMatters)) {
                    // without a spin-specific ligand the low-spin sum is the high-spin one: one candidate, no spin
                    candidates.add(new Candidate(v, spinMatters ? spin : BondValenceParameters.Spin.ANY, sum));
                }
            }
        }
        if (candidates.isEmpty()) {
            return none("no valence has parameters for every ligand: " + String.join(", ", missing));
        }
        Candidate best = candidates.get(0);
        for (Candidate c : candidates) {
            if (c.distance() < best.distance()) {
                best = c;
            }
        }
        double otherBest = Double.NaN;
        Candidate otherLowSpin = null;
        for (Candidate c : candidates) {
            if (c.valence() != best.valence()) {
                if (Double.isNaN(otherBest) || c.distance() < otherBest) {
                    otherBest = c.distance();
                }
                if (c.spin() == BondValenceParameters.Spin.LOW) {
                    otherLowSpin = c;
                }
            }
        }
        List<String> flags = new ArrayList<>();
        if (best.spin() == BondValenceParameters.Spin.LOW && otherLowSpin != null
                && otherLowSpin.distance() - best.distance() < 0.25) {
            flags.add(LOW_SPIN_AMBIGUOUS);
        }
        if (!missing.isEmpty()) {
            flags.add("valences-not-evaluated:" + String.join(",", missing));
        }
        if (parityMismatch(cluster, best.valence())) {
            flags.add(PARITY_MISMATCH);
        }
        return new Assignment(OptionalInt.of(best.valence()), best, Double.isNaN(otherBest) ? Double.NaN
                : otherBest - best.distance(), candidates, flags, "");
    }

    /** @return true for a molecule (organic formula) whose electron-count parity differs from Z - state's */
    private static boolean parityMismatch(Cluster cluster, int state) {
        int metalElectrons = cluster.absorber().element().atomicNumber() - state;
        java.util.Optional<ChargeBalance.Formula> formula;
        try {
            formula = ChargeBalance.formulaOf(cluster);
        } catch (IllegalArgumentException e) {
            // an unreadable formula: no parity check; the charge-balance cell of the same site reports the reason
            return false;
        }
        return formula.filter(ChargeBalance.Formula::organic)
                .map(f -> Math.floorMod(f.electronCount(), 2) != Math.floorMod(metalElectrons, 2)).orElse(false);
    }

    /** @return the first-shell atoms that carry bond valence (see the class comment) */
    static List<Atom> ligands(List<Atom> firstShell) {
        List<Atom> heavy = firstShell.stream().filter(a -> LIGAND_ELEMENTS.contains(a.element()) && a.element() != Element.H)
                .toList();
        List<Atom> out = new ArrayList<>(heavy);
        for (Atom h : firstShell) {
            if (h.element() != Element.H) {
                continue;
            }
            boolean bonded = false;
            for (Atom x : heavy) {
                double dx = h.xAngstrom() - x.xAngstrom();
                double dy = h.yAngstrom() - x.yAngstrom();
                double dz = h.zAngstrom() - x.zAngstrom();
                bonded |= Math.sqrt(dx * dx + dy * dy + dz * dz) <= H_BONDED_ANGSTROM;
            }
            if (!bonded) {
                out.add(h);
            }
        }
        return out;
    }

    private static Assignment none(String why) {
        return new Assignment(OptionalInt.empty(), null, Double.NaN, List.of(), List.of(), why);
    }

    /** @return the candidates' sums keyed by label, for reports */
    public static Map<String, Double> sums(Element cation, Assignment a) {
        Map<String, Double> m = new LinkedHashMap<>();
        a.candidates().forEach(c -> m.put(c.label(cation), c.sum()));
        return m;
    }
}

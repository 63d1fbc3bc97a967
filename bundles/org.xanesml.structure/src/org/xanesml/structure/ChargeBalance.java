/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xanesml.core.Element;

/**
 * The absorber's average oxidation state from a formula by charge balance: every other element takes one of its
 * common oxidation states, the absorber takes what makes the formula neutral.
 * <p>
 * Common oxidation states: those with at least 5% of an element's non-zero reports in the ICSD (2024, V2), from the
 * counts SMACT distributes ({@code smact/data/oxidation_states_icsd24_counts.json}, WMD-group/SMACT, MIT licence,
 * commit d1a17d70); each state carries its share of the reports. Every combination is tried; those leaving the
 * absorber a value between its lowest and highest candidate valence are solutions, and the most probable one (product
 * of the shares) gives the answer. When all solutions give the same value the answer is {@linkplain Result#unique()
 * unique}; otherwise, e.g. CuFe O2 (Cu+ Fe3+ or Cu2+ Fe2+), it is the likelier reading and says it is ambiguous.
 * Molecules (formulas with both C and H, as the XANESNET names) are not charge-balanced: organic ligands take no
 * fixed oxidation states; for them {@link Formula#electronCount()} is reported instead.
 */
public final class ChargeBalance {
    /** Share of ICSD 2024 reports per oxidation state, states of at least 5% only, generated from the SMACT counts. */
    private static final String COMMON = "H 1:0.909 -1:0.091; Li 1:1.000; Be 2:1.000; B 3:0.940; "
            + "C 4:0.473 2:0.226 3:0.101 -2:0.093 -4:0.057; "
            + "N -3:0.793 5:0.073; O -2:0.996; F -1:1.000; Na 1:1.000; Mg 2:1.000; Al 3:1.000; Si 4:0.978; "
            + "P 5:0.819 -3:0.086; S -2:0.674 6:0.246; Cl -1:0.944; K 1:1.000; Ca 2:1.000; Sc 3:0.982; "
            + "Ti 4:0.922 3:0.062; V 5:0.525 3:0.225 4:0.216; Cr 3:0.745 6:0.105 2:0.090; "
            + "Mn 2:0.591 3:0.254 4:0.135; Fe 3:0.611 2:0.373; Co 2:0.631 3:0.341; Ni 2:0.809 3:0.151; "
            + "Cu 2:0.564 1:0.406; Zn 2:0.997; Ga 3:0.974; Ge 4:0.865 2:0.060; As 5:0.407 -3:0.333 3:0.172; "
            + "Se -2:0.747 4:0.113 6:0.087; Br -1:0.953; Kr 2:1.000; Rb 1:0.999; Sr 2:0.999; Y 3:0.982; Zr 4:0.960; "
            + "Nb 5:0.879 4:0.075; Mo 6:0.709 5:0.124 4:0.088; Tc 7:0.370 4:0.315 3:0.127 2:0.067 1:0.061; "
            + "Ru 4:0.399 5:0.263 2:0.151 3:0.132; Rh 3:0.678 4:0.168 2:0.102; Pd 2:0.789 4:0.158; Ag 1:0.965; "
            + "Cd 2:0.999; In 3:0.905 1:0.052; Sn 4:0.713 2:0.253; Sb 3:0.418 5:0.359 -3:0.165; "
            + "Te -2:0.558 4:0.205 6:0.172 -1:0.050; I -1:0.775 5:0.167; Xe 6:0.448 2:0.421 4:0.095; Cs 1:1.000; "
            + "Ba 2:1.000; La 3:0.992; Ce 3:0.619 4:0.359; Pr 3:0.929; Nd 3:0.978; Pm 3:1.000; Sm 3:0.941 2:0.056; "
            + "Eu 3:0.651 2:0.344; Gd 3:0.983; Tb 3:0.905 4:0.072; Dy 3:0.969; Ho 3:0.986; Er 3:0.964; "
            + "Tm 3:0.947 2:0.051; Yb 3:0.846 2:0.152; Lu 3:0.990; Hf 4:0.924 3:0.055; Ta 5:0.881 4:0.065; "
            + "W 6:0.925; Re 7:0.303 3:0.226 5:0.154 4:0.146 6:0.128; "
            + "Os 5:0.301 6:0.179 4:0.166 2:0.137 3:0.085 8:0.063 7:0.052; Ir 4:0.419 3:0.281 5:0.199 2:0.059; "
            + "Pt 4:0.511 2:0.422; Au 1:0.485 3:0.413; Hg 2:0.916 1:0.084; Tl 1:0.700 3:0.291; Pb 2:0.932 4:0.063; "
            + "Bi 3:0.903; Po 4:0.750 -2:0.125 2:0.125; Ra 2:1.000; Ac 3:1.000; Th 4:0.896 3:0.070; "
            + "Pa 5:0.673 4:0.250 3:0.058; U 6:0.566 4:0.286 3:0.085; Np 6:0.283 5:0.275 4:0.242 3:0.114 7:0.067; "
            + "Pu 3:0.379 4:0.324 6:0.151 2:0.068 7:0.055; Am 3:0.684 4:0.139 2:0.076 5:0.051; Cm 3:0.846 4:0.128; "
            + "Bk 3:0.667 4:0.267 2:0.067; Cf 3:0.810; Es 3:1.000";

    private static final Map<Element, Map<Integer, Double>> SHARES = parseShares();

    /** More combinations than this are not enumerated (a formula of many multivalent elements). */
    private static final long MAX_COMBINATIONS = 200_000;

    private ChargeBalance() {
    }

    private static Map<Element, Map<Integer, Double>> parseShares() {
        Map<Element, Map<Integer, Double>> m = new EnumMap<>(Element.class);
        for (String item : COMMON.split(";")) {
            String[] f = item.strip().split(" ");
            Map<Integer, Double> states = new LinkedHashMap<>();
            for (int i = 1; i < f.length; i++) {
                String[] kv = f[i].split(":");
                states.put(Integer.parseInt(kv[0]), Double.parseDouble(kv[1]));
            }
            m.put(Element.ofSymbol(f[0]), states);
        }
        return m;
    }

    /** @return the common oxidation states of an element with their share of ICSD reports (empty when none) */
    public static Map<Integer, Double> commonStates(Element element) {
        return SHARES.getOrDefault(element, Map.of());
    }

    /**
     * A chemical formula: element counts (parentheses expanded) and an optional net charge written at the end as
     * {@code (1+)}, {@code (2-)} or {@code (+)}, as the XANESNET names do.
     *
     * @param counts atoms per element, in order of first appearance
     * @param charge net charge (0 when none is written)
     */
    public record Formula(Map<Element, Integer> counts, int charge) {
        private static final Pattern CHARGE = Pattern.compile("\\((\\d*)([+-])\\)$");
        private static final Pattern TOKEN = Pattern.compile("([A-Z][a-z]?)(\\d*)|\\(|\\)(\\d*)");

        public Formula {
            counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        }

        /**
         * @throws IllegalArgumentException naming the text when it is not a formula
         */
        public static Formula parse(String text) {
            String s = text.strip();
            int charge = 0;
            Matcher c = CHARGE.matcher(s);
            if (c.find()) {
                charge = (c.group(1).isEmpty() ? 1 : Integer.parseInt(c.group(1))) * (c.group(2).equals("+") ? 1 : -1);
                s = s.substring(0, c.start());
            }
            if (s.isEmpty()) {
                throw new IllegalArgumentException("'" + text + "' is not a chemical formula");
            }
            // a stack of count maps: '(' opens one, ')n' multiplies it into its parent
            List<Map<Element, Integer>> stack = new ArrayList<>();
            stack.add(new LinkedHashMap<>());
            Matcher m = TOKEN.matcher(s);
            int at = 0;
            while (m.find()) {
                if (m.start() != at) {
                    throw new IllegalArgumentException("'" + text + "' is not a chemical formula (at '" + s.substring(at) + "')");
                }
                at = m.end();
                if (m.group(1) != null) {
                    Element e = Element.ofSymbol(m.group(1));
                    int n = m.group(2).isEmpty() ? 1 : Integer.parseInt(m.group(2));
                    stack.get(stack.size() - 1).merge(e, n, Integer::sum);
                } else if (m.group().equals("(")) {
                    stack.add(new LinkedHashMap<>());
                } else {
                    if (stack.size() < 2) {
                        throw new IllegalArgumentException("'" + text + "': unbalanced ')'");
                    }
                    int n = m.group(3).isEmpty() ? 1 : Integer.parseInt(m.group(3));
                    Map<Element, Integer> inner = stack.remove(stack.size() - 1);
                    inner.forEach((e, k) -> stack.get(stack.size() - 1).merge(e, k * n, Integer::sum));
                }
            }
            if (at != s.length() || stack.size() != 1) {
                throw new IllegalArgumentException("'" + text + "' is not a chemical formula");
            }
            return new Formula(stack.get(0), charge);
        }

        /** @return true for formulas with both C and H: molecules with organic ligands */
        public boolean organic() {
            return counts.containsKey(Element.C) && counts.containsKey(Element.H);
        }

        /** @return the number of electrons: sum of Z over the atoms, minus the net charge */
        public int electronCount() {
            int n = -charge;
            for (Map.Entry<Element, Integer> e : counts.entrySet()) {
                n += e.getKey().atomicNumber() * e.getValue();
            }
            return n;
        }
    }

    /**
     * @param value the absorber's average oxidation state of the likeliest solution; NaN when there is none
     * @param unique every solution gives this value
     * @param solutions how many combinations balance
     * @param note why there is no value, or which other values balance too; "" otherwise
     */
    public record Result(double value, boolean unique, int solutions, String note) {
        /** @return true when some combination balances the formula */
        public boolean solved() {
            return !Double.isNaN(value);
        }

        /** @return the value as the tables write it: "2", "2.5", or "" */
        public String label() {
            if (!solved()) {
                return "";
            }
            return Math.abs(value - Math.rint(value)) < 1e-9 ? Long.toString(Math.round(value))
                    : LabelFormat.shortest(value, 2);
        }
    }

    /**
     * @param formula the compound
     * @param absorber the element whose state is solved for
     * @param lowest lowest value accepted for the absorber
     * @param highest highest value accepted
     */
    public static Result solve(Formula formula, Element absorber, int lowest, int highest) {
        Objects.requireNonNull(formula, "formula");
        Integer nAbsorber = formula.counts().get(absorber);
        if (nAbsorber == null) {
            return new Result(Double.NaN, false, 0, "no " + absorber + " in the formula");
        }
        if (formula.organic()) {
            return new Result(Double.NaN, false, 0, "molecule with organic ligands: no charge balance");
        }
        List<Element> others = new ArrayList<>();
        List<List<Map.Entry<Integer, Double>>> options = new ArrayList<>();
        long combinations = 1;
        for (Map.Entry<Element, Integer> e : formula.counts().entrySet()) {
            if (e.getKey() == absorber) {
                continue;
            }
            Map<Integer, Double> states = commonStates(e.getKey());
            if (states.isEmpty()) {
                return new Result(Double.NaN, false, 0, "no common oxidation state for " + e.getKey());
            }
            others.add(e.getKey());
            options.add(new ArrayList<>(states.entrySet()));
            combinations *= states.size();
        }
        if (combinations > MAX_COMBINATIONS) {
            return new Result(Double.NaN, false, 0, combinations + " combinations of common states: not enumerated");
        }
        int[] pick = new int[others.size()];
        double bestScore = Double.NEGATIVE_INFINITY;
        double best = Double.NaN;
        java.util.Set<Long> values = new java.util.TreeSet<>();
        int solutions = 0;
        while (true) {
            double charge = formula.charge();
            double score = 0;
            for (int i = 0; i < pick.length; i++) {
                Map.Entry<Integer, Double> s = options.get(i).get(pick[i]);
                charge -= s.getKey() * formula.counts().get(others.get(i));
                score += Math.log(s.getValue());
            }
            double q = charge / nAbsorber;
            if (q >= lowest - 1e-9 && q <= highest + 1e-9) {
                solutions++;
                values.add(Math.round(q * 1000));
                if (score > bestScore) {
                    bestScore = score;
                    best = q;
                }
            }
            int i = 0;
            while (i < pick.length && ++pick[i] == options.get(i).size()) {
                pick[i++] = 0;
            }
            if (i == pick.length) {
                break;
            }
        }
        if (solutions == 0) {
            return new Result(Double.NaN, false, 0, "no combination of common oxidation states leaves " + absorber
                    + " between " + lowest + " and " + highest);
        }
        long bestKey = Math.round(best * 1000);
        String note = values.size() == 1 ? "" : "also balanced with " + absorber + " " + String.join(", ",
                values.stream().filter(v -> v != bestKey).map(v -> LabelFormat.shortest(v / 1000.0, 2)).toList());
        return new Result(best, values.size() == 1, solutions, note);
    }

    /**
     * The formula of a cluster: its own (from feff.inp's {@code Reduced formula} title or a POSCAR's composition),
     * else the part of the id after the first '_' when that is a formula (XANESNET names:
     * {@code REFCODE_formula(charge)}).
     */
    public static Optional<Formula> formulaOf(Cluster cluster) {
        if (!cluster.formula().isEmpty()) {
            return Optional.of(Formula.parse(cluster.formula()));
        }
        int us = cluster.id().indexOf('_');
        if (us > 0 && us < cluster.id().length() - 1) {
            try {
                return Optional.of(Formula.parse(cluster.id().substring(us + 1)));
            } catch (IllegalArgumentException e) {
                // an id such as mp-1234_005 carries no formula: that is an answer, not an error
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}

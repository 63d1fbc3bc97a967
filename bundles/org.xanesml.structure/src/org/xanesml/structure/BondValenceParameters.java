/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.xanesml.core.Element;

/**
 * Published bond-valence parameters R0 per cation, cation valence and anion (b = 0.37 A throughout), for the
 * oxidation-state rule ({@link OxidationStateRule}).
 * <p>
 * Source: I. D. Brown, <i>Accumulated table of bond valence parameters</i>, {@code bvparm2020.cif}
 * (data_BOND_VALENCE_PARAMETERS_2020-11-25, IUCr, https://www.iucr.org/resources/data/datasets/bond-valence-parameters;
 * read from the copy in the public repository manuelarcer/asetools, {@code asetools/data/bvparm2020.cif}, commit
 * ac033319). The table lists values "in decreasing order of reliability"; the rule taken here, fixed before any
 * label was looked at: for each cation, valence and anion, <b>the first listed entry with b = 0.37</b> (so Brown and
 * Altermatt 1985 or Brese and O'Keeffe 1991 where they come first); where the table has no such entry for that
 * valence, Brese and O'Keeffe's valence-unspecified value (listed with valence 9, "intended to apply to all oxidation
 * states") is used for every valence. Entries the table marks {@code unchecked} are used when they come first and are
 * marked so below. Only Fe-N has published spin-state-specific values (Hu 2014, ref. bq): the high-spin value is the
 * first listed and the default; the low-spin one is a separate candidate ({@link Spin#LOW}).
 * <p>
 * References (bvparm2020 ids): a = Brown and Altermatt (1985) Acta Cryst. B41, 244; b = Brese and O'Keeffe (1991)
 * Acta Cryst. B47, 192; e = I. D. Brown, private communication; j = Liu and Thorp (1993) Inorg. Chem. 32, 4102;
 * l = Shields, Raithby, Allen and Motherwell (2000) Acta Cryst. B56, 455 (from transition-metal complexes);
 * t = Mahapatra et al. (1996) J. Am. Chem. Soc. 118, 11555; bq = Hu (2014), to be published (as cited by bvparm2020);
 * bu = Zheng et al. (2017) Acta Cryst. D73, 316.
 *
 * <table border="1">
 * <caption>R0 (A), b = 0.37; reference id in brackets; u = marked unchecked in bvparm2020</caption>
 * <tr><th>cation</th><th>O</th><th>N</th><th>S</th><th>F</th><th>Cl</th><th>Br</th><th>I</th><th>C</th><th>Se</th><th>Te</th><th>P</th><th>As</th><th>H</th></tr>
 * <tr><td>Cu+</td><td>1.610 [e, u]</td><td>1.520 [l, 3-coordinate N]</td><td>1.898 [a]</td><td>1.6 [b]</td><td>1.858 [l]</td><td>2.03 [e, u]</td><td>2.108 [a]</td><td>1.446 [l]</td><td>1.900 [l]</td><td>-</td><td>1.774 [l]</td><td>1.856 [l]</td><td>-</td></tr>
 * <tr><td>Cu2+</td><td>1.679 [a]</td><td>1.751 [j]</td><td>2.054 [a]</td><td>1.594 [a]</td><td>2.00 [b]</td><td>1.99 [b]</td><td>2.16 [b]</td><td>1.72 [l]</td><td>2.02 [b]</td><td>2.27 [b]</td><td>1.97 [b]</td><td>2.08 [b]</td><td>1.21 [b]</td></tr>
 * <tr><td>Cu3+</td><td>1.735 [t]</td><td>1.768 [l]</td><td>-</td><td>1.58 [e, u]</td><td>2.078 [l]</td><td>-</td><td>-</td><td>1.84 [l]</td><td>-</td><td>-</td><td>-</td><td>-</td><td>-</td></tr>
 * <tr><td>Fe2+</td><td>1.734 [a]</td><td>1.76 high spin, 1.56 low spin [bq]</td><td>2.12 [e, u]</td><td>1.65 [b]</td><td>2.06 [b]</td><td>2.21 [bu]</td><td>2.47 [b, Fe 9]</td><td>-</td><td>2.28 [b, Fe 9]</td><td>2.53 [b, Fe 9]</td><td>2.27 [b, Fe 9]</td><td>2.35 [b, Fe 9]</td><td>1.53 [b, Fe 9]</td></tr>
 * <tr><td>Fe3+</td><td>1.759 [a]</td><td>1.82 high spin, 1.70 low spin [bq]</td><td>2.149 [a]</td><td>1.679 [a]</td><td>2.09 [bu]</td><td>2.23 [bu]</td><td>2.47 [b, Fe 9]</td><td>-</td><td>2.28 [b, Fe 9]</td><td>2.53 [b, Fe 9]</td><td>2.27 [b, Fe 9]</td><td>2.35 [b, Fe 9]</td><td>1.53 [b, Fe 9]</td></tr>
 * </table>
 * Not used: bvparm2020's Fe3+-C entry (1.689, ref. a) names the carbon as a cation of valence +2 and has no Fe2+
 * counterpart, so carbon-bonded Fe sites get no bond-valence oxidation state; Cu+ has no Te, Cu3+ no S, Br, I
 * parameter, so those valences are not candidates for sites bonded to those anions.
 */
public final class BondValenceParameters {
    /** Softness parameter b of every entry, Angstrom. */
    public static final double B = 0.37;

    /** Spin state an entry applies to ({@link #ANY} for all but Fe-N). */
    public enum Spin {
        ANY(""), HIGH("HS"), LOW("LS");

        private final String label;

        Spin(String label) {
            this.label = label;
        }

        /** @return "", "HS" or "LS" */
        public String label() {
            return label;
        }
    }

    /**
     * One parameter.
     *
     * @param cation the cation
     * @param valence its formal valence
     * @param anion the anion
     * @param spin spin state of the cation the value applies to
     * @param r0Angstrom R0
     * @param reference bvparm2020 reference id, with "u" when marked unchecked and "9" when valence-unspecified
     */
    public record Entry(Element cation, int valence, Element anion, Spin spin, double r0Angstrom, String reference) {
        public Entry {
            Objects.requireNonNull(cation, "cation");
            Objects.requireNonNull(anion, "anion");
            Objects.requireNonNull(spin, "spin");
            Objects.requireNonNull(reference, "reference");
        }
    }

    private final List<Entry> entries;

    private BondValenceParameters(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** @return the entries, in table order */
    public List<Entry> entries() {
        return entries;
    }

    /** @return the table above (Cu+/Cu2+/Cu3+, Fe2+/Fe3+ with Fe-N per spin state) */
    public static BondValenceParameters bvparm2020() {
        List<Entry> e = new ArrayList<>();
        add(e, Element.Cu, 1, "O 1.610 e,u; N 1.520 l; S 1.898 a; F 1.6 b; Cl 1.858 l; Br 2.03 e,u; I 2.108 a; C 1.446 l;"
                + " Se 1.900 l; P 1.774 l; As 1.856 l");
        add(e, Element.Cu, 2, "O 1.679 a; N 1.751 j; S 2.054 a; F 1.594 a; Cl 2.00 b; Br 1.99 b; I 2.16 b; C 1.72 l;"
                + " Se 2.02 b; Te 2.27 b; P 1.97 b; As 2.08 b; H 1.21 b");
        add(e, Element.Cu, 3, "O 1.735 t; N 1.768 l; F 1.58 e,u; Cl 2.078 l; C 1.84 l");
        String fe9 = "; I 2.47 b,9; Se 2.28 b,9; Te 2.53 b,9; P 2.27 b,9; As 2.35 b,9; H 1.53 b,9";
        add(e, Element.Fe, 2, "O 1.734 a; S 2.12 e,u; F 1.65 b; Cl 2.06 b; Br 2.21 bu" + fe9);
        add(e, Element.Fe, 3, "O 1.759 a; S 2.149 a; F 1.679 a; Cl 2.09 bu; Br 2.23 bu" + fe9);
        e.add(new Entry(Element.Fe, 2, Element.N, Spin.HIGH, 1.76, "bq"));
        e.add(new Entry(Element.Fe, 2, Element.N, Spin.LOW, 1.56, "bq"));
        e.add(new Entry(Element.Fe, 3, Element.N, Spin.HIGH, 1.82, "bq"));
        e.add(new Entry(Element.Fe, 3, Element.N, Spin.LOW, 1.70, "bq"));
        return new BondValenceParameters(e);
    }

    private static void add(List<Entry> out, Element cation, int valence, String spec) {
        for (String item : spec.split(";")) {
            String[] f = item.strip().split(" ");
            out.add(new Entry(cation, valence, Element.ofSymbol(f[0]), Spin.ANY, Double.parseDouble(f[1]), f[2]));
        }
    }

    /** Equal when the entries are (settings holding a table compare by value). */
    @Override
    public boolean equals(Object o) {
        return o instanceof BondValenceParameters other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    /** @return the valences the table has for this cation, ascending */
    public List<Integer> valences(Element cation) {
        return entries.stream().filter(x -> x.cation() == cation).map(Entry::valence).distinct().sorted().toList();
    }

    /** @return true when some valence of the cation has a parameter for this anion */
    public boolean isLigand(Element cation, Element anion) {
        return entries.stream().anyMatch(x -> x.cation() == cation && x.anion() == anion);
    }

    /** @return true when the cation has spin-specific entries at this valence */
    public boolean hasSpinStates(Element cation, int valence) {
        return entries.stream().anyMatch(x -> x.cation() == cation && x.valence() == valence && x.spin() != Spin.ANY);
    }

    /**
     * @param spin {@link Spin#ANY} takes the high-spin value where the table splits by spin (the first-listed one)
     * @return R0 for the pair, or empty when the table has none
     */
    public Optional<Entry> find(Element cation, int valence, Element anion, Spin spin) {
        Entry any = null;
        for (Entry x : entries) {
            if (x.cation() != cation || x.valence() != valence || x.anion() != anion) {
                continue;
            }
            if (x.spin() == Spin.ANY) {
                any = x;
            } else if (x.spin() == (spin == Spin.ANY ? Spin.HIGH : spin)) {
                return Optional.of(x);
            }
        }
        return Optional.ofNullable(any);
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.xanesml.core.Element;

/**
 * The labels derived from one cluster, with the settings that produced them.
 *
 * @param cluster the labelled cluster
 * @param settings the rules used
 * @param firstShell the first-shell atoms, nearest first
 * @param geometry the geometry class
 * @param geometryLabel the geometry as the tables write it ({@code "cn8"} for CN >= 7 when so configured)
 * @param geometryParameter the number that decided the geometry (see {@link Geometry#parameter()}), raw, unrounded
 * @param bondValenceSums one sum per {@link LabelerSettings#bondValences()}, same order
 * @param oxidation the oxidation state by bond valence; null when the settings have no oxidation rule
 * @param chargeBalance the absorber's state by charge balance of the formula; null when the settings have no
 *        oxidation rule
 */
public record LocalEnvironment(Cluster cluster, LabelerSettings settings, List<Atom> firstShell, Geometry geometry,
        String geometryLabel, OptionalDouble geometryParameter, List<Double> bondValenceSums,
        OxidationStateRule.Assignment oxidation, ChargeBalance.Result chargeBalance) {

    /** Labels without oxidation state. */
    public LocalEnvironment(Cluster cluster, LabelerSettings settings, List<Atom> firstShell, Geometry geometry,
            String geometryLabel, OptionalDouble geometryParameter, List<Double> bondValenceSums) {
        this(cluster, settings, firstShell, geometry, geometryLabel, geometryParameter, bondValenceSums, null, null);
    }

    public LocalEnvironment {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(settings, "settings");
        firstShell = List.copyOf(firstShell);
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(geometryLabel, "geometryLabel");
        Objects.requireNonNull(geometryParameter, "geometryParameter");
        bondValenceSums = List.copyOf(bondValenceSums);
        if (bondValenceSums.size() != settings.bondValences().size()) {
            throw new IllegalArgumentException("expected " + settings.bondValences().size() + " bond-valence sums, got "
                    + bondValenceSums.size());
        }
        if ((settings.oxidation() == null) != (oxidation == null) || (oxidation == null) != (chargeBalance == null)) {
            throw new IllegalArgumentException("oxidation state and charge balance go with an oxidation rule in the settings");
        }
    }

    /**
     * @return "yes"/"no" when the charge-balance value is an integer and the bond-valence state exists (prefixed
     *         "ambiguous-" when other states of the other elements balance to another value), "mixed" for a
     *         non-integer (mixed-valence) balance, "" when either is missing
     */
    public String chargeBalanceAgreement() {
        if (oxidation == null || !chargeBalance.solved() || oxidation.state().isEmpty()) {
            return "";
        }
        double v = chargeBalance.value();
        if (Math.abs(v - Math.rint(v)) > 1e-9) {
            return "mixed";
        }
        String verdict = Math.round(v) == oxidation.state().getAsInt() ? "yes" : "no";
        return chargeBalance.unique() ? verdict : "ambiguous-" + verdict;
    }

    /** @return the site id of the cluster */
    public String id() {
        return cluster.id();
    }

    /** @return the coordination number, the size of the first shell */
    public int coordinationNumber() {
        return firstShell.size();
    }

    /** @return the distance of the nearest neighbour of any species, d1 */
    public double nearestDistanceAngstrom() {
        return cluster.neighbours().get(0).distanceAngstrom();
    }

    /** @return first-shell atoms counted per element, ordered by symbol as the tables list them */
    public SortedMap<String, Integer> donorCounts() {
        return firstShell.stream().collect(Collectors.groupingBy(a -> a.element().symbol(), TreeMap::new,
                Collectors.summingInt(a -> 1)));
    }

    /** @return the donor set as the XANESNET table writes it, e.g. {@code "C2 I1 N3"} */
    public String donorSetLabel() {
        return donorCounts().entrySet().stream().map(e -> e.getKey() + e.getValue()).collect(Collectors.joining(" "));
    }

    /** @return the distinct first-shell species separated by spaces, e.g. {@code "As Cu"} */
    public String firstShellSpeciesLabel() {
        return String.join(" ", donorCounts().keySet());
    }

    /** @return the number of first-shell atoms of this element */
    public int countInFirstShell(Element element) {
        return (int) firstShell.stream().filter(a -> a.element() == element).count();
    }

    /** @return true when every first-shell atom is of this element */
    public boolean firstShellAllOf(Element element) {
        return countInFirstShell(element) == firstShell.size();
    }

    /** @return true when the first shell holds at least {@link LabelerSettings#piLigandCarbonMin()} carbon atoms */
    public boolean possiblePiLigand() {
        return settings.piLigandCarbonMin() > 0 && countInFirstShell(Element.C) >= settings.piLigandCarbonMin();
    }

    /** @return how many atoms of the element lie within the distance (inclusive), in or out of the first shell */
    public int countWithin(Element element, double maxDistanceAngstrom) {
        int n = 0;
        for (Atom a : cluster.neighbours()) {
            if (a.distanceAngstrom() > maxDistanceAngstrom) {
                break;
            }
            if (a.element() == element) {
                n++;
            }
        }
        return n;
    }

    /** @return the bond-valence sums keyed by their parameters */
    public Map<BondValence, Double> bondValenceSumsByParameters() {
        Map<BondValence, Double> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < bondValenceSums.size(); i++) {
            m.put(settings.bondValences().get(i), bondValenceSums.get(i));
        }
        return m;
    }

    /** @return the n nearest neighbours as {@code "O:2.649 O:2.649 Rb:3.059"} (distances to 0.001 A) */
    public String nearestNeighboursLabel(int n) {
        return cluster.neighbours().stream().limit(n)
                .map(a -> a.element().symbol() + ":" + LabelFormat.fixed(a.distanceAngstrom(), 3))
                .collect(Collectors.joining(" "));
    }

    /**
     * @return the i-th bond-valence sum to 0.001, or {@code "0"} when no anion lies within the cutoff (the reference
     *         tables write an empty sum as the integer 0, while a sum that rounds to zero is written 0.0)
     */
    public String bondValenceSumLabel(int i) {
        double sum = bondValenceSums.get(i);
        // exp() is positive, so an exactly zero sum means no anion contributed
        return sum == 0.0 ? "0" : LabelFormat.shortest(sum, 3);
    }

    /** @return the geometry parameter as the tables write it (0.1 deg, 0.001, or an integer); empty when none */
    public String geometryParameterLabel() {
        if (geometryParameter.isEmpty()) {
            return "";
        }
        int decimals = geometry.parameter().decimals();
        double value = geometryParameter.getAsDouble();
        return decimals == 0 ? Long.toString(Math.round(value)) : LabelFormat.shortest(value, decimals);
    }
}

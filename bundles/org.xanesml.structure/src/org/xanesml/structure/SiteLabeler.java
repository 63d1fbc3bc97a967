/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.xanesml.structure.internal.GeometryClassifier;

/**
 * Derives local-environment labels (first shell, CN, geometry, bond-valence sums, donor set) from an absorber-centred
 * cluster with configurable rules. Stateless apart from its immutable settings, so one instance serves many threads.
 */
public final class SiteLabeler {
    private final LabelerSettings settings;

    public SiteLabeler(LabelerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** @return the rules this labeler applies */
    public LabelerSettings settings() {
        return settings;
    }

    /**
     * @return the labels of the cluster
     * @throws IllegalArgumentException when the covalent-radii rule meets an element without a radius
     */
    public LocalEnvironment label(Cluster cluster) {
        List<Atom> shell = firstShell(cluster, settings.shellRule());
        GeometryClassifier.Result g = GeometryClassifier.classify(shell, settings.geometryRules());
        String geometryLabel = g.geometry() == Geometry.UNCLASSIFIED && shell.size() > 6
                && settings.geometryRules().nameHighCoordinationByCn() ? "cn" + shell.size() : g.geometry().label();
        List<Double> sums = new ArrayList<>();
        for (BondValence bv : settings.bondValences()) {
            sums.add(bv.sum(cluster));
        }
        OxidationStateRule rule = settings.oxidation();
        if (rule == null) {
            return new LocalEnvironment(cluster, settings, shell, g.geometry(), geometryLabel, g.parameter(), sums);
        }
        return new LocalEnvironment(cluster, settings, shell, g.geometry(), geometryLabel, g.parameter(), sums,
                rule.assign(cluster, shell), chargeBalance(cluster, rule));
    }

    /** Charge balance of the cluster's formula, between the absorber's lowest and highest tabulated valence. */
    private static ChargeBalance.Result chargeBalance(Cluster cluster, OxidationStateRule rule) {
        List<Integer> valences = rule.parameters().valences(cluster.absorber().element());
        if (valences.isEmpty()) {
            return new ChargeBalance.Result(Double.NaN, false, 0, "no candidate valences for " + cluster.absorber().element());
        }
        java.util.Optional<ChargeBalance.Formula> f;
        try {
            f = ChargeBalance.formulaOf(cluster);
        } catch (IllegalArgumentException e) {
            // a formula the source states but we cannot read: the site keeps its other labels, the cell says why
            return new ChargeBalance.Result(Double.NaN, false, 0, "formula not understood: " + e.getMessage());
        }
        return f.map(x -> ChargeBalance.solve(x, cluster.absorber().element(), valences.get(0),
                valences.get(valences.size() - 1))).orElse(new ChargeBalance.Result(Double.NaN, false, 0, "no formula"));
    }

    /** @return the first-shell atoms of the cluster under the rule, nearest first */
    public static List<Atom> firstShell(Cluster cluster, ShellRule rule) {
        List<Atom> shell = new ArrayList<>();
        if (rule instanceof ShellRule.NearestDistanceFactor r) {
            double d1 = Double.NaN;
            for (Atom a : cluster.neighbours()) {
                if (!r.admits(a.element())) {
                    continue;
                }
                if (Double.isNaN(d1)) {
                    d1 = a.distanceAngstrom();
                }
                // the same product as the reference scripts, so ties at the cutoff fall the same way
                if (a.distanceAngstrom() <= r.factor() * d1) {
                    shell.add(a);
                } else {
                    break; // sorted by distance
                }
            }
        } else if (rule instanceof ShellRule.CovalentRadiiSum r) {
            double rAbsorber = r.radii().radiusAngstrom(cluster.absorber().element());
            for (Atom a : cluster.neighbours()) {
                if (r.excluded().contains(a.element())) {
                    continue;
                }
                if (a.distanceAngstrom() <= r.factor() * (rAbsorber + r.radii().radiusAngstrom(a.element()))) {
                    shell.add(a);
                }
            }
        } else {
            throw new IllegalStateException("unknown shell rule " + rule);
        }
        return shell;
    }
}

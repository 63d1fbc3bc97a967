/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.xanesml.core.Element;

/** The labeler on ideal polyhedra, where tau4, tau5 and trans-angle counts are known in closed form. */
class SiteLabelerTest {
    private static final double S = Math.sqrt(0.5);
    private static final SiteLabeler CU = new SiteLabeler(LabelerSettings.omnixasCu());

    static Cluster cluster(Element absorber, Element ligand, double distance, double[]... directions) {
        List<Atom> atoms = new ArrayList<>();
        for (double[] d : directions) {
            double n = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            atoms.add(Atom.at(ligand, ligand.symbol(), distance * d[0] / n, distance * d[1] / n, distance * d[2] / n));
        }
        return new Cluster("test", "synthetic", Atom.at(absorber, absorber.symbol(), 0, 0, 0), atoms);
    }

    static LocalEnvironment cu(double[]... directions) {
        return CU.label(cluster(Element.Cu, Element.O, 2.0, directions));
    }

    static double[] v(double x, double y, double z) {
        return new double[] { x, y, z };
    }

    @Test
    void twoAndThreeCoordinate() {
        LocalEnvironment linear = cu(v(1, 0, 0), v(-1, 0, 0));
        assertEquals(Geometry.LINEAR, linear.geometry());
        assertEquals("180.0", linear.geometryParameterLabel());
        assertEquals(Geometry.BENT, cu(v(1, 0, 0), v(-0.5, Math.sqrt(0.75), 0)).geometry());
        assertEquals("120.0", cu(v(1, 0, 0), v(-0.5, Math.sqrt(0.75), 0)).geometryParameterLabel());
        assertEquals(Geometry.T_SHAPED, cu(v(1, 0, 0), v(-1, 0, 0), v(0, 1, 0)).geometry());
        assertEquals(Geometry.TRIGONAL, cu(v(1, 0, 0), v(-0.5, Math.sqrt(0.75), 0), v(-0.5, -Math.sqrt(0.75), 0)).geometry());
    }

    @Test
    void tau4SeparatesSquarePlanarFromTetrahedral() {
        LocalEnvironment sq = cu(v(1, 0, 0), v(-1, 0, 0), v(0, 1, 0), v(0, -1, 0));
        assertEquals(Geometry.SQUARE_PLANAR, sq.geometry());
        assertEquals(0.0, sq.geometryParameter().getAsDouble(), 1e-12);
        assertEquals("square-planar", sq.geometryLabel());
        LocalEnvironment td = cu(v(1, 1, 1), v(1, -1, -1), v(-1, 1, -1), v(-1, -1, 1));
        assertEquals(Geometry.TETRAHEDRAL, td.geometry());
        // tau4 of an ideal tetrahedron: (360 - 2 x 109.47) / 141 = 1.000
        assertEquals("1.0", td.geometryParameterLabel());
    }

    @Test
    void tau5SeparatesSquarePyramidalFromTrigonalBipyramidal() {
        LocalEnvironment sp = cu(v(1, 0, 0), v(-1, 0, 0), v(0, 1, 0), v(0, -1, 0), v(0, 0, 1));
        assertEquals(Geometry.SQUARE_PYRAMIDAL, sp.geometry());
        assertEquals("0.0", sp.geometryParameterLabel());
        LocalEnvironment tbp = cu(v(0, 0, 1), v(0, 0, -1), v(1, 0, 0), v(-0.5, Math.sqrt(0.75), 0), v(-0.5, -Math.sqrt(0.75), 0));
        assertEquals(Geometry.TRIGONAL_BIPYRAMIDAL, tbp.geometry());
        assertEquals("1.0", tbp.geometryParameterLabel());
    }

    @Test
    void transAnglesSeparateOctahedronFromPrism() {
        LocalEnvironment oh = cu(v(1, 0, 0), v(-1, 0, 0), v(0, 1, 0), v(0, -1, 0), v(0, 0, 1), v(0, 0, -1));
        assertEquals(Geometry.OCTAHEDRAL, oh.geometry());
        assertEquals("3", oh.geometryParameterLabel());
        double c = Math.sqrt(0.75);
        LocalEnvironment prism = cu(v(1, 0, 0.8), v(-0.5, c, 0.8), v(-0.5, -c, 0.8), v(1, 0, -0.8), v(-0.5, c, -0.8),
                v(-0.5, -c, -0.8));
        assertEquals(Geometry.TRIGONAL_PRISMATIC_OR_OTHER, prism.geometry());
        assertEquals("trigonal-prismatic/other", prism.geometryLabel());
    }

    @Test
    void nearestFactorRuleCutsAt125TimesD1Inclusive() {
        List<Atom> atoms = List.of(Atom.at(Element.O, "O", 2.0, 0, 0), Atom.at(Element.O, "O", -2.0, 0, 0),
                new Atom(Element.O, "O", 0, 2.5, 0, 2.5), // exactly 1.25 x d1: inside
                Atom.at(Element.O, "O", 0, -2.51, 0), Atom.at(Element.Cu, "Cu", 3, 0, 0));
        Cluster c = new Cluster("t", "s", Atom.at(Element.Cu, "Cu", 0, 0, 0), atoms);
        LocalEnvironment env = CU.label(c);
        assertEquals(3, env.coordinationNumber());
        assertEquals(Geometry.T_SHAPED, env.geometry());
        assertTrue(env.firstShellAllOf(Element.O));
        assertEquals(4, env.countWithin(Element.O, 2.6));
        // restricted to Cu neighbours the shell is the single Cu at 3 A
        SiteLabeler cuOnly = new SiteLabeler(new LabelerSettings(new ShellRule.NearestDistanceFactor(1.25, Set.of(Element.Cu)),
                GeometryRules.defaults(), List.of(), 0, 0));
        assertEquals(List.of(Element.Cu), cuOnly.label(c).firstShell().stream().map(Atom::element).toList());
    }

    @Test
    void bondValenceSumCountsOxygenWithinTheCutoff() {
        List<Atom> atoms = List.of(Atom.at(Element.O, "O", 1.679, 0, 0), Atom.at(Element.N, "N", 0, 1.9, 0),
                Atom.at(Element.O, "O", 0, 0, 1.679 + 0.37), Atom.at(Element.O, "O", 0, 0, -3.2));
        LocalEnvironment env = CU.label(new Cluster("t", "s", Atom.at(Element.Cu, "Cu", 0, 0, 0), atoms));
        // exp(0) + exp(-1), the O at 3.2 A is beyond the 3.0 A cutoff and N is no anion of this parameter set
        assertEquals(1 + Math.exp(-1), env.bondValenceSums().get(0), 1e-12);
        assertEquals("1.368", env.bondValenceSumLabel(0));
        LocalEnvironment noOxygen = CU.label(cluster(Element.Cu, Element.S, 2.3, v(1, 0, 0), v(-1, 0, 0)));
        assertEquals("0", noOxygen.bondValenceSumLabel(0));
    }

    @Test
    void covalentRuleExcludesTheMetalAndCountsDonors() {
        // Fe-N 2.0 (limit 1.15 x (1.32 + 0.71) = 2.3345), Fe-C 2.05 (limit 2.392), Fe-Fe 2.4 excluded, H 2.0 out (1.8745)
        List<Atom> atoms = List.of(Atom.at(Element.N, "N", 2.0, 0, 0), Atom.at(Element.N, "N", -2.0, 0, 0),
                Atom.at(Element.C, "C", 0, 2.05, 0), Atom.at(Element.C, "C", 0, -2.05, 0), Atom.at(Element.C, "C", 0, 0, 2.05),
                Atom.at(Element.Fe, "Fe", 0, 0, -2.4), Atom.at(Element.H, "H", 1.2, 1.2, 1.0));
        LocalEnvironment env = new SiteLabeler(LabelerSettings.xanesnetFe())
                .label(new Cluster("t", "s", Atom.at(Element.Fe, "Fe", 0, 0, 0), atoms));
        assertEquals(5, env.coordinationNumber());
        assertEquals("C3 N2", env.donorSetLabel());
        assertEquals("C N", env.firstShellSpeciesLabel());
        assertTrue(env.possiblePiLigand());
        assertEquals(List.of(), env.bondValenceSums());
    }

    @Test
    void highCoordinationNamingFollowsTheSettings() {
        double[][] cube = { v(1, 1, 1), v(1, 1, -1), v(1, -1, 1), v(1, -1, -1), v(-1, 1, 1), v(-1, 1, -1), v(-1, -1, 1),
                v(-1, -1, -1) };
        LocalEnvironment omnixas = cu(cube);
        assertEquals(Geometry.UNCLASSIFIED, omnixas.geometry());
        assertEquals("cn8", omnixas.geometryLabel());
        assertEquals("", omnixas.geometryParameterLabel());
        LocalEnvironment xanesnet = new SiteLabeler(LabelerSettings.xanesnetFe()).label(cluster(Element.Fe, Element.O, 2.0, cube));
        assertEquals("", xanesnet.geometryLabel());
        assertFalse(xanesnet.possiblePiLigand());
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new ShellRule.NearestDistanceFactor(0.9, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new BondValence(Element.O, 1.679, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> new GeometryRules(200, 150, 0.5, 0.5, 150, 3, false));
        assertThrows(IllegalArgumentException.class, () -> CovalentRadii.cordero2008().radiusAngstrom(Element.Lr));
        assertEquals(1.52, CovalentRadii.cordero2008().withRadius(Element.Fe, 1.52).radiusAngstrom(Element.Fe), 0);
        assertEquals(1.32, CovalentRadii.cordero2008().radiusAngstrom(Element.Fe), 0);
        assertThrows(IllegalArgumentException.class,
                () -> new Cluster("t", "s", Atom.at(Element.Cu, "Cu", 0, 0, 0), List.of()));
    }

    @Test
    void labelFormatRoundsTheExactBinaryValueHalfToEven() {
        assertEquals("0.2", LabelFormat.shortest(0.25, 1));
        assertEquals("1.062", LabelFormat.fixed(1.0625, 3));
        assertEquals("180.0", LabelFormat.shortest(179.96, 1));
        assertEquals("0.29", LabelFormat.shortest(0.2900004, 3));
        assertEquals("2.650", LabelFormat.fixed(2.64951, 3));
    }
}

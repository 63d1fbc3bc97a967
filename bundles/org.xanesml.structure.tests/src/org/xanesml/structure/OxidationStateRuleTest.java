/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xanesml.core.Element;

/** The oxidation-state rule and charge balance on made sites whose answer is textbook chemistry. */
class OxidationStateRuleTest {
    private static final LabelerSettings CU = LabelerSettings.omnixasCu().withOxidation(OxidationStateRule.bvparm2020());
    private static final LabelerSettings FE = LabelerSettings.xanesnetFe().withOxidation(OxidationStateRule.bvparm2020());

    /** An absorber with ligands along +-x, +-y, +-z (as many as given) at the given distances. */
    private static Cluster site(String id, Element absorber, String formula, Object... ligandsAndDistances) {
        double[][] dirs = { { 1, 0, 0 }, { -1, 0, 0 }, { 0, 1, 0 }, { 0, -1, 0 }, { 0, 0, 1 }, { 0, 0, -1 } };
        List<Atom> atoms = new ArrayList<>();
        for (int i = 0; i < ligandsAndDistances.length; i += 2) {
            Element e = (Element) ligandsAndDistances[i];
            double d = (Double) ligandsAndDistances[i + 1];
            double[] u = dirs[i / 2];
            atoms.add(Atom.at(e, e.symbol(), u[0] * d, u[1] * d, u[2] * d));
        }
        return new Cluster(id, "made", Atom.at(absorber, absorber.symbol(), 0, 0, 0), atoms, formula);
    }

    @Test
    void cupriteIsCuIAndTenoriteCuII() {
        // Cu2O: two O at 1.849 A; CuO: four O at 1.95-1.96 A (two more at 2.78, outside 1.25 d1)
        LocalEnvironment cu2o = new SiteLabeler(CU).label(site("Cu2O", Element.Cu, "Cu2O", Element.O, 1.849, Element.O, 1.849));
        assertEquals(1, cu2o.oxidation().state().getAsInt());
        assertEquals(2 * Math.exp((1.610 - 1.849) / 0.37), cu2o.oxidation().chosen().sum(), 1e-12);
        assertEquals("1", cu2o.chargeBalance().label());
        assertEquals("yes", cu2o.chargeBalanceAgreement());
        LocalEnvironment cuo = new SiteLabeler(CU).label(site("CuO", Element.Cu, "CuO", Element.O, 1.951, Element.O, 1.951,
                Element.O, 1.961, Element.O, 1.961));
        assertEquals(2, cuo.oxidation().state().getAsInt());
        assertEquals("high", cuo.oxidation().confidence());
        assertEquals("yes", cuo.chargeBalanceAgreement());
    }

    @Test
    void metalNeighboursCarryNoValenceAndAMetalSiteGetsNoState() {
        LocalEnvironment metal = new SiteLabeler(CU).label(site("Cu", Element.Cu, "Cu", Element.Cu, 2.55, Element.Cu, 2.55));
        assertTrue(metal.oxidation().state().isEmpty());
        assertEquals("no non-metal atom in the first shell", metal.oxidation().note());
        assertEquals("", metal.chargeBalanceAgreement());
        // K in the shell of a Cu-O site is left out of the sum
        LocalEnvironment withK = new SiteLabeler(CU).label(site("KCuO", Element.Cu, "KCuO", Element.O, 1.82, Element.O, 1.82,
                Element.K, 2.2));
        assertEquals(2 * Math.exp((1.610 - 1.82) / 0.37), withK.oxidation().chosen().sum(), 1e-12);
        assertEquals(1, withK.oxidation().state().getAsInt());
    }

    @Test
    void lowSpinIronTwoIsNotCalledIronThreeAndTheAmbiguityIsFlagged() {
        // [Fe(bpy)3]2+: six N at 1.967 A (low spin). With the general (high-spin) Fe-N R0 the sums are 3.4 (Fe2+)
        // and 4.0 (Fe3+), and Fe3+ would win; with the low-spin R0 Fe2+ fits (1.99)
        LocalEnvironment ls = new SiteLabeler(FE).label(site("LS_C30H24FeN6(2+)", Element.Fe, "", Element.N, 1.967,
                Element.N, 1.967, Element.N, 1.967, Element.N, 1.967, Element.N, 1.967, Element.N, 1.967));
        Map<String, Double> sums = OxidationStateRule.sums(Element.Fe, ls.oxidation());
        assertEquals(6 * Math.exp((1.76 - 1.967) / 0.37), sums.get("Fe2+ HS"), 1e-12);
        assertEquals(6 * Math.exp((1.56 - 1.967) / 0.37), sums.get("Fe2+ LS"), 1e-12);
        assertEquals(2, ls.oxidation().state().getAsInt());
        assertEquals("Fe2+ LS", ls.oxidation().chosen().label(Element.Fe));
        // low-spin Fe3+ would fit almost as well (2.9): bond valence cannot decide, and says so
        assertTrue(ls.oxidation().flags().contains(OxidationStateRule.LOW_SPIN_AMBIGUOUS), ls.oxidation().flags().toString());
        assertEquals("low", ls.oxidation().confidence());
        // even electron count (closed-shell ligands): consistent with Fe(II), no parity flag
        assertFalse(ls.oxidation().flags().contains(OxidationStateRule.PARITY_MISMATCH));

        // high-spin Fe(II) N6 (2.18 A) is Fe2+ HS without ambiguity
        LocalEnvironment hs = new SiteLabeler(FE).label(site("HS_C18H24FeN6(2+)", Element.Fe, "", Element.N, 2.18,
                Element.N, 2.18, Element.N, 2.18, Element.N, 2.18, Element.N, 2.18, Element.N, 2.18));
        assertEquals("Fe2+ HS", hs.oxidation().chosen().label(Element.Fe));
        assertTrue(hs.oxidation().flags().isEmpty(), hs.oxidation().flags().toString());
    }

    @Test
    void oxygenSitesOfIronNeedNoSpinStateAndAnOddStateInAnEvenElectronMoleculeIsFlagged() {
        // Fe(acac)3-like O6 at 2.00 A: Fe3+ (sum 2.97 with R0 1.759); as an even-electron formula it is flagged
        LocalEnvironment o6 = new SiteLabeler(FE).label(site("X_C15H22FeO6", Element.Fe, "", Element.O, 2.0, Element.O, 2.0,
                Element.O, 2.0, Element.O, 2.0, Element.O, 2.0, Element.O, 2.0));
        assertEquals(3, o6.oxidation().state().getAsInt());
        assertEquals("Fe3+", o6.oxidation().chosen().label(Element.Fe));
        assertEquals(2, o6.oxidation().candidates().size());
        assertTrue(o6.oxidation().flags().contains(OxidationStateRule.PARITY_MISMATCH));
        // Fe-C (carbonyl, cyanide): no Fe2+-C parameter, no state
        LocalEnvironment carbonyl = new SiteLabeler(FE).label(site("Y_C5FeO5", Element.Fe, "", Element.C, 1.8, Element.C, 1.8));
        assertTrue(carbonyl.oxidation().state().isEmpty());
        assertEquals("no Fe-C bond-valence parameter", carbonyl.oxidation().note());
    }

    @Test
    void hydrogenOnALigandIsNotAHydride() {
        List<Atom> atoms = List.of(Atom.at(Element.O, "O", 1.95, 0, 0), Atom.at(Element.O, "O", -1.95, 0, 0),
                Atom.at(Element.H, "H", 2.3, 0.9, 0));
        assertEquals(2, OxidationStateRule.ligands(atoms).size());
        List<Atom> hydride = List.of(Atom.at(Element.O, "O", 1.95, 0, 0), Atom.at(Element.H, "H", -1.5, 0, 0));
        assertEquals(2, OxidationStateRule.ligands(hydride).size());
    }

    @Test
    void chargeBalanceUsesCommonStatesAndSaysWhenItIsAmbiguous() {
        ChargeBalance.Formula sulfate = ChargeBalance.Formula.parse("Cu(SO4)");
        assertEquals(Map.of(Element.Cu, 1, Element.S, 1, Element.O, 4), sulfate.counts());
        ChargeBalance.Result r = ChargeBalance.solve(sulfate, Element.Cu, 1, 3);
        assertEquals(2.0, r.value(), 1e-12); // S +6, not -2
        assertTrue(r.unique());
        ChargeBalance.Result delafossite = ChargeBalance.solve(ChargeBalance.Formula.parse("CuFeO2"), Element.Cu, 1, 3);
        assertFalse(delafossite.unique()); // Cu+ Fe3+ or Cu2+ Fe2+
        assertEquals(1.0, delafossite.value(), 1e-12); // Fe3+ is the more common state in the ICSD
        ChargeBalance.Result magnetite = ChargeBalance.solve(ChargeBalance.Formula.parse("Fe3O4"), Element.Fe, 2, 3);
        assertEquals(8.0 / 3, magnetite.value(), 1e-12);
        assertEquals("2.67", magnetite.label());
        assertFalse(ChargeBalance.solve(ChargeBalance.Formula.parse("CuAl2"), Element.Cu, 1, 3).solved());
        ChargeBalance.Formula complex = ChargeBalance.Formula.parse("C11H21FeIN3O2(1+)");
        assertEquals(1, complex.charge());
        assertEquals(11 * 6 + 21 + 26 + 53 + 3 * 7 + 2 * 8 - 1, complex.electronCount());
        assertFalse(ChargeBalance.solve(complex, Element.Fe, 2, 3).solved());
        assertEquals(-2, ChargeBalance.Formula.parse("Cl4Fe(2-)").charge());
        assertEquals(1, ChargeBalance.Formula.parse("Ba2Cu3(BrO2)2").counts().get(Element.Ba) / 2);
        assertEquals(4, ChargeBalance.Formula.parse("Ba2Cu3(BrO2)2").counts().get(Element.O));
    }

    @Test
    void labelsTableWritesTheOxidationColumns() throws java.io.IOException {
        LocalEnvironment cuo = new SiteLabeler(CU).label(site("mp-1_000", Element.Cu, "CuO", Element.O, 1.951, Element.O, 1.951,
                Element.O, 1.961, Element.O, 1.961));
        StringWriter out = new StringWriter();
        LabelsTable.write(List.of(cuo), CU, out);
        String[] lines = out.toString().split("\n");
        List<String> header = List.of(lines[0].split(",", -1));
        List<String> row = List.of(lines[1].split(",", -1));
        assertTrue(header.containsAll(LabelsTable.OXIDATION_COLUMNS), header.toString());
        assertEquals("2", row.get(header.indexOf("oxidation_state")));
        assertEquals("Cu2+", row.get(header.indexOf("oxidation_parameters")));
        assertEquals("high", row.get(header.indexOf("oxidation_confidence")));
        assertEquals("2", row.get(header.indexOf("charge_balance_oxidation")));
        assertEquals("yes", row.get(header.indexOf("charge_balance_agrees")));
        // the presets themselves keep their columns: the oxidation rule is opt-in
        assertFalse(LabelsTable.header(LabelerSettings.omnixasCu()).contains("oxidation_state"));
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.devtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.xanesml.classify.Metrics;
import org.xanesml.classify.ModelBuilder;
import org.xanesml.classify.SplitRole;
import org.xanesml.classify.Task;
import org.xanesml.core.Element;
import org.xanesml.testing.SharedData;

/**
 * The placement figure of the candidates tool: validation simulations placed by Larch's E0, as measured spectra are,
 * instead of by the FEFF Fermi level only simulations carry (models README, round 11).
 */
class MeasuredCandidatesTest {
    @Test
    void fermiLevelGridLosesValidationAccuracyWhenPlacedAsMeasuredSpectraAre() throws IOException {
        Path shared = SharedData.require("data/omnixas-cu/spectra.csv.gz").getParent().getParent().getParent();
        SharedData.require("data/omnixas-cu/FEFF_Cu_feff_inp.tar.gz");
        BenchmarkData.Benchmark b = BenchmarkData.benchmark(new BenchmarkData.Sources(shared).of(Element.Cu),
                Task.OXIDATION_STATE);
        Experiments.Config shipped = Experiments.parse("SMO_RBF:C=100,gamma=0.0005;bal=SQRT_WEIGHTED;refit=1",
                b.baseRecipe());
        // the cu-k-oxidation configuration shipped before round 16, on the Fermi-level grid
        ModelBuilder.Built built = ShippedModelBuilder.build(shared, new BenchmarkData.Sources(shared),
                new ShippedModels.Spec(Element.Cu, Task.OXIDATION_STATE,
                        "SMO_RBF:C=100,gamma=0.0005;bal=SQRT_WEIGHTED;refit=1", ShippedModels.Selection.VALIDATION,
                        "cu-k-oxidation-fermi.zip"));
        Double offset = built.descriptor().recipe.e0ToReferenceOffsetEv;
        assertNotNull(offset, "a Fermi-level model records the E0 - Fermi level offset measured spectra are placed by");

        MeasuredCandidates.Placed p = MeasuredCandidates.valPlacedAsMeasured(shipped, b.data(), offset);
        Metrics placed = p.metrics();
        assertEquals(b.data().of(SplitRole.VAL).size(), placed.n());
        double ordinary = built.validation().macroF1();
        // README, round 11: 0.777 placed by E0 against 0.928 placed by the Fermi level
        assertEquals(0.777, placed.macroF1(), 0.01, "val macro-F1 placed as measured");
        assertTrue(placed.macroF1() < ordinary - 0.1, placed.macroF1() + " against " + ordinary);
        // the loss is the placement's, not spectra the grid stops covering
        assertTrue(p.uncovered() <= placed.n() / 50, p.uncovered() + " of " + placed.n() + " not covered");

        Experiments.Config byE0 = Experiments.parse("SMO_RBF:C=100,gamma=0.0005;e0=-3.5/40/0.5", b.baseRecipe());
        assertNull(MeasuredCandidates.valPlacedAsMeasured(byE0, b.data(), offset),
                "an E0-relative grid places simulations as measurements already");
    }
}

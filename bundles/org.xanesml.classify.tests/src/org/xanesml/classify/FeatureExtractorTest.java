/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xanesml.core.Spectrum;

class FeatureExtractorTest {
    private static Spectrum line(double ef) {
        double[] e = {8980, 8981, 8983, 8990, 9000};
        double[] mu = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            mu[i] = 0.1 * (e[i] - 8980);
        }
        Spectrum.Builder b = Spectrum.builder().id("line").energyEv(e).mu(mu);
        if (!Double.isNaN(ef)) {
            b.metadata(EnergyReference.FEFF_FERMI_LEVEL_KEY, Double.toString(ef));
        }
        return b.build();
    }

    @Test
    void interpolatesAndDifferentiatesALineExactlyOnARelativeGrid() {
        FeatureRecipe r = FeatureRecipe.mu(EnergyReference.FEFF_FERMI_LEVEL, new double[] {-5, -2.5, 0, 4.5})
                .withDerivative(true, 2.0);
        double[] x = new FeatureExtractor(r).extract(line(8985));
        assertEquals(8, x.length);
        assertEquals(0.0, x[0], 1e-12);
        assertEquals(0.25, x[1], 1e-7);
        assertEquals(0.95, x[3], 1e-7);
        for (int i = 4; i < 8; i++) {
            assertEquals(0.2, x[i], 1e-7, "dmu/dE x 2 at " + i);
        }
        assertEquals("dmu@-5.000", r.featureName(4));
    }

    @Test
    void secondDerivativeOfALineIsZeroAndFollowsTheFirst() {
        FeatureRecipe r = FeatureRecipe.mu(EnergyReference.FEFF_FERMI_LEVEL, new double[] {-5, -2.5, 0, 4.5})
                .withDerivative(true, 1.0).withSecondDerivative(true);
        double[] x = new FeatureExtractor(r).extract(line(8985));
        assertEquals(12, x.length);
        for (int i = 8; i < 12; i++) {
            assertEquals(0.0, x[i], 1e-7, "d2mu/dE2 at " + i);
        }
        assertEquals("d2mu@4.500", r.featureName(11));
        assertEquals(4.5, r.featureEnergyEv(11));
        // the descriptor keeps the flag, and a recipe without it reads back without it
        assertEquals(r, ModelDescriptor.Recipe.of(r).toRecipe());
        assertEquals(r.withSecondDerivative(false), ModelDescriptor.Recipe.of(r.withSecondDerivative(false)).toRecipe());
    }

    @Test
    void reportsMissingReferenceAndUncoveredGrid() {
        FeatureRecipe r = FeatureRecipe.mu(EnergyReference.FEFF_FERMI_LEVEL, new double[] {-10, 0, 10});
        FeatureException e = assertThrows(FeatureException.class, () -> new FeatureExtractor(r).extract(line(Double.NaN)));
        assertTrue(e.getMessage().contains(EnergyReference.FEFF_FERMI_LEVEL_KEY), e.getMessage());
        // data span -5..15 eV relative: the -10 eV point is not covered
        assertEquals(1, new FeatureExtractor(r).uncoveredPoints(line(8985)));
    }

    @Test
    void smoothingKeepsALineUnchangedInside() {
        FeatureRecipe r = FeatureRecipe.mu(EnergyReference.ABSOLUTE, new double[] {8984, 8986}).withSmoothing(0.5);
        double[] x = new FeatureExtractor(r).extract(line(Double.NaN));
        assertEquals(0.4, x[0], 0.02);
        assertEquals(0.6, x[1], 0.02);
    }

    @Test
    void aStrideWithAFullResolutionWindowKeepsEveryPointInsideIt() {
        double[] grid = new double[20];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = 7100 + i * 0.5;
        }
        FeatureRecipe r = FeatureRecipe.mu(EnergyReference.ABSOLUTE, grid).withGridStride(3, 7103.0, 7104.5);
        // every 3rd point (7100, 7101.5, ...) plus 7103..7104.5 at full resolution, in grid order
        assertArrayEquals(new double[] {7100, 7101.5, 7103, 7103.5, 7104, 7104.5, 7106, 7107.5, 7109},
                r.gridEv(), 0.0);
        assertArrayEquals(FeatureRecipe.mu(EnergyReference.ABSOLUTE, grid).withGridStride(3).gridEv(),
                FeatureRecipe.mu(EnergyReference.ABSOLUTE, grid).withGridStride(3, Double.NaN, Double.NaN).gridEv(),
                0.0);
        assertThrows(IllegalArgumentException.class,
                () -> FeatureRecipe.mu(EnergyReference.ABSOLUTE, grid).withGridStride(3, 7105, 7104));
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.core.Element;
import org.xanesml.core.Spectrum;

/**
 * An applicability domain fitted on a longer grid than the classifier's ({@link TrainingOptions#domainGridToEv}): what
 * the file records, that the classifier's answer is unchanged, that a difference only the longer stretch shows is
 * flagged, that a spectrum too short for it is not answered, and that a file whose domain grid does not continue the
 * recipe's is refused; and one fitted with noisy copies ({@link TrainingOptions#domainAugmentation}).
 */
class DomainGridTest {
    /** The synthetic spectra run to 9029.5 eV, their classifier grid to 9010.4 eV. */
    private static final double DOMAIN_TO_EV = 9025;

    private static ModelBuilder.Built build(double domainGridToEv) throws IOException {
        TrainingPlan plan = TrainingPlan.of(null, Element.Cu, Task.COORDINATION_NUMBER, Synthetic.recipe(),
                LearnerSpec.smoRbf(10, 0.01), new TrainingOptions(ClassBalance.NONE, Augmentation.NONE, false,
                        domainGridToEv),
                new TrainingPlan.Provenance("synthetic", List.of(), "rebuild me", "fixed by the test"));
        return ModelBuilder.build(Synthetic.dataSet(), plan, TrainingMonitor.NONE);
    }

    private static ModelBundle written(ModelBuilder.Built b, Path file) throws IOException {
        ModelBundle.write(file, b.descriptor(), b.model().classifier());
        return ModelBundle.read(file);
    }

    /**
     * A class-0 spectrum with a broad bump of the given height at 9018 eV, past the classifier's grid (gentler than the
     * edge, so E0 stays at the edge).
     */
    private static Spectrum withBumpAt9018(String id, double height) {
        Spectrum s = Synthetic.spectrum(id, 0, new Random(11));
        double[] e = s.energyEv();
        double[] mu = s.mu();
        for (int i = 0; i < e.length; i++) {
            mu[i] += height * Math.exp(-0.5 * Math.pow((e[i] - 9018) / 3.0, 2));
        }
        return s.toBuilder().mu(mu).build();
    }

    /** @return mu with white noise of standard deviation sd, seeded */
    private static double[] noisy(double[] mu, double sd, long seed) {
        Random rnd = new Random(seed);
        double[] out = mu.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += sd * rnd.nextGaussian();
        }
        return out;
    }

    @Test
    void extendingAGridContinuesItInItsLastStep() {
        FeatureRecipe r = FeatureRecipe.mu(EnergyReference.EDGE_E0, new double[] {-3.5, -3.0, -2.5});
        assertArrayEquals(new double[] {-3.5, -3.0, -2.5, -2.0, -1.5, -1.0}, r.withGridExtendedTo(-0.8).gridEv());
        assertEquals(r.withGridEv(new double[] {-3.5, -3.0, -2.5, -2.0}), r.withGridExtendedTo(-2.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.withGridExtendedTo(-2.2));
        assertTrue(e.getMessage().contains("at least one step (0.500 eV) past the grid's end -2.500 eV"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.withGridExtendedTo(Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> new TrainingOptions(ClassBalance.NONE, Augmentation.NONE, false, Double.POSITIVE_INFINITY));
    }

    @Test
    void theLongerDomainSeesWhatTheClassifierDoesNotAndLeavesItsAnswersAlone(@TempDir Path dir) throws IOException {
        ModelBundle plain = written(build(Double.NaN), dir.resolve("plain.zip"));
        ModelBundle longer = written(build(DOMAIN_TO_EV), dir.resolve("longer.zip"));
        assertNull(plain.descriptor().domain.gridEv, "a domain on the recipe's grid records no grid of its own");
        double[] grid = Synthetic.grid();
        double[] domainGrid = longer.descriptor().domain.gridEv;
        assertArrayEquals(grid, Arrays.copyOf(domainGrid, grid.length), 1e-9, "the recipe's points come first");
        assertEquals(9024.8, domainGrid[domainGrid.length - 1], 1e-9, "continued in 0.6 eV steps to <= 9025 eV");
        assertEquals(domainGrid.length, longer.domain().mean().length);
        assertEquals(longer.domainRecipe().featureCount(), longer.domain().mean().length);
        assertTrue(longer.descriptor().domain.gridText().contains("continued to 9024.8 eV (84 points)"),
                longer.descriptor().domain.gridText());
        assertEquals("", plain.descriptor().domain.gridText());

        Spectrum ordinary = Synthetic.spectrum("ordinary", 1, new Random(3));
        Spectrum bumped = withBumpAt9018("bumped", 0.4);
        LocalEnvironmentClassifier p = new LocalEnvironmentClassifier(plain);
        LocalEnvironmentClassifier l = new LocalEnvironmentClassifier(longer);
        assertEquals(Applicability.Verdict.IN_DOMAIN, l.classify(ordinary).applicability().verdict());
        // the classifier never sees past 9010.4 eV: same answer with either domain
        assertArrayEquals(p.classify(bumped).probabilities(), l.classify(bumped).probabilities(), 1e-12);
        assertEquals(Applicability.Verdict.IN_DOMAIN, p.classify(bumped).applicability().verdict(),
                "the classifier's own features do not show the bump");
        Prediction flagged = l.classify(bumped);
        assertEquals(Applicability.Verdict.UNLIKE_TRAINING_DATA, flagged.applicability().verdict());
        assertTrue(flagged.applicability().score() > 1, flagged.applicability().reason());

        Spectrum s = Synthetic.spectrum("short", 1, new Random(4));
        int keep = 91; // 8970 .. 9015 eV: covers the classifier's grid, not the domain's
        Spectrum cut = s.toBuilder().energyEv(Arrays.copyOf(s.energyEv(), keep)).mu(Arrays.copyOf(s.mu(), keep))
                .build();
        assertEquals(Applicability.Verdict.IN_DOMAIN, p.classify(cut).applicability().verdict());
        Prediction refused = l.classify(cut);
        assertEquals(Applicability.Verdict.GRID_NOT_COVERED, refused.applicability().verdict());
        assertTrue(refused.applicability().reason().contains("points the applicability check needs (to 9024.8 eV"),
                refused.applicability().reason());
    }

    @Test
    void aDomainFittedWithNoisyCopiesAnswersANoisySpectrumTheCleanOneRefuses(@TempDir Path dir) throws IOException {
        TrainingOptions noisy = new TrainingOptions(ClassBalance.NONE, Augmentation.NONE, false, Double.NaN,
                new Augmentation(3, 0, 0, 0.06, 0, 5));
        TrainingPlan plan = TrainingPlan.of(null, Element.Cu, Task.COORDINATION_NUMBER, Synthetic.recipe(),
                LearnerSpec.smoRbf(10, 0.01), noisy, new TrainingPlan.Provenance("synthetic", List.of(), "rebuild me",
                        "fixed by the test"));
        ModelBuilder.Built b = ModelBuilder.build(Synthetic.dataSet(), plan, TrainingMonitor.NONE);
        ModelBundle withNoise = written(b, dir.resolve("noise.zip"));
        ModelBundle plain = written(build(Double.NaN), dir.resolve("plain.zip"));
        assertTrue(withNoise.descriptor().domain.method.contains("each with 3 perturbed copies (noise sd 0.06 edge"
                + " steps per point)"), withNoise.descriptor().domain.method);
        assertTrue(withNoise.descriptor().domain.valInDomainFraction >= 0.95,
                "clean validation spectra stay in domain: " + withNoise.descriptor().domain.valInDomainFraction);

        Spectrum clean = Synthetic.spectrum("noisy", 1, new Random(8));
        double[] mu = noisy(clean.mu(), 0.05, 9);
        Spectrum noisySpectrum = clean.toBuilder().mu(mu).build();
        Prediction p = new LocalEnvironmentClassifier(plain).classify(noisySpectrum);
        Prediction n = new LocalEnvironmentClassifier(withNoise).classify(noisySpectrum);
        assertEquals(Applicability.Verdict.UNLIKE_TRAINING_DATA, p.applicability().verdict(),
                "a domain of clean spectra calls noise of 0.05 unlike them: " + p.applicability().reason());
        assertEquals(Applicability.Verdict.IN_DOMAIN, n.applicability().verdict(), n.applicability().reason());
        assertArrayEquals(p.probabilities(), n.probabilities(), 1e-12, "the classifier is the same");
        // a spectrum unlike the training data in shape, not noise, is still refused
        Spectrum bumped = Synthetic.spectrum("bump", 0, new Random(12));
        double[] e = bumped.energyEv();
        double[] m = bumped.mu();
        for (int i = 0; i < e.length; i++) {
            m[i] += 0.8 * Math.exp(-0.5 * Math.pow((e[i] - 9000) / 2.0, 2));
        }
        assertEquals(Applicability.Verdict.UNLIKE_TRAINING_DATA, new LocalEnvironmentClassifier(withNoise)
                .classify(bumped.toBuilder().mu(m).build()).applicability().verdict());
    }

    @Test
    void aDomainGridThatDoesNotContinueTheRecipesIsRefused(@TempDir Path dir) throws IOException {
        ModelBuilder.Built b = build(DOMAIN_TO_EV);
        double[] g = b.descriptor().domain.gridEv;
        g[0] += 0.1;
        Path file = dir.resolve("tampered.zip");
        ModelBundle.write(file, b.descriptor(), b.model().classifier());
        ModelBundle.InvalidModelException e = assertThrows(ModelBundle.InvalidModelException.class,
                () -> ModelBundle.read(file));
        assertTrue(e.getMessage().contains("does not continue the recipe's grid"), e.getMessage());
    }
}

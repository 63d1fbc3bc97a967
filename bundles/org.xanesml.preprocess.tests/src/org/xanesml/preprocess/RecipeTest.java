/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.transform.stream.StreamSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;
import org.xanesml.preprocess.recipe.AlreadyNormalizedPolicy;
import org.xanesml.preprocess.recipe.CalibrateStep;
import org.xanesml.preprocess.recipe.DeglitchStep;
import org.xanesml.preprocess.recipe.DerivativeStep;
import org.xanesml.preprocess.recipe.GridKind;
import org.xanesml.preprocess.recipe.GridPadding;
import org.xanesml.preprocess.recipe.InterpolateStep;
import org.xanesml.preprocess.recipe.NormalizeStep;
import org.xanesml.preprocess.recipe.NormalizedOutput;
import org.xanesml.preprocess.recipe.RebinStep;
import org.xanesml.preprocess.recipe.Recipe;
import org.xanesml.preprocess.recipe.RecipeXml;
import org.xanesml.preprocess.recipe.RemovePointsStep;
import org.xanesml.preprocess.recipe.SmoothStep;
import org.xanesml.preprocess.recipe.SmoothingMethod;

/** Issue 4 item 3: recipes as schema-valid XML that drive the pipeline and travel with every result. */
class RecipeTest {
    private static final RecipeXml XML = new RecipeXml();
    private static final double E0 = 7112.0;

    static Recipe full() {
        return Recipe.of("fe-k-everything", new DeglitchStep(7, 8.0), new RemovePointsStep(0, 1),
                new CalibrateStep(0.25), new RebinStep(0.2), SmoothStep.savitzkyGolay(5, 2),
                SmoothStep.convolution(SmoothingMethod.GAUSSIAN, 0.3),
                new NormalizeStep(PreEdgeParameters.automatic().withNormRange(30.0, 300.0).withNnorm(2).withNvict(1),
                        NormalizedOutput.FLAT, AlreadyNormalizedPolicy.NORMALIZE, true),
                new InterpolateStep(-20, 80, 100, true, GridKind.CUBIC_SPLINE, GridPadding.ERROR),
                new DerivativeStep(1));
    }

    @Test
    void roundTripsThroughSchemaValidXml() throws Exception {
        Recipe r = full();
        String xml = XML.write(r);
        assertTrue(xml.contains("urn:xanesml:preprocess:recipe:1"), xml);
        XML.schema().newValidator().validate(new StreamSource(new StringReader(xml)));
        Recipe back = XML.read(xml);
        assertEquals(r, back);
        assertEquals(r.describe(), back.describe());
        assertEquals(9, back.steps().size());
    }

    @Test
    void readsAHandWrittenDocumentWithDefaults(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("r.xml");
        Files.writeString(f, "<recipe xmlns='urn:xanesml:preprocess:recipe:1' name='minimal' version='1.0'>"
                + "<normalize/><interpolate firstEv='-10' lastEv='40' count='51'/></recipe>");
        Recipe r = XML.read(f);
        NormalizeStep n = (NormalizeStep) r.steps().get(0);
        assertEquals(PreEdgeParameters.automatic(), n.parameters());
        assertEquals(AlreadyNormalizedPolicy.SKIP, n.alreadyNormalized());
        InterpolateStep g = (InterpolateStep) r.steps().get(1);
        assertTrue(g.relativeToE0());
        assertEquals(GridPadding.ERROR, g.padding());
    }

    @Test
    void invalidDocumentsAreRefusedWithTheirLine() {
        String bad = "<recipe xmlns='urn:xanesml:preprocess:recipe:1' name='x' version='1.0'>\n"
                + "<normalize nnorm='9'/></recipe>";
        PreprocessingException e = assertThrows(PreprocessingException.class, () -> XML.read(bad));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertThrows(PreprocessingException.class, () -> XML.read(
                "<recipe xmlns='urn:xanesml:preprocess:recipe:1' name='x' version='1.0'><deglitch window='4' threshold='5'/></recipe>"));
        assertThrows(PreprocessingException.class, () -> XML.read(
                "<recipe xmlns='urn:xanesml:preprocess:recipe:1' name='x' version='1.0'><bake/></recipe>"));
        assertThrows(PreprocessingException.class, () -> XML.read(
                "<recipe xmlns='urn:xanesml:preprocess:recipe:1' name='x' version='2.0'/>"));
        assertThrows(PreprocessingException.class, () -> XML.read(
                "<recipe xmlns='urn:xanesml:preprocess:recipe:1' name='x' version='1.0'><rebin widthEv='NaN'/></recipe>"));
    }

    @Test
    void externalEntitiesAreBlocked(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOPSECRET");
        String xxe = "<?xml version='1.0'?><!DOCTYPE recipe [<!ENTITY x SYSTEM '" + secret.toUri() + "'>]>"
                + "<recipe xmlns='urn:xanesml:preprocess:recipe:1' name='&x;' version='1.0'/>";
        PreprocessingException e = assertThrows(PreprocessingException.class, () -> XML.read(xxe));
        assertFalse(e.getMessage().contains("TOPSECRET"), e.getMessage());
    }

    @Test
    void aRecipeDrivesThePipelineAndIsRecordedInTheResult() {
        double[] e = Synthetic.energies(E0);
        double[] mu = Synthetic.mu(e, E0, 1.3, 1e-3, 7);
        Spectrum s = Spectrum.builder().id("synthetic-fe").energyEv(e).mu(mu).muScale(MuScale.RAW).build();
        Recipe recipe = Recipe.of("classifier-input", NormalizeStep.larchDefaults(),
                new InterpolateStep(-20, 80, 100, true, GridKind.LINEAR, GridPadding.ERROR));
        PreprocessingResult r = Preprocessor.run(s, recipe);
        assertEquals(recipe, r.recipe());
        assertEquals(100, r.values().length);
        NormalizationResult direct = XanesNormalization.preEdge(s);
        assertEquals(direct.e0Ev(), r.e0Ev(), 0.0);
        double[] expected = Interpolation.interpolate(direct.energyEv(), direct.norm(),
                EnergyGrid.linear(-20, 80, 100, true), direct.e0Ev(), InterpolationKind.LINEAR, Padding.ERROR);
        assertArrayEquals(expected, r.values(), 0.0);
        assertEquals(NormalizationState.RAW, r.state());

        // The same recipe read back from its XML gives the same numbers.
        PreprocessingResult again = Preprocessor.run(s, XML.read(XML.write(recipe)));
        assertArrayEquals(r.values(), again.values(), 0.0);

        PreprocessingResult everything = Preprocessor.run(s, full());
        assertEquals(100, everything.values().length);
        assertEquals(full().steps().size(), everything.log().size(), everything.log().toString());
    }

    @Test
    void alreadyNormalisedSpectraAreNotNormalisedTwice() {
        double[] e = Synthetic.energies(E0);
        NormalizationResult n = XanesNormalization.preEdge("raw", e, Synthetic.mu(e, E0, 1.3, 0, 7),
                PreEdgeParameters.automatic());
        Spectrum feff = Spectrum.builder().id("feff").energyEv(n.energyEv()).mu(n.norm()).muScale(MuScale.EDGE_NORMALIZED)
                .build();
        PreprocessingResult r = Preprocessor.run(feff, Recipe.of("skip", NormalizeStep.larchDefaults()));
        assertTrue(r.normalization().isEmpty());
        assertArrayEquals(n.norm(), r.values(), 0.0);
        assertEquals(n.e0Ev(), r.e0Ev(), 0.0);
        assertTrue(r.log().get(0).contains("skipped"), r.log().toString());
        assertThrows(PreprocessingException.class, () -> Preprocessor.run(feff, Recipe.of("fail",
                new NormalizeStep(PreEdgeParameters.automatic(), NormalizedOutput.NORM, AlreadyNormalizedPolicy.FAIL, true))));
    }

    @Test
    void aGridBeyondTheDataFailsNamingTheStep() {
        double[] e = Synthetic.energies(E0);
        Spectrum s = Spectrum.builder().id("short-grid").energyEv(e).mu(Synthetic.mu(e, E0, 1.3, 1e-3, 7)).build();
        OutOfDataRangeException ex = assertThrows(OutOfDataRangeException.class, () -> Preprocessor.run(s,
                Recipe.of("too-wide", NormalizeStep.larchDefaults(),
                        new InterpolateStep(-200, 80, 100, true, GridKind.LINEAR, GridPadding.ERROR))));
        assertTrue(ex.getMessage().contains("short-grid, step 2 interpolate"), ex.getMessage());
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineXmlTest {
    private final PipelineXml xml = new PipelineXml();

    @Test
    void roundTripKeepsStepsAndParametersInOrder() {
        Pipeline p = new Pipeline("beamline", "deglitch first", List.of()).then("read", Map.of())
                .then("deglitch", Map.of("window", "7")).then("normalise", Map.of("pre1Ev", "-150"))
                .then("classify", Map.of("model", "cu-k-cn"));
        String text = xml.write(p);
        assertTrue(text.contains("urn:xanesml:workflow:pipeline:1"), text);
        Pipeline back = xml.read(text);
        assertEquals(p.toString(), back.toString());
        assertEquals("deglitch first", back.description());
        assertEquals("7", back.steps().get(1).parameters().get("window"));
        new PipelineRunner(StepCatalog.builtIn()).bind(back);
    }

    @Test
    void schemaViolationsNameTheLine() {
        String bad = "<pipeline xmlns=\"urn:xanesml:workflow:pipeline:1\" name=\"x\" version=\"1.0\">\n"
                + "  <step name=\"Read Files\"/>\n</pipeline>";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> xml.read(bad));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        String noSteps = "<pipeline xmlns=\"urn:xanesml:workflow:pipeline:1\" name=\"x\" version=\"1.0\"/>";
        assertThrows(IllegalArgumentException.class, () -> xml.read(noSteps));
    }

    @Test
    void externalEntitiesAreNotResolved(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "top secret");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE pipeline [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<pipeline xmlns=\"urn:xanesml:workflow:pipeline:1\" name=\"&s;\" version=\"1.0\">"
                + "<step name=\"read\"/></pipeline>";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> xml.read(xxe));
        assertTrue(!e.getMessage().contains("top secret"), e.getMessage());
    }

    @Test
    void bindingChecksNamesParametersAndOrder() {
        PipelineRunner runner = new PipelineRunner(StepCatalog.builtIn());
        Pipeline wrongOrder = new Pipeline("p", null, List.of()).then("read", Map.of())
                .then("classify", Map.of("model", "cu-k-cn"));
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class, () -> runner.bind(wrongOrder));
        assertTrue(order.getMessage().contains("'classify' needs NORMALIZED_SPECTRA"), order.getMessage());
        Pipeline unknown = new Pipeline("p", null, List.of()).then("read", Map.of()).then("smooth", Map.of());
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class, () -> runner.bind(unknown));
        assertTrue(u.getMessage().contains("'smooth' is not available"), u.getMessage());
        Pipeline noRead = new Pipeline("p", null, List.of()).then("normalise", Map.of());
        assertThrows(IllegalArgumentException.class, () -> runner.bind(noRead));
    }
}

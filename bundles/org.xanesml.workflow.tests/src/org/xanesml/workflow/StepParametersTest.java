/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StepParametersTest {
    private static ProcessingStep step(String name) {
        return StepCatalog.builtIn().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyBuiltInStepDescribesItsParameters() {
        Set<String> names = new HashSet<>();
        for (ProcessingStep s : StepCatalog.builtIn()) {
            assertTrue(names.add(s.name()), "duplicate step " + s.name());
            assertTrue(!s.description().isBlank(), s.name());
            for (ParameterSpec p : s.parameters()) {
                assertTrue(!p.description().isBlank(), s.name() + "." + p.name());
                if (p.defaultValue() != null) {
                    assertEquals(p.defaultValue(), p.check(s.name(), p.defaultValue()), s.name() + "." + p.name());
                }
            }
        }
        assertEquals(Set.of("read", "deglitch", "align", "normalise", "interpolate", "classify", "write-report"),
                names);
    }

    @Test
    void defaultsApplyAndUnsetOptionalsStayAutomatic() {
        StepParameters p = StepParameters.of(step("normalise"), Map.of("pre1Ev", "-150"));
        assertEquals(-150.0, p.number("pre1Ev"));
        assertNull(p.number("pre2Ev"));
        assertEquals("NORM", p.requireText("output"));
        assertTrue(p.bool("requireEdge"));
    }

    @Test
    void outOfRangeUnknownAndMissingParametersAreRefusedWithTheirNames() {
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> StepParameters.of(step("deglitch"), Map.of("window", "99")));
        assertTrue(range.getMessage().contains("window = 99") && range.getMessage().contains("[3, 51]"),
                range.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> StepParameters.of(step("normalise"), Map.of("pre3Ev", "1")));
        assertTrue(unknown.getMessage().contains("pre3Ev"), unknown.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> StepParameters.of(step("align"), Map.of()));
        assertTrue(missing.getMessage().contains("'reference' is required"), missing.getMessage());
        // classify without a model: every shipped model for each spectrum's element and edge
        assertTrue(StepParameters.of(step("classify"), Map.of()).text("model").isEmpty());
        IllegalArgumentException notNumber = assertThrows(IllegalArgumentException.class,
                () -> StepParameters.of(step("align"), Map.of("reference", "r.xdi", "maxShiftEv", "ten")));
        assertTrue(notNumber.getMessage().contains("'ten' is not a number eV"), notNumber.getMessage());
        IllegalArgumentException choice = assertThrows(IllegalArgumentException.class,
                () -> StepParameters.of(step("interpolate"), Map.of("kind", "QUADRATIC")));
        assertTrue(choice.getMessage().contains("[LINEAR, CUBIC_SPLINE]"), choice.getMessage());
    }
}

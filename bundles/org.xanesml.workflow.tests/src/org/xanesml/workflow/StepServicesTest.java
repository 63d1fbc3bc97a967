/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** The steps are found as DS services in the running framework, as a workflow engine would find them. */
class StepServicesTest {

    @Test
    void everyStepIsPublishedAsAProcessingStepService() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(ProcessingStep.class);
        assumeTrue(bundle != null, "not running inside OSGi (plain class path run)");
        if (bundle.getState() != Bundle.ACTIVE) {
            bundle.start();
        }
        BundleContext context = bundle.getBundleContext();
        Set<String> names = new TreeSet<>();
        long deadline = System.currentTimeMillis() + 10_000;
        // SCR activates components asynchronously after the bundle starts.
        while (names.size() < 7 && System.currentTimeMillis() < deadline) {
            names.clear();
            for (ServiceReference<ProcessingStep> ref : context.getServiceReferences(ProcessingStep.class, null)) {
                ProcessingStep s = context.getService(ref);
                try {
                    names.add(s.name());
                    assertEquals(s.name(), ref.getProperty("xanesml.step"));
                } finally {
                    context.ungetService(ref);
                }
            }
            if (names.size() < 7) {
                Thread.sleep(100);
            }
        }
        assertEquals(new TreeSet<>(Set.of("read", "deglitch", "align", "normalise", "interpolate", "classify",
                "write-report")), names);
    }
}

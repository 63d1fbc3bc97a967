/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

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

    @Test
    void theCatalogHoldsTheRegisteredServicesAndAHigherRankedStepReplacesABuiltInOne() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(ProcessingStep.class);
        assumeTrue(bundle != null, "not running inside OSGi (plain class path run)");
        BundleContext context = bundle.getBundleContext();
        try (StepServices services = StepServices.open()) {
            StepCatalog catalog = services.catalog(Duration.ofSeconds(10));
            assertEquals(new TreeSet<>(StepNames.BUILT_IN),
                    new TreeSet<>(catalog.steps().stream().map(ProcessingStep::name).toList()));
            for (ServiceReference<ProcessingStep> ref : context.getServiceReferences(ProcessingStep.class, null)) {
                ProcessingStep s = context.getService(ref);
                try {
                    assertSame(s, catalog.step(s.name()), "the registered service, not a new instance");
                } finally {
                    context.ungetService(ref);
                }
            }
            ProcessingStep builtIn = catalog.step(StepNames.NORMALISE);
            ProcessingStep replacement = new Replacement(builtIn);
            ServiceRegistration<ProcessingStep> reg = context.registerService(ProcessingStep.class, replacement,
                    new Hashtable<>(Map.of("xanesml.step", StepNames.NORMALISE, Constants.SERVICE_RANKING, 100)));
            try {
                assertSame(replacement, services.catalog().step(StepNames.NORMALISE));
            } finally {
                reg.unregister();
            }
            assertSame(builtIn, services.catalog().step(StepNames.NORMALISE));
        }
    }

    /** A normalise step of another bundle: the built-in one under a higher service ranking. */
    private record Replacement(ProcessingStep delegate) implements ProcessingStep {
        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public String description() {
            return "replacement: " + delegate.description();
        }

        @Override
        public List<ParameterSpec> parameters() {
            return delegate.parameters();
        }

        @Override
        public DataKind inputKind() {
            return delegate.inputKind();
        }

        @Override
        public DataKind outputKind() {
            return delegate.outputKind();
        }

        @Override
        public WorkItem apply(WorkItem item, StepParameters parameters, StepContext c) throws StepException {
            return delegate.apply(item, parameters, c);
        }
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * The {@link ProcessingStep} services of a running OSGi framework, held while this is open: the command line and the
 * workbench open one for the work they do and close it after, so the steps they run are the registered services,
 * not objects of their own. Outside OSGi (a plain class path) the catalog is {@link StepCatalog#builtIn()}.
 * <p>
 * The steps of this bundle are DS components; the DS runtime (Apache Felix SCR) registers them asynchronously once
 * the bundle starts, so {@link #catalog()} waits until every built-in step is there.
 */
public final class StepServices implements AutoCloseable {
    /** How long {@link #catalog()} waits for the DS runtime to register the built-in steps. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    /** Registered steps, highest service ranking first (then oldest), so the best step of a name wins. */
    private final NavigableMap<ServiceReference<ProcessingStep>, ProcessingStep> registered =
            new TreeMap<>(Comparator.reverseOrder());
    private final ServiceTracker<ProcessingStep, ProcessingStep> tracker;

    private StepServices(BundleContext context) {
        if (context == null) {
            tracker = null;
            return;
        }
        tracker = new ServiceTracker<>(context, ProcessingStep.class, new ServiceTrackerCustomizer<>() {
            @Override
            public ProcessingStep addingService(ServiceReference<ProcessingStep> reference) {
                ProcessingStep step = context.getService(reference);
                if (step != null) {
                    synchronized (registered) {
                        registered.put(reference, step);
                        registered.notifyAll();
                    }
                }
                return step;
            }

            @Override
            public void modifiedService(ServiceReference<ProcessingStep> reference, ProcessingStep step) {
                // a changed ranking re-sorts the map: take the entry out and put it back
                synchronized (registered) {
                    registered.values().remove(step);
                    registered.put(reference, step);
                }
            }

            @Override
            public void removedService(ServiceReference<ProcessingStep> reference, ProcessingStep step) {
                synchronized (registered) {
                    registered.values().remove(step);
                }
                context.ungetService(reference);
            }
        });
        tracker.open();
    }

    /** @return the step services visible to {@code context}, tracked until {@link #close()} */
    public static StepServices open(BundleContext context) {
        if (context == null) {
            throw new IllegalArgumentException("no bundle context: the bundle is not started");
        }
        return new StepServices(context);
    }

    /**
     * @return the step services of the framework this bundle runs in; outside OSGi, the built-in steps
     * @throws IllegalStateException when this bundle is installed but not started, so its steps are not registered
     */
    public static StepServices open() {
        Bundle bundle = FrameworkUtil.getBundle(StepServices.class);
        if (bundle == null) {
            return new StepServices(null);
        }
        BundleContext context = bundle.getBundleContext();
        if (context == null) {
            throw new IllegalStateException("bundle " + bundle.getSymbolicName() + " is not started (state "
                    + bundle.getState() + "), so its workflow steps are not registered");
        }
        return new StepServices(context);
    }

    /** @return {@link #catalog(Duration)} with {@link #DEFAULT_WAIT} */
    public StepCatalog catalog() throws StepException {
        return catalog(DEFAULT_WAIT);
    }

    /**
     * @return the steps registered now, once every built-in step ({@link StepNames#BUILT_IN}) is among them
     * @throws StepException naming the missing steps when they are not registered within {@code wait}, or when the
     *                       calling thread is interrupted while it waits (its interrupt flag stays set)
     */
    public StepCatalog catalog(Duration wait) throws StepException {
        if (tracker == null) {
            return StepCatalog.of(StepCatalog.builtIn());
        }
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (registered) {
            while (true) {
                StepCatalog catalog = StepCatalog.of(new ArrayList<>(registered.values()));
                List<String> missing = StepNames.BUILT_IN.stream().filter(n -> catalog.find(n).isEmpty()).toList();
                long left = deadline - System.nanoTime();
                if (missing.isEmpty()) {
                    return catalog;
                }
                if (left <= 0) {
                    throw new StepException("workflow steps " + missing + " are not registered after " + wait
                            + "; is the DS runtime (org.apache.felix.scr) started?");
                }
                try {
                    registered.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StepException("interrupted while waiting for the workflow steps " + missing, e);
                }
            }
        }
    }

    /** Releases the step services. */
    @Override
    public void close() {
        if (tracker != null) {
            tracker.close();
        }
    }
}

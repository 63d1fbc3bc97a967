/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify.internal;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Runs when the first class of this bundle loads (lazy activation), so before any of our code touches Weka.
 * <p>
 * Weka 3.8.6's first use checks whether netlib-java's ARPACK class can be loaded and, when it cannot, prints
 * "WARNING: core mtj jar files are not available" to System.out; so the feature ships netlib-java core and its
 * pure-Java (f2j) ARPACK. Loading that class makes netlib choose an implementation once per JVM, trying two native
 * ones first and logging a warning for each one missing. We ship none, so unless the JVM was told otherwise we name
 * the pure-Java one, which netlib would end up with anyway.
 */
public final class ClassifyActivator implements BundleActivator {
    /** netlib-java's choice of ARPACK implementation, read when its ARPACK class initialises. */
    static final String NETLIB_ARPACK = "com.github.fommil.netlib.ARPACK";
    static final String F2J_ARPACK = "com.github.fommil.netlib.F2jARPACK";

    @Override
    public void start(BundleContext context) {
        if (System.getProperty(NETLIB_ARPACK) == null) {
            System.setProperty(NETLIB_ARPACK, F2J_ARPACK);
        }
    }

    @Override
    public void stop(BundleContext context) {
        // Nothing to undo: netlib reads the property once, and Weka may have made it do so already.
    }
}

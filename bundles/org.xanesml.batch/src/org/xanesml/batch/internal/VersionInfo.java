/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.util.FastMath;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.xanesml.core.Spectrum;

import picocli.CommandLine.IVersionProvider;

/**
 * The versions a bug report needs: ours, the learning and numerics libraries that decide the numbers, and the JVM.
 * Library versions come from the running OSGi bundles, so they are the ones really resolved, not the ones intended.
 */
public final class VersionInfo implements IVersionProvider {

    @Override
    public String[] getVersion() {
        List<String> lines = new ArrayList<>();
        lines.add("xanesml " + bundleVersion(Spectrum.class));
        // weka.core.Version.VERSION is a compile-time constant read from Weka itself, not a bundle header we wrote.
        lines.add("Weka " + weka.core.Version.VERSION);
        lines.add("Apache Commons Math " + bundleVersion(FastMath.class));
        lines.add("Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")");
        return lines.toArray(new String[0]);
    }

    private static String bundleVersion(Class<?> type) {
        Bundle bundle = FrameworkUtil.getBundle(type);
        if (bundle != null) {
            return bundle.getVersion().toString();
        }
        // Outside OSGi (a plain class path, e.g. benchmarks): fall back to the jar's manifest.
        Package p = type.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "(unknown: not running in OSGi)" : v;
    }
}

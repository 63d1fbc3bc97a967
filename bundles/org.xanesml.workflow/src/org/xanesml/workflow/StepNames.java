/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.util.List;

/**
 * The names under which this bundle's steps are published (service property {@code xanesml.step}), for pipelines
 * built in code: the command line, the workbench and the steps themselves spell them from here.
 */
public final class StepNames {
    public static final String READ = "read";
    public static final String DEGLITCH = "deglitch";
    public static final String ALIGN = "align";
    public static final String NORMALISE = "normalise";
    public static final String INTERPOLATE = "interpolate";
    public static final String CLASSIFY = "classify";
    public static final String WRITE_REPORT = "write-report";

    /** Every built-in step, in typical pipeline order. */
    public static final List<String> BUILT_IN = List.of(READ, DEGLITCH, ALIGN, NORMALISE, INTERPOLATE, CLASSIFY,
            WRITE_REPORT);

    private StepNames() {
    }
}

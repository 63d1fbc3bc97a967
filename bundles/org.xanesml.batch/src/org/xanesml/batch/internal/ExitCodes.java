/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

/** Exit codes of the {@code xanesml} command, so that scripts on a beamline can tell outcomes apart. */
public final class ExitCodes {
    /** Everything asked for was done. */
    public static final int OK = 0;
    /** Nothing useful was done: bad model, unreadable input folder, internal error. */
    public static final int FAILURE = 1;
    /** The command line itself was wrong (unknown option, missing argument). */
    public static final int USAGE = 2;
    /** Some inputs failed and are listed in the report; the others were processed. */
    public static final int PARTIAL = 3;

    private ExitCodes() {
    }
}

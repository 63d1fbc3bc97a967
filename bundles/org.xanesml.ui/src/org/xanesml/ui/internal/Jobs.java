/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.statushandlers.StatusManager;

/** Job families and problem reporting shared by the xanesml jobs. */
public final class Jobs {
    /** Family of every xanesml job, so tests and the shutdown can wait for or cancel them. */
    public static final Object FAMILY = Jobs.class;
    /** Family of folder watches (the Watch Folder command toggles them). */
    public static final Object WATCH_FAMILY = new Object();
    public static final String PLUGIN_ID = "org.xanesml.ui";

    private Jobs() {
    }

    public static IStatus error(String message, Throwable cause) {
        return new Status(IStatus.ERROR, PLUGIN_ID, message, cause);
    }

    public static MultiStatus problems(String message) {
        return new MultiStatus(PLUGIN_ID, 0, message, null);
    }

    /**
     * Writes the problems to the Error Log and shows them in a dialog; the job itself then ends OK so the operator
     * sees one dialog naming every failed file instead of one per job.
     */
    public static void report(MultiStatus problems) {
        if (problems.isOK()) {
            return;
        }
        IStatus[] children = problems.getChildren();
        // the Error Log keeps each exception, with its stack trace, for a bug report
        StatusManager.getManager().handle(grouped(problems, children), StatusManager.LOG);
        // The dialog's details list a status's message and then its exception's message; our messages are the
        // exceptions' own, so with the exceptions attached every failure was listed twice.
        IStatus[] plain = new IStatus[children.length];
        for (int i = 0; i < children.length; i++) {
            plain[i] = new Status(children[i].getSeverity(), children[i].getPlugin(), children[i].getMessage());
        }
        StatusManager.getManager().handle(grouped(problems, plain), StatusManager.SHOW);
    }

    /** A single failure stands as itself, so the dialog's headline is the reader's own message. */
    private static IStatus grouped(MultiStatus problems, IStatus[] children) {
        return children.length == 1 ? children[0] : new MultiStatus(PLUGIN_ID, 0, children,
                problems.getMessage() + " (" + children.length + "); see Details", null);
    }
}

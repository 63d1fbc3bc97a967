/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbench;
import org.xanesml.ui.internal.session.AnalysisEntry;
import org.xanesml.ui.internal.session.AnalysisSession;

/**
 * Finds the workbench's analysis session. It lives in the workbench's Eclipse context rather than a static field, so
 * it belongs to one workbench (the standalone client's or a host RCP client's) and dies with it. The first caller
 * creates it and starts loading the shipped models in the background.
 */
public final class Sessions {
    private Sessions() {
    }

    /** Call on the display thread (views and handlers run there). */
    public static AnalysisSession of(IWorkbench workbench) {
        IEclipseContext ctx = workbench.getService(IEclipseContext.class);
        AnalysisSession s = ctx.get(AnalysisSession.class);
        if (s == null) {
            s = new AnalysisSession();
            ctx.set(AnalysisSession.class, s);
            new LoadModelsJob(s, LoadModelsJob.SHIPPED).schedule();
        }
        return s;
    }

    /** @return the entries in a selection, in selection order (anything else in it is ignored) */
    public static List<AnalysisEntry> entries(ISelection selection) {
        List<AnalysisEntry> out = new ArrayList<>();
        if (selection instanceof IStructuredSelection ss) {
            for (Object o : ss.toList()) {
                if (o instanceof AnalysisEntry e) {
                    out.add(e);
                }
            }
        }
        return out;
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.handlers;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.xanesml.ui.internal.BatchView;
import org.xanesml.ui.internal.ClassifyJob;
import org.xanesml.ui.internal.Sessions;
import org.xanesml.ui.internal.session.AnalysisEntry;
import org.xanesml.ui.internal.session.AnalysisSession;

/** XANES > Classify Selection: the selected spectra (all open ones when none is selected) with every loaded model. */
public final class ClassifyHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow w = HandlerUtil.getActiveWorkbenchWindow(event);
        AnalysisSession session = Sessions.of(w.getWorkbench());
        List<AnalysisEntry> entries = Sessions.entries(HandlerUtil.getCurrentSelection(event));
        if (entries.isEmpty()) {
            entries = Sessions.entries(w.getActivePage().getSelection(BatchView.ID));
        }
        if (entries.isEmpty()) {
            entries = session.entries();
        }
        new ClassifyJob(session, entries).schedule();
        return null;
    }
}

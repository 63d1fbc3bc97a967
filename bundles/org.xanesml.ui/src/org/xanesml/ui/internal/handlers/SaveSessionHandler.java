/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.handlers;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.statushandlers.StatusManager;
import org.xanesml.ui.internal.Jobs;
import org.xanesml.ui.internal.Sessions;
import org.xanesml.ui.internal.session.AnalysisSession;
import org.xanesml.ui.internal.session.SessionFile;

/** XANES > Save Session: the open files with their normalisation parameters and the loaded models, as JSON. */
public final class SaveSessionHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow w = HandlerUtil.getActiveWorkbenchWindow(event);
        FileDialog d = new FileDialog(w.getShell(), SWT.SAVE);
        d.setText("Save session");
        d.setFilterExtensions(new String[] {"*.xanesml.json", "*.json"});
        d.setFileName("session.xanesml.json");
        d.setOverwrite(true);
        String f = d.open();
        if (f == null) {
            return null;
        }
        AnalysisSession s = Sessions.of(w.getWorkbench());
        try {
            SessionFile.write(Path.of(f), s.entries(), s.models());
        } catch (IOException e) {
            StatusManager.getManager().handle(Jobs.error("Could not save the session to " + f + ": "
                    + e.getMessage(), e), StatusManager.LOG | StatusManager.SHOW);
        }
        return null;
    }
}

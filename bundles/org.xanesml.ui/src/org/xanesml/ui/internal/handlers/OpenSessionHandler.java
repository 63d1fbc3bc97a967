/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.handlers;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.xanesml.ui.internal.OpenSessionJob;
import org.xanesml.ui.internal.Sessions;

/** XANES > Open Session: reloads the models and spectra (with their parameters) of a saved session. */
public final class OpenSessionHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow w = HandlerUtil.getActiveWorkbenchWindow(event);
        FileDialog d = new FileDialog(w.getShell(), SWT.OPEN);
        d.setText("Open session");
        d.setFilterExtensions(new String[] {"*.xanesml.json", "*.json"});
        String f = d.open();
        if (f != null) {
            new OpenSessionJob(Sessions.of(w.getWorkbench()), Path.of(f)).schedule();
        }
        return null;
    }
}

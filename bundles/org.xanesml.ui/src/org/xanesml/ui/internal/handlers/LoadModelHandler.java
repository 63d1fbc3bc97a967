/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.handlers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.xanesml.ui.internal.LoadModelsJob;
import org.xanesml.ui.internal.Sessions;

/** XANES > Load Model: model bundles (.zip) from files, verified and loaded in a job. */
public final class LoadModelHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow w = HandlerUtil.getActiveWorkbenchWindow(event);
        FileDialog d = new FileDialog(w.getShell(), SWT.OPEN | SWT.MULTI);
        d.setText("Load classification models");
        d.setFilterExtensions(new String[] {"*.zip", "*.*"});
        if (d.open() == null) {
            return null;
        }
        List<String> origins = new ArrayList<>();
        for (String n : d.getFileNames()) {
            origins.add(Path.of(d.getFilterPath(), n).toString());
        }
        new LoadModelsJob(Sessions.of(w.getWorkbench()), origins).schedule();
        return null;
    }
}

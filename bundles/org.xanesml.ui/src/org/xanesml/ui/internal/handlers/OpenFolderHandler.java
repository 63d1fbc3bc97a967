/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.handlers;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.xanesml.io.ReadOptions;
import org.xanesml.ui.internal.OpenSpectraJob;
import org.xanesml.ui.internal.ReadOptionsDialog;
import org.xanesml.ui.internal.Sessions;

/**
 * XANES > Open Folder: reads every spectrum in a folder (and its subfolders, a few levels deep) in a job, read as
 * the {@link ReadOptionsDialog} says; files no reader recognises are listed, not failed.
 */
public final class OpenFolderHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow w = HandlerUtil.getActiveWorkbenchWindow(event);
        DirectoryDialog d = new DirectoryDialog(w.getShell());
        d.setText("Open a folder of spectra");
        String folder = d.open();
        if (folder == null) {
            return null;
        }
        ReadOptions options = ReadOptionsDialog.ask(w.getShell(), OpenFilesHandler.dialogSettings());
        if (options != null) {
            new OpenSpectraJob(Sessions.of(w.getWorkbench()), List.of(Path.of(folder)), options).schedule();
        }
        return null;
    }
}

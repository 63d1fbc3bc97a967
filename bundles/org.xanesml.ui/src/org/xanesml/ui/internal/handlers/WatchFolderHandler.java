/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.handlers;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.xanesml.ui.internal.Jobs;
import org.xanesml.ui.internal.Sessions;
import org.xanesml.ui.internal.WatchFolderJob;

/**
 * XANES > Watch Folder: starts watching a folder (new files stream into the Batch Results view), or, while a watch
 * runs, offers to stop it. A watch also shows in the Progress view, where its red stop button cancels it.
 */
public final class WatchFolderHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow w = HandlerUtil.getActiveWorkbenchWindow(event);
        Job[] running = Job.getJobManager().find(Jobs.WATCH_FAMILY);
        if (running.length > 0) {
            StringBuilder names = new StringBuilder();
            for (Job j : running) {
                names.append("\n").append(j.getName());
            }
            if (MessageDialog.openQuestion(w.getShell(), "Watch folder", "Stop watching?" + names)) {
                Job.getJobManager().cancel(Jobs.WATCH_FAMILY);
            }
            return null;
        }
        DirectoryDialog d = new DirectoryDialog(w.getShell());
        d.setText("Watch a folder for new spectra");
        String folder = d.open();
        if (folder != null) {
            boolean existing = MessageDialog.openQuestion(w.getShell(), "Watch folder",
                    "Also read the files already in " + folder + "?");
            new WatchFolderJob(Sessions.of(w.getWorkbench()), Path.of(folder), existing).schedule();
        }
        return null;
    }
}

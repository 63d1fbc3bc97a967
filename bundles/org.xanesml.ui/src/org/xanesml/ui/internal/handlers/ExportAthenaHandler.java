/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.handlers;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.xanesml.ui.internal.BatchView;
import org.xanesml.ui.internal.Jobs;
import org.xanesml.ui.internal.Sessions;
import org.xanesml.ui.internal.session.AnalysisEntry;
import org.xanesml.ui.internal.session.AthenaFiles;
import org.xanesml.workflow.report.AtomicFiles;

/** File > Export Athena Columns: the spectra selected in Batch Results, one {@code .nor} file each, into a folder. */
public final class ExportAthenaHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow w = HandlerUtil.getActiveWorkbenchWindow(event);
        List<AnalysisEntry> entries = Sessions.entries(w.getActivePage().getSelection(BatchView.ID));
        if (entries.isEmpty()) {
            MessageDialog.openInformation(w.getShell(), "Export Athena Columns",
                    "Select the spectra to export in the Batch Results view first.");
            return null;
        }
        DirectoryDialog d = new DirectoryDialog(w.getShell());
        d.setText("Export " + entries.size() + " spectra in Athena's columns");
        d.setMessage("Folder for the .nor files (a file already there is kept; the new one gets a -2 suffix)");
        String folder = d.open();
        if (folder == null) {
            return null;
        }
        AthenaFiles.Result r = AthenaFiles.write(Sessions.of(w.getWorkbench()).current(entries), Path.of(folder),
                AtomicFiles.standard());
        MultiStatus problems = Jobs.problems("Some spectra were not exported");
        r.problems().forEach(p -> problems.add(Jobs.error(p, null)));
        Jobs.report(problems);
        return null;
    }
}

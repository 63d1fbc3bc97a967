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
import org.eclipse.jface.dialogs.IDialogSettings;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.HandlerUtil;
import org.osgi.framework.FrameworkUtil;
import org.xanesml.io.ReadOptions;
import org.xanesml.ui.internal.OpenSpectraJob;
import org.xanesml.ui.internal.ReadOptionsDialog;
import org.xanesml.ui.internal.Sessions;

/** XANES > Open Spectra: asks how to read the chosen files ({@link ReadOptionsDialog}), then reads them in a job. */
public final class OpenFilesHandler extends AbstractHandler {
    /** @return this plug-in's dialog settings, where the read options last chosen are kept */
    static IDialogSettings dialogSettings() {
        return PlatformUI.getDialogSettingsProvider(FrameworkUtil.getBundle(OpenFilesHandler.class))
                .getDialogSettings();
    }

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow w = HandlerUtil.getActiveWorkbenchWindow(event);
        FileDialog d = new FileDialog(w.getShell(), SWT.OPEN | SWT.MULTI);
        d.setText("Open spectra");
        d.setFilterExtensions(new String[] {"*.*", "*.xdi;*.xmu;*.dat;*.txt;*.csv", "*.prj", "*.nxs;*.h5;*.hdf5"});
        if (d.open() == null) {
            return null;
        }
        List<Path> files = new ArrayList<>();
        for (String n : d.getFileNames()) {
            files.add(Path.of(d.getFilterPath(), n));
        }
        ReadOptions options = ReadOptionsDialog.ask(w.getShell(), dialogSettings());
        if (options != null) {
            new OpenSpectraJob(Sessions.of(w.getWorkbench()), files, options).schedule();
        }
        return null;
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.xanesml.ui.internal.Sessions;
import org.xanesml.ui.internal.TrainModelWizard;

/** XANES > Train Model: opens the wizard; training itself runs as a job after Finish. */
public final class TrainModelHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow w = HandlerUtil.getActiveWorkbenchWindow(event);
        new WizardDialog(w.getShell(), new TrainModelWizard(Sessions.of(w.getWorkbench()))).open();
        return null;
    }
}

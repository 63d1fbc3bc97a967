/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.handlers;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.dialogs.ListSelectionDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.xanesml.ui.internal.Sessions;
import org.xanesml.ui.internal.session.AnalysisSession;
import org.xanesml.ui.internal.session.LoadedModel;

/** XANES > Unload Models: removes chosen models from the session (predictions already made stay as they are). */
public final class UnloadModelHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow w = HandlerUtil.getActiveWorkbenchWindow(event);
        AnalysisSession session = Sessions.of(w.getWorkbench());
        List<LoadedModel> models = session.models();
        if (models.isEmpty()) {
            MessageDialog.openInformation(w.getShell(), "Unload models", "No model is loaded.");
            return null;
        }
        ListSelectionDialog d = ListSelectionDialog.of(models).contentProvider(ArrayContentProvider.getInstance())
                .labelProvider(new LabelProvider() {
                    @Override
                    public String getText(Object element) {
                        LoadedModel m = (LoadedModel) element;
                        return m.name() + "  (" + m.origin() + ")";
                    }
                }).message("Models to unload:").title("Unload models").create(w.getShell());
        if (d.open() == ListSelectionDialog.OK) {
            for (Object o : d.getResult()) {
                session.removeModel((LoadedModel) o);
            }
        }
        return null;
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.xanesml.ui.internal.AboutView;

/** Help > About XANES-ML: what it is and which of its bundles this installation has, in which state. */
public final class AboutHandler extends AbstractHandler {
    public static final String TITLE = "About XANES-ML";

    @Override
    public Object execute(ExecutionEvent event) {
        MessageDialog.openInformation(HandlerUtil.getActiveWorkbenchWindow(event).getShell(), TITLE,
                "XANES-ML: local-environment classification of K-edge XANES\n"
                        + "GPL-3.0-or-later; the science follows Carbone, Yoo, Topsakal and Lu, "
                        + "Phys. Rev. Materials 3, 033604 (2019).\n\n" + AboutView.describeInstallation());
        return null;
    }
}

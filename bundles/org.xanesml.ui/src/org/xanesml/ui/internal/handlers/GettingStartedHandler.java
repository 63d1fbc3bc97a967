/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.handlers.HandlerUtil;

/** Help > Getting Started: the few steps from a scan to a classification, and where the full guide is. */
public final class GettingStartedHandler extends AbstractHandler {
    public static final String TITLE = "Getting Started with XANES-ML";

    static final String TEXT = """
            1. XANES > Open Spectra... (or drop files on Batch Results): XDI, Athena projects, column files, \
            FEFF/FDMNES outputs, NeXus.
            2. Select rows in Batch Results: the Spectrum view shows mu with its pre-edge line (green), post-edge \
            curve (orange) and E0. Type E0 or a range and press Return to re-normalise.
            3. XANES > Classify Selection: coordination number, geometry and oxidation state from the loaded models \
            (XANES > Load Model... adds your own; XANES > Train Model... makes one).
            4. File > Export Athena Columns...: the selected spectra's normalised data for Athena or Larch (.nor).
            5. XANES > Watch Folder...: each scan classified as the beamline writes it.

            The same steps run without the workbench: xanesml --help. The README (README.md beside the xanesml \
            sources, and bundles/org.xanesml.models/README.md for the models) describes both and what the models \
            know.""";

    @Override
    public Object execute(ExecutionEvent event) {
        MessageDialog.openInformation(HandlerUtil.getActiveWorkbenchWindow(event).getShell(), TITLE, TEXT);
        return null;
    }
}

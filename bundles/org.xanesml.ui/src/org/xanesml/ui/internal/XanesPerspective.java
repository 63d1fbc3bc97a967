/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The XANES Analysis perspective; views join its layout as they are written. */
public final class XanesPerspective implements IPerspectiveFactory {
    public static final String ID = "org.xanesml.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        layout.addView(AboutView.ID, IPageLayout.LEFT, 0.5f, layout.getEditorArea());
    }
}

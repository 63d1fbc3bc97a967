/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The XANES Analysis perspective: the spectrum plot large in the middle, the batch table below it, the prediction
 * to the right (with the model details and About stacked behind it).
 */
public final class XanesPerspective implements IPerspectiveFactory {
    public static final String ID = "org.xanesml.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        layout.setEditorAreaVisible(false);
        layout.addView(SpectrumView.ID, IPageLayout.TOP, 0.6f, editors);
        layout.addView(BatchView.ID, IPageLayout.BOTTOM, 0.6f, SpectrumView.ID);
        IFolderLayout right = layout.createFolder("org.xanesml.ui.right", IPageLayout.RIGHT, 0.62f, SpectrumView.ID);
        right.addView(ClassificationView.ID);
        right.addView(ModelView.ID);
        right.addView(AboutView.ID);
        right.addPlaceholder("org.eclipse.ui.views.ProgressView");
        right.addPlaceholder("org.eclipse.pde.runtime.LogView");
        layout.addShowViewShortcut(SpectrumView.ID);
        layout.addShowViewShortcut(BatchView.ID);
        layout.addShowViewShortcut(ClassificationView.ID);
        layout.addShowViewShortcut(ModelView.ID);
    }
}

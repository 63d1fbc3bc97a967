/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.ui.IWorkbenchActionConstants;

/** The {@code xanesml-gui} workbench: an E3 workbench opening on the XANES Analysis perspective. */
public final class WorkbenchApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        Display display = PlatformUI.createDisplay();
        try {
            int code = PlatformUI.createAndRunWorkbench(display, new Advisor());
            return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            display.dispose();
        }
    }

    @Override
    public void stop() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        IWorkbench workbench = PlatformUI.getWorkbench();
        Display display = workbench.getDisplay();
        display.syncExec(() -> {
            if (!display.isDisposed()) {
                workbench.close();
            }
        });
    }

    /** Also used by the UI tests, which start the same workbench on their own UI thread. */
    static class Advisor extends WorkbenchAdvisor {
        @Override
        public void initialize(IWorkbenchConfigurer configurer) {
            configurer.setSaveAndRestore(true);
        }

        @Override
        public String getInitialWindowPerspectiveId() {
            return XanesPerspective.ID;
        }

        @Override
        public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
            return new WorkbenchWindowAdvisor(configurer) {
                @Override
                public void preWindowOpen() {
                    IWorkbenchWindowConfigurer c = getWindowConfigurer();
                    c.setInitialSize(new org.eclipse.swt.graphics.Point(1280, 800));
                    c.setShowStatusLine(true);
                    c.setShowProgressIndicator(true);
                    c.setTitle("XANES-ML");
                }

                @Override
                public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer abc) {
                    return new ActionBarAdvisor(abc) {
                        @Override
                        protected void fillMenuBar(IMenuManager menuBar) {
                            // the XANES menu (plugin.xml) goes "after=additions", as in any host RCP client
                            menuBar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
                        }
                    };
                }
            };
        }
    }
}

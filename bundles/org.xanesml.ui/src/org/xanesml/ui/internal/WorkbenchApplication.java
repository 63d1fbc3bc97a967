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
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ActionFactory.IWorkbenchAction;
import org.eclipse.ui.contexts.IContextService;

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

    /** The key binding context of the standalone workbench (plugin.xml binds Ctrl+Q to Quit in it). */
    static final String STANDALONE_CONTEXT = "org.xanesml.ui.standaloneContext";

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
                public void postWindowOpen() {
                    // Ctrl+Q (plugin.xml) is bound in a context only this client activates: in a host RCP client
                    // (an IDE binds Ctrl+Q to "last edit location") the host's own keys stay as they are
                    getWindowConfigurer().getWindow().getService(IContextService.class)
                            .activateContext(STANDALONE_CONTEXT);
                }

                @Override
                public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer abc) {
                    return new ActionBarAdvisor(abc) {
                        private IWorkbenchAction quit;

                        @Override
                        protected void makeActions(IWorkbenchWindow window) {
                            quit = ActionFactory.QUIT.create(window);
                            quit.setText("&Quit");
                            register(quit);
                        }

                        @Override
                        protected void fillMenuBar(IMenuManager menuBar) {
                            // File and Help as a host RCP client has them, so plugin.xml contributes to both alike
                            MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
                            file.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
                            file.add(new Separator());
                            file.add(quit);
                            menuBar.add(file);
                            // the XANES menu (plugin.xml) goes "after=additions", as in any host RCP client
                            menuBar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
                            MenuManager help = new MenuManager("&Help", IWorkbenchActionConstants.M_HELP);
                            help.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
                            menuBar.add(help);
                        }
                    };
                }
            };
        }
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Says what this installation is: which xanesml bundles are installed and active, so an operator (or the person
 * they phone) can tell at a glance whether the update site install into their client worked.
 */
public final class AboutView extends ViewPart {
    public static final String ID = "org.xanesml.ui.aboutView";

    private Text details;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Label title = new Label(parent, SWT.NONE);
        title.setText("XANES-ML: local-environment classification of K-edge XANES");
        details = new Text(parent, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.BORDER);
        details.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        details.setText(describeInstallation());
    }

    /** @return one line per installed org.xanesml bundle with its version and OSGi state. */
    public static String describeInstallation() {
        StringBuilder sb = new StringBuilder();
        Bundle self = FrameworkUtil.getBundle(AboutView.class);
        if (self == null) {
            return "not running inside OSGi";
        }
        for (Bundle b : self.getBundleContext().getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.xanesml")) {
                sb.append(b.getSymbolicName()).append(' ').append(b.getVersion()).append(" [")
                        .append(stateName(b.getState())).append("]\n");
            }
        }
        sb.append("Java ").append(Runtime.version()).append('\n');
        return sb.toString();
    }

    private static String stateName(int state) {
        switch (state) {
            case Bundle.ACTIVE: return "active";
            case Bundle.RESOLVED: return "resolved";
            case Bundle.STARTING: return "starting (lazy)";
            case Bundle.INSTALLED: return "installed, NOT resolved";
            default: return "state " + state;
        }
    }

    @Override
    public void setFocus() {
        details.setFocus();
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IDialogSettings;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.xanesml.io.ReadOptions;
import org.xanesml.io.SpectrumReaders;

/**
 * How the chosen files are read, asked after the file chooser of XANES &gt; Open Spectra and Open Folder: the format
 * (detected, or named), the energy column, mu as an expression of the columns, and what to do with non-finite points.
 * The same {@link ReadOptions} as the command line's {@code --input-format --energy-column --mu --non-finite}; the
 * last choice is kept in the dialog settings, so a beamtime's layout is entered once.
 */
public final class ReadOptionsDialog extends Dialog {
    private static final String AUTO = "detect from the content";
    private static final String FORMAT = "format";
    private static final String ENERGY = "energyColumn";
    private static final String MU = "mu";
    private static final String NON_FINITE = "nonFinite";

    private final IDialogSettings settings;
    private Combo format;
    private Text energy;
    private Text mu;
    private Combo nonFinite;
    private Label problem;
    private ReadOptions options = ReadOptions.DEFAULT;

    /** @param settings where the last choice is kept (the plug-in's dialog settings section) */
    public ReadOptionsDialog(Shell parent, IDialogSettings settings) {
        super(parent);
        this.settings = settings;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Read spectra as");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

        label(c, "Format:");
        format = new Combo(c, SWT.READ_ONLY);
        List<String> formats = new ArrayList<>();
        formats.add(AUTO);
        formats.addAll(SpectrumReaders.formatNames());
        format.setItems(formats.toArray(String[]::new));
        select(format, settings.get(FORMAT), AUTO);

        label(c, "Energy column:");
        energy = text(c, settings.get(ENERGY), "name or number; empty: the reader's choice");

        label(c, "mu =");
        mu = text(c, settings.get(MU), "e.g. ln(I0/IT), sum(Fe_Ka_mca*)/I0, $3/$2; empty: the reader's choice");
        mu.setToolTipText("Columns by name or $N, + - * /, ln(...), sum(GLOB) over matching columns, parentheses."
                + " Applies to XDI and column files.");

        label(c, "Non-finite points:");
        nonFinite = new Combo(c, SWT.READ_ONLY);
        nonFinite.setItems("drop, with a warning", "refuse the file");
        nonFinite.select("FAIL".equals(settings.get(NON_FINITE)) ? 1 : 0);

        problem = new Label(c, SWT.WRAP);
        GridData wide = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        wide.widthHint = 480;
        problem.setLayoutData(wide);
        return area;
    }

    private static void label(Composite c, String text) {
        new Label(c, SWT.NONE).setText(text);
    }

    private static Text text(Composite c, String value, String hint) {
        Text t = new Text(c, SWT.BORDER);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        t.setMessage(hint);
        t.setText(value == null ? "" : value);
        return t;
    }

    private static void select(Combo combo, String value, String fallback) {
        int i = value == null ? -1 : combo.indexOf(value);
        combo.select(i >= 0 ? i : combo.indexOf(fallback));
    }

    @Override
    protected void okPressed() {
        String f = format.getText().equals(AUTO) ? null : format.getText();
        String policy = nonFinite.getSelectionIndex() == 1 ? "FAIL" : "DROP";
        try {
            options = ReadOptions.of(f, energy.getText(), mu.getText(), policy);
        } catch (IllegalArgumentException e) {
            // stays open with the reason (e.g. where the expression is malformed), as the command line would say
            problem.setText(e.getMessage());
            problem.getParent().layout(true);
            getShell().pack();
            return;
        }
        settings.put(FORMAT, format.getText());
        settings.put(ENERGY, energy.getText().strip());
        settings.put(MU, mu.getText().strip());
        settings.put(NON_FINITE, policy);
        super.okPressed();
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Read", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    /** Lets tests fill the fields as an operator would (a null format: detect it). */
    void fill(String formatName, String energyColumn, String muExpression, boolean refuseNonFinite) {
        select(format, formatName, AUTO);
        energy.setText(energyColumn);
        mu.setText(muExpression);
        nonFinite.select(refuseNonFinite ? 1 : 0);
    }

    /** @return the reason OK was refused, as shown; "" when none */
    String problem() {
        return problem.getText();
    }

    /** @return the options chosen (valid once the dialog closed with OK) */
    public ReadOptions options() {
        return options;
    }

    /**
     * Asks how to read; null when the operator cancelled.
     *
     * @param settings the plug-in's dialog settings; a section of them keeps the last choice
     */
    public static ReadOptions ask(Shell parent, IDialogSettings settings) {
        IDialogSettings section = settings.getSection("readOptions");
        if (section == null) {
            section = settings.addNewSection("readOptions");
        }
        ReadOptionsDialog d = new ReadOptionsDialog(parent, section);
        return d.open() == OK ? d.options() : null;
    }
}

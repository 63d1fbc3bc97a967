/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.statushandlers.StatusManager;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.swt.ChartComposite;
import org.xanesml.preprocess.EnergyControl;
import org.xanesml.preprocess.NormalizationResult;
import org.xanesml.preprocess.PreEdgeDetails;
import org.xanesml.preprocess.PreEdgeParameters;
import org.xanesml.ui.internal.charts.ChartExport;
import org.xanesml.ui.internal.charts.ChartInteraction;
import org.xanesml.ui.internal.charts.SpectrumDatasets;
import org.xanesml.ui.internal.charts.SpectrumMode;
import org.xanesml.ui.internal.session.AnalysisEntry;
import org.xanesml.ui.internal.session.AnalysisSession;
import org.xanesml.workflow.ProcessingFields;

/**
 * The selected spectra: raw mu with the pre-edge line, post-edge curve and e0 marker, or normalised, flattened,
 * dmu/dE, several overlaid. Zoom (drag, wheel), pan (middle drag), crosshair read-out, PNG/SVG export. The
 * parameter fields re-normalise the selected spectra as the operator types; empty means automatic (Larch defaults).
 */
public final class SpectrumView extends ViewPart implements AnalysisSession.Listener {
    /** The part's own composite (screenshots, tests). */
    private Composite root;

    public Composite control() {
        return root;
    }

    public static final String ID = "org.xanesml.ui.spectrumView";
    /** Typing pauses this long before re-normalising, so each keystroke does not start a job. */
    static final int RENORMALISE_DELAY_MS = 350;
    static final String[] NNORM_CHOICES = {"auto", "0", "1", "2", "3"};

    private AnalysisSession session;
    private ChartComposite chartComposite;
    private JFreeChart chart;
    private Combo mode;
    private Label readout;
    private Label status;
    private Text e0;
    private Text pre1;
    private Text pre2;
    private Text norm1;
    private Text norm2;
    private Combo nnorm;
    private Text shift;
    private Button calibrate;
    private List<AnalysisEntry> shown = List.of();
    /** What the axes were last fitted to: the same spectra in the same mode keep the operator's zoom. */
    private String fittedTo = "";
    /** Set while the fields are filled from a spectrum, so that filling does not re-normalise. */
    private boolean filling;
    private final Runnable renormalise = this::renormaliseNow;
    private final ISelectionListener selectionListener = this::selectionChanged;

    @Override
    public void createPartControl(Composite parent) {
        root = parent;
        session = Sessions.of(getSite().getWorkbenchWindow().getWorkbench());
        parent.setLayout(new GridLayout(2, false));

        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        bar.setLayout(new GridLayout(5, false));
        mode = new Combo(bar, SWT.READ_ONLY);
        for (SpectrumMode m : SpectrumMode.values()) {
            mode.add(m.label());
        }
        mode.select(0);
        mode.addListener(SWT.Selection, e -> redraw());
        button(bar, "Export PNG\u2026", () -> exportDialog("png"));
        button(bar, "Export SVG\u2026", () -> exportDialog("svg"));
        button(bar, "Reset zoom", () -> chartComposite.restoreAutoBounds());
        readout = new Label(bar, SWT.NONE);
        readout.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        readout.setText("E = \u2014, y = \u2014");

        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, newPlot(), true);
        chart.setBackgroundPaint(Color.WHITE);
        // no properties/save/print popup entries: jfreechart-swt's save calls a method JFreeChart 1.5 removed
        chartComposite = new ChartComposite(parent, SWT.NONE, chart, true, false, false, false, true);
        chartComposite.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        ChartInteraction.install(chartComposite, this::showReadout);

        createParameters(parent);

        status = new Label(parent, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        status.setText("Select spectra in the Batch Results view (or open files) to plot them.");

        session.addListener(this);
        // follow the Batch Results view even when another part is active (e.g. while the operator edits parameters)
        getSite().getPage().addSelectionListener(BatchView.ID, selectionListener);
        selectionChanged(null, getSite().getPage().getSelection(BatchView.ID));
    }

    private static XYPlot newPlot() {
        NumberAxis x = new NumberAxis("Energy (eV)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(SpectrumMode.RAW.axisLabel());
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(null, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        return plot;
    }

    private void createParameters(Composite parent) {
        Group g = new Group(parent, SWT.NONE);
        g.setText("Normalisation (empty = automatic)");
        g.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true));
        g.setLayout(new GridLayout(2, false));
        // E0 is an absolute energy: while it is typed (8, 89, 898...) it is no edge energy yet, so it is not applied
        // on a typing pause, only on Return or when the field is left
        e0 = field(g, "E0 (eV)", false);
        pre1 = field(g, "pre1 (eV from E0)", true);
        pre2 = field(g, "pre2 (eV from E0)", true);
        norm1 = field(g, "norm1 (eV from E0)", true);
        norm2 = field(g, "norm2 (eV from E0)", true);
        new Label(g, SWT.NONE).setText("nnorm");
        nnorm = new Combo(g, SWT.READ_ONLY);
        nnorm.setItems(NNORM_CHOICES);
        nnorm.select(0);
        nnorm.addListener(SWT.Selection, e -> scheduleRenormalise());
        shift = field(g, "shift (eV)", false);
        shift.setToolTipText("Added to every energy before E0 is found (a known monochromator offset)");
        calibrate = new Button(g, SWT.CHECK);
        calibrate.setText("Calibrate to reference foil");
        calibrate.setToolTipText("Shift the scan so that its reference channel's edge (XDI murefer or"
                + " ln(itrans/irefer)) sits at the foil's tabulated K edge (Cu 8979 eV); the row records the shift");
        calibrate.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        calibrate.addListener(SWT.Selection, e -> scheduleRenormalise());
        Button reset = new Button(g, SWT.PUSH);
        reset.setText("Reset to automatic");
        reset.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        reset.addListener(SWT.Selection, e -> resetToAutomatic());
    }

    /** @param whileTyping re-normalise on a pause in the typing too, not only on Return and focus-out */
    private Text field(Composite g, String label, boolean whileTyping) {
        new Label(g, SWT.NONE).setText(label);
        Text t = new Text(g, SWT.BORDER | SWT.SINGLE);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.widthHint = 90;
        t.setLayoutData(gd);
        if (whileTyping) {
            t.addListener(SWT.Modify, e -> scheduleRenormalise());
        }
        t.addListener(SWT.DefaultSelection, e -> applyTyped());
        t.addListener(SWT.FocusOut, e -> applyTyped());
        return t;
    }

    private static void button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
    }

    private void selectionChanged(IWorkbenchPart part, ISelection selection) {
        if (part == this || chartComposite.isDisposed()) {
            return;
        }
        List<AnalysisEntry> entries = Sessions.entries(selection);
        if (entries.isEmpty()) {
            return;
        }
        show(session.current(entries));
    }

    /** Shows these entries (also called by tests and by the batch view's double-click through the selection). */
    public void show(List<AnalysisEntry> entries) {
        shown = List.copyOf(entries);
        fillParameters();
        redraw();
    }

    private void fillParameters() {
        if (shown.isEmpty()) {
            return;
        }
        AnalysisEntry first = shown.get(0);
        PreEdgeParameters p = first.parameters();
        NormalizationResult r = first.normalization();
        PreEdgeDetails used = r == null ? null : r.details();
        filling = true;
        try {
            set(e0, p.e0Ev(), used == null ? null : used.e0Ev());
            set(pre1, p.pre1Ev(), used == null ? null : used.pre1Ev());
            set(pre2, p.pre2Ev(), used == null ? null : used.pre2Ev());
            set(norm1, p.norm1Ev(), used == null ? null : used.norm1Ev());
            set(norm2, p.norm2Ev(), used == null ? null : used.norm2Ev());
            nnorm.select(p.nnorm() == null ? 0 : Math.min(p.nnorm() + 1, NNORM_CHOICES.length - 1));
            Double asked = first.energy().shiftEv() == 0 ? null : first.energy().shiftEv();
            set(shift, asked, first.processed().current().metadata(ProcessingFields.ENERGY_SHIFT)
                    .map(Double::valueOf).orElse(null));
            calibrate.setSelection(first.energy().calibrateReference());
        } finally {
            filling = false;
        }
    }

    /** Shows the requested value, or (greyed hint) the automatic value actually used. */
    private static void set(Text t, Double requested, Double used) {
        // leave the operator's text alone when it already means the requested value (they may still be typing)
        if (!sameValue(t.getText(), requested)) {
            t.setText(requested == null ? "" : fmt(requested));
        }
        t.setMessage(used == null ? "auto" : "auto: " + fmt(used));
    }

    static boolean sameValue(String text, Double value) {
        String s = text.strip();
        if (s.isEmpty() || value == null) {
            return s.isEmpty() && value == null;
        }
        try {
            return Double.parseDouble(s) == value;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private void scheduleRenormalise() {
        if (filling || shown.isEmpty()) {
            return;
        }
        getSite().getShell().getDisplay().timerExec(RENORMALISE_DELAY_MS, renormalise);
    }

    void resetToAutomatic() {
        filling = true;
        try {
            for (Text t : new Text[] {e0, pre1, pre2, norm1, norm2, shift}) {
                t.setText("");
            }
            nnorm.select(0);
            calibrate.setSelection(false);
        } finally {
            filling = false;
        }
        renormaliseNow();
    }

    /** Return or focus-out: applies the fields at once (a pending typing-pause re-normalisation is dropped). */
    private void applyTyped() {
        if (filling || shown.isEmpty() || chartComposite.isDisposed()) {
            return;
        }
        chartComposite.getDisplay().timerExec(-1, renormalise);
        renormalise(false);
    }

    /** Re-normalises the shown spectra with the typed parameters (a field that does not parse is marked red). */
    void renormaliseNow() {
        renormalise(true);
    }

    /** @param evenIfUnchanged false: nothing to do when every shown spectrum already has these parameters */
    private void renormalise(boolean evenIfUnchanged) {
        if (chartComposite.isDisposed() || shown.isEmpty()) {
            return;
        }
        PreEdgeParameters p;
        EnergyControl energy;
        try {
            p = parameters();
            energy = energy();
        } catch (IllegalArgumentException ex) {
            status.setText(ex.getMessage());
            return;
        }
        if (!evenIfUnchanged
                && shown.stream().allMatch(e -> p.equals(e.parameters()) && energy.equals(e.energy()))) {
            return;
        }
        new RenormaliseJob(session, shown, p, energy).schedule();
    }

    /** @return the shift and calibration in the fields, keeping the shown spectrum's E0 source */
    EnergyControl energy() {
        EnergyControl base = shown.isEmpty() ? EnergyControl.fromFile() : shown.get(0).energy();
        Double s = parse(shift, "shift");
        return base.withShift(s == null ? 0.0 : s).withReferenceCalibration(calibrate.getSelection(),
                calibrate.getSelection() ? base.referenceEdgeEv() : null);
    }

    /** @return the parameters in the fields, keeping each shown spectrum's other settings (nvict, npre, calculated) */
    PreEdgeParameters parameters() {
        PreEdgeParameters base = shown.isEmpty() ? PreEdgeParameters.automatic() : shown.get(0).parameters();
        Integer n = nnorm.getSelectionIndex() <= 0 ? null : Integer.valueOf(NNORM_CHOICES[nnorm.getSelectionIndex()]);
        return base.withE0(parse(e0, "E0")).withPreEdgeRange(parse(pre1, "pre1"), parse(pre2, "pre2"))
                .withNormRange(parse(norm1, "norm1"), parse(norm2, "norm2")).withNnorm(n);
    }

    private Double parse(Text t, String name) {
        String s = t.getText().strip();
        if (s.isEmpty()) {
            t.setForeground(null);
            return null;
        }
        try {
            double v = Double.parseDouble(s);
            t.setForeground(null);
            return v;
        } catch (NumberFormatException e) {
            t.setForeground(t.getDisplay().getSystemColor(SWT.COLOR_RED));
            throw new IllegalArgumentException(name + " = '" + s + "' is not a number (eV); leave it empty for "
                    + "automatic");
        }
    }

    public SpectrumMode mode() {
        return SpectrumMode.values()[mode.getSelectionIndex()];
    }

    public void setMode(SpectrumMode m) {
        mode.select(m.ordinal());
        redraw();
    }

    private void redraw() {
        if (chartComposite.isDisposed()) {
            return;
        }
        SpectrumMode m = mode();
        SpectrumDatasets.Plot data = SpectrumDatasets.build(shown, m);
        XYPlot plot = (XYPlot) chart.getPlot();
        plot.setDataset(data.curves());
        plot.getRangeAxis().setLabel(m.axisLabel());
        plot.clearDomainMarkers();
        for (double e : data.e0Ev()) {
            ValueMarker marker = new ValueMarker(e, new Color(0x99, 0x33, 0x99), new BasicStroke(1.2f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            if (data.e0Ev().size() == 1) {
                // overlaid spectra have E0s a few eV apart: their labels would overprint; the status line lists them
                marker.setLabel(String.format(Locale.ROOT, "E0 %.2f eV", e));
            }
            marker.setLabelFont(marker.getLabelFont().deriveFont(11f));
            plot.addDomainMarker(marker);
        }
        styleSeries(plot, m);
        List<String> lines = new ArrayList<>(data.notes());
        for (AnalysisEntry e : shown) {
            e.normalized().ifPresent(r -> lines.add(String.format(Locale.ROOT,
                    "%s: E0 %.2f eV, edge step %.4g, pre %.1f..%.1f, post %.1f..%.1f eV, nnorm %d%s",
                    e.displayName(), r.e0Ev(), r.edgeStep(), r.details().pre1Ev(), r.details().pre2Ev(),
                    r.details().norm1Ev(), r.details().norm2Ev(), r.details().nnorm(),
                    r.warnings().isEmpty() ? "" : " \u2014 " + String.join("; ", r.warnings()))));
        }
        status.setText(String.join("\n", lines));
        status.getParent().layout(true, true);
        // re-normalising while zoomed on the edge must not throw the zoom away: refit only for other spectra/mode
        String what = m + shown.stream().map(AnalysisEntry::key).toList().toString();
        if (!what.equals(fittedTo)) {
            fittedTo = what;
            chartComposite.restoreAutoBounds();
        }
        chartComposite.forceRedraw();
    }

    /** Pre-edge line colour in raw mode: a hue of its own, so it is not mistaken for the post-edge curve or mu. */
    static final Color PRE_EDGE_COLOUR = new Color(0x2c, 0xa0, 0x2c);
    /** Post-edge curve colour in raw mode. */
    static final Color POST_EDGE_COLOUR = new Color(0xff, 0x7f, 0x0e);
    /** Spectrum colours; green and orange are left out, they belong to the pre-edge and post-edge lines. */
    private static final Color[] PALETTE = {new Color(0x1f, 0x77, 0xb4), new Color(0xd6, 0x27, 0x28),
        new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b), new Color(0xe3, 0x77, 0xc2),
        new Color(0x7f, 0x7f, 0x7f)};

    /**
     * Each spectrum has its colour; in raw mode its pre-edge line is green and dashed and its post-edge curve orange
     * and dash-dotted (the legend names each), whichever spectrum they belong to.
     */
    private static void styleSeries(XYPlot plot, SpectrumMode m) {
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        int n = plot.getDataset() == null ? 0 : plot.getDataset().getSeriesCount();
        BasicStroke solid = new BasicStroke(1.6f);
        BasicStroke dashed = new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f);
        BasicStroke dashDotted = new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {8f, 3f, 2f, 3f}, 0f);
        int spectrumIndex = -1;
        for (int s = 0; s < n; s++) {
            String key = String.valueOf(plot.getDataset().getSeriesKey(s));
            boolean pre = m == SpectrumMode.RAW && key.contains(" pre-edge");
            boolean post = m == SpectrumMode.RAW && key.contains(" post-edge");
            if (!pre && !post) {
                spectrumIndex++;
            }
            r.setSeriesPaint(s, pre ? PRE_EDGE_COLOUR : post ? POST_EDGE_COLOUR
                    : PALETTE[spectrumIndex % PALETTE.length]);
            r.setSeriesStroke(s, pre ? dashed : post ? dashDotted : solid);
        }
    }

    private void showReadout(double x, double y) {
        if (readout.isDisposed()) {
            return;
        }
        readout.setText(Double.isNaN(x) ? "E = \u2014, y = \u2014"
                : String.format(Locale.ROOT, "E = %.2f eV, y = %.4g", x, y));
    }

    public JFreeChart chart() {
        return chart;
    }

    public ChartComposite chartComposite() {
        return chartComposite;
    }

    /** Field access for tests: e0, pre1, pre2, norm1, norm2. */
    Text[] parameterFields() {
        return new Text[] {e0, pre1, pre2, norm1, norm2};
    }

    Label readoutLabel() {
        return readout;
    }

    Label statusLabel() {
        return status;
    }

    /** Writes the chart as shown (current zoom) to a PNG or SVG file of the view's size. */
    public void export(Path file, String format) throws IOException {
        int w = Math.max(chartComposite.getSize().x, 640);
        int h = Math.max(chartComposite.getSize().y, 400);
        if ("svg".equals(format)) {
            ChartExport.svg(chart, file, w, h);
        } else {
            ChartExport.png(chart, file, w, h);
        }
    }

    private void exportDialog(String format) {
        FileDialog d = new FileDialog(getSite().getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] {"*." + format});
        d.setFileName("spectrum." + format);
        d.setOverwrite(true);
        String f = d.open();
        if (f == null) {
            return;
        }
        try {
            export(Path.of(f), format);
        } catch (IOException | RuntimeException e) {
            StatusManager.getManager().handle(Jobs.error("Could not export " + f + ": " + e.getMessage(), e),
                    StatusManager.LOG | StatusManager.SHOW);
        }
    }

    @Override
    public void entriesChanged(List<AnalysisEntry> changed) {
        if (chartComposite.isDisposed()) {
            return;
        }
        chartComposite.getDisplay().asyncExec(() -> {
            if (chartComposite.isDisposed() || shown.isEmpty()) {
                return;
            }
            List<AnalysisEntry> now = session.current(shown);
            if (!now.equals(shown)) {
                show(now);
            }
        });
    }

    @Override
    public void setFocus() {
        chartComposite.setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removeSelectionListener(BatchView.ID, selectionListener);
        if (session != null) {
            session.removeListener(this);
        }
        super.dispose();
    }
}

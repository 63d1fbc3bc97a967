/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.xanesml.classify.Applicability;
import org.xanesml.classify.Prediction;
import org.xanesml.ui.internal.session.AnalysisEntry;
import org.xanesml.ui.internal.session.AnalysisSession;
import org.xanesml.ui.internal.session.ModelPrediction;

/**
 * The selected spectrum's predictions: per model (coordination number, geometry, oxidation state) the predicted
 * class, the class probabilities as bars, the applicability verdict with its reason, and the model's name, training
 * data and test accuracy, so the operator can judge how far to trust the answer.
 */
public final class ClassificationView extends ViewPart implements AnalysisSession.Listener {
    /** The part's own composite (screenshots, tests). */
    private Composite root;

    public Composite control() {
        return root;
    }

    public static final String ID = "org.xanesml.ui.classificationView";

    private AnalysisSession session;
    private ScrolledComposite scroll;
    private Composite content;
    private Label title;
    private AnalysisEntry shown;
    private final ISelectionListener selectionListener = this::selectionChanged;

    @Override
    public void createPartControl(Composite parent) {
        root = parent;
        session = Sessions.of(getSite().getWorkbenchWindow().getWorkbench());
        parent.setLayout(new GridLayout(1, false));
        title = new Label(parent, SWT.WRAP);
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        title.setText("Select a spectrum to see its predicted local environment.");
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL);
        scroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        content = new Composite(scroll, SWT.NONE);
        content.setLayout(new GridLayout(1, false));
        scroll.setContent(content);
        // wrap to the view's width instead of scrolling sideways: long model names and reasons wrap
        scroll.addListener(SWT.Resize, e -> updateMinSize());
        session.addListener(this);
        // follow the Batch Results view even when another part is active (e.g. while the operator edits parameters)
        getSite().getPage().addSelectionListener(BatchView.ID, selectionListener);
        selectionChanged(null, getSite().getPage().getSelection(BatchView.ID));
    }

    private void selectionChanged(IWorkbenchPart part, ISelection selection) {
        List<AnalysisEntry> entries = Sessions.entries(selection);
        if (!entries.isEmpty() && !content.isDisposed()) {
            List<AnalysisEntry> now = session.current(entries.subList(0, 1));
            if (!now.isEmpty()) {
                show(now.get(0));
            }
        }
    }

    /** Shows one entry's predictions. */
    public void show(AnalysisEntry entry) {
        shown = entry;
        for (Control c : content.getChildren()) {
            c.dispose();
        }
        title.setText(entry.displayName() + (entry.elementSymbol().isEmpty() ? "" : " (" + entry.elementSymbol()
                + ")") + (entry.classified() ? "" : ": not classified yet (XANES > Classify Selection)"));
        // every loaded model for the spectrum's element and edge, one group each, as the report's columns
        for (ModelPrediction mp : entry.predictions()) {
            addPrediction(mp);
        }
        entry.noModel().ifPresent(reason -> {
            Label l = new Label(content, SWT.WRAP);
            l.setText("No model answers this spectrum: " + reason + ". Load one for its element with XANES > Load"
                    + " Model.");
            l.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        });
        if (entry.problem() != null) {
            Label l = new Label(content, SWT.WRAP);
            l.setText(entry.problem());
            l.setForeground(content.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        }
        content.layout(true, true);
        updateMinSize();
        scroll.setOrigin(0, 0);
        title.getParent().layout(true, true);
    }

    private void updateMinSize() {
        int width = Math.max(scroll.getClientArea().width, 200);
        scroll.setMinSize(content.computeSize(width, SWT.DEFAULT));
    }

    private void addPrediction(ModelPrediction mp) {
        Prediction p = mp.prediction();
        Applicability a = p.applicability();
        Group g = new Group(content, SWT.NONE);
        g.setText(taskName(mp.task()));
        g.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        g.setLayout(new GridLayout(1, false));

        Label answer = new Label(g, SWT.NONE);
        answer.setText(p.label() == null ? "no prediction"
                : String.format(Locale.ROOT, "Predicted: %s (probability %.2f)", p.label(), p.confidence()));
        answer.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
        mp.oxidation().ifPresent(o -> new Label(g, SWT.NONE).setText(String.format(Locale.ROOT,
                "Oxidation state estimate: %.2f \u00b1 %.2f (expectation over the class probabilities)", o.mean(),
                o.spread())));

        Label verdict = new Label(g, SWT.WRAP);
        verdict.setText((a.inDomain() ? "\u2714 In domain: " : "\u26a0 Out of domain (" + a.verdict() + "): ")
                + a.reason());
        verdict.setForeground(g.getDisplay().getSystemColor(a.inDomain() ? SWT.COLOR_DARK_GREEN
                : SWT.COLOR_DARK_RED));
        verdict.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        if (p.probabilities().length > 0) {
            // drawn into an image, not a ChartComposite: on GTK3 a chart canvas inside a ScrolledComposite paints
            // outside the scrolled area (over the neighbouring views)
            int width = Math.max(scroll.getClientArea().width - 40, 240);
            int height = 40 + 24 * p.classes().size();
            Label bars = new Label(g, SWT.NONE);
            Image image = toImage(g.getDisplay(), probabilityChart(p, a.inDomain()), width, height);
            bars.setImage(image);
            bars.addListener(SWT.Dispose, e -> image.dispose());
            bars.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        }

        Label model = new Label(g, SWT.WRAP);
        model.setText("Model: " + mp.model().name() + "\nTraining data: " + mp.model().trainingSummary()
                + "\nAccuracy: " + mp.model().accuracySummary());
        model.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }

    /** Renders a chart to an SWT image through PNG bytes (AWT and SWT share no image type). */
    static Image toImage(Display display, JFreeChart chart, int widthPx, int heightPx) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(png, chart, widthPx, heightPx);
            return new Image(display, new ImageData(new ByteArrayInputStream(png.toByteArray())));
        } catch (IOException e) {
            // writing to memory cannot fail for I/O reasons; anything else is a chart bug worth seeing
            throw new UncheckedIOException("could not render the probability chart", e);
        }
    }

    static String taskName(String task) {
        return switch (task) {
            case "COORDINATION_NUMBER" -> "Coordination number";
            case "GEOMETRY" -> "Geometry";
            case "OXIDATION_STATE" -> "Oxidation state";
            default -> task;
        };
    }

    /** Horizontal bars, one per class; grey when the spectrum is outside the model's domain. */
    static JFreeChart probabilityChart(Prediction p, boolean inDomain) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        double[] probs = p.probabilities();
        for (int i = 0; i < probs.length; i++) {
            // the value goes into the category label: item labels get clipped on short bars
            ds.addValue(probs[i], "probability", String.format(Locale.ROOT, "%s  %.2f", p.classes().get(i), probs[i]));
        }
        CategoryAxis classes = new CategoryAxis(null);
        NumberAxis prob = new NumberAxis("probability");
        prob.setRange(0, 1.0);
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, inDomain ? new Color(0x1f, 0x77, 0xb4) : new Color(0x99, 0x99, 0x99));
        CategoryPlot plot = new CategoryPlot(ds, classes, prob, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    public AnalysisEntry shown() {
        return shown;
    }

    /** @return every label text in the view, top to bottom (tests assert on these) */
    public List<String> texts() {
        List<String> out = new java.util.ArrayList<>();
        out.add(title.getText());
        collect(content, out);
        return out;
    }

    private static void collect(Composite c, List<String> out) {
        for (Control child : c.getChildren()) {
            if (child instanceof Group g) {
                out.add(g.getText());
                collect(g, out);
            } else if (child instanceof Label l && l.getImage() == null) {
                out.add(l.getText());
            } else if (child instanceof Composite cc) {
                collect(cc, out);
            }
        }
    }

    @Override
    public void entriesChanged(List<AnalysisEntry> changed) {
        if (content.isDisposed()) {
            return;
        }
        content.getDisplay().asyncExec(() -> {
            if (content.isDisposed() || shown == null) {
                return;
            }
            session.entry(shown.key()).filter(now -> now != shown).ifPresent(this::show);
        });
    }

    @Override
    public void setFocus() {
        scroll.setFocus();
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

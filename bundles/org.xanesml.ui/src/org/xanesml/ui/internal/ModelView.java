/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.swt.ChartComposite;
import org.xanesml.classify.ModelDescriptor;
import org.xanesml.ui.internal.charts.ModelCharts;
import org.xanesml.ui.internal.session.AnalysisEntry;
import org.xanesml.ui.internal.session.AnalysisSession;
import org.xanesml.ui.internal.session.LoadedModel;

/**
 * One loaded model: its metrics (with intervals), the confusion matrix as a heat map, and energy-resolved feature
 * importance drawn over the model's typical spectrum.
 */
public final class ModelView extends ViewPart implements AnalysisSession.Listener {
    /** The part's own composite (screenshots, tests). */
    private Composite root;

    public Composite control() {
        return root;
    }

    public static final String ID = "org.xanesml.ui.modelView";

    private AnalysisSession session;
    private Combo models;
    private Text metrics;
    private ChartComposite confusion;
    private ChartComposite importance;
    private List<LoadedModel> listed = List.of();

    @Override
    public void createPartControl(Composite parent) {
        root = parent;
        session = Sessions.of(getSite().getWorkbenchWindow().getWorkbench());
        parent.setLayout(new GridLayout(2, false));
        new Label(parent, SWT.NONE).setText("Model:");
        models = new Combo(parent, SWT.READ_ONLY);
        models.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        models.addListener(SWT.Selection, e -> showSelected());
        // metrics and confusion matrix side by side on top, the energy-resolved importance full width below
        SashForm rows = new SashForm(parent, SWT.VERTICAL);
        rows.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        SashForm top = new SashForm(rows, SWT.HORIZONTAL);
        metrics = new Text(top, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        metrics.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont());
        confusion = new ChartComposite(top, SWT.NONE, null, true, false, false, false, true);
        top.setWeights(45, 55);
        importance = new ChartComposite(rows, SWT.NONE, null, true, false, false, false, true);
        rows.setWeights(50, 50);
        session.addListener(this);
        modelsChanged();
    }

    public void select(String name) {
        int i = models.indexOf(name);
        if (i >= 0) {
            models.select(i);
            showSelected();
        }
    }

    private void showSelected() {
        int i = models.getSelectionIndex();
        if (i < 0 || i >= listed.size()) {
            metrics.setText("No model loaded. Shipped models load at start; XANES > Load Model opens others.");
            confusion.setChart(null);
            importance.setChart(null);
            return;
        }
        LoadedModel m = listed.get(i);
        metrics.setText(describe(m));
        ModelDescriptor d = m.descriptor();
        JFreeChart cm = m.testMetrics().filter(t -> !t.confusionRows.isEmpty())
                .map(t -> ModelCharts.confusion(d.classes, ModelCharts.confusionRows(t))).orElse(null);
        confusion.setChart(cm);
        importance.setChart(ModelCharts.importance(d, typicalMu(m)));
        confusion.forceRedraw();
        importance.forceRedraw();
    }

    /** Mean training features, first block = mu on the grid when the recipe includes mu. */
    static double[] typicalMu(LoadedModel m) {
        ModelDescriptor.Recipe r = m.descriptor().recipe;
        double[] mean = m.bundle().domain().mean();
        if (r == null || !r.includeMu || mean.length < r.gridEv.length) {
            return null;
        }
        return Arrays.copyOf(mean, r.gridEv.length);
    }

    static String describe(LoadedModel m) {
        ModelDescriptor d = m.descriptor();
        StringBuilder sb = new StringBuilder();
        sb.append(m.name()).append('\n');
        sb.append("origin: ").append(m.origin()).append('\n');
        sb.append("element/edge: ").append(d.element).append(' ').append(d.edge).append("; task: ").append(d.task)
                .append('\n');
        sb.append("classes: ").append(String.join(", ", d.classes)).append('\n');
        if (d.learner != null) {
            sb.append("learner: ").append(d.learner.kind).append(' ').append(d.learner.wekaOptions == null ? ""
                    : d.learner.wekaOptions).append('\n');
        }
        sb.append("training: ").append(m.trainingSummary()).append('\n');
        if (d.training != null && d.training.trainClassCounts != null) {
            sb.append("train class counts: ").append(Arrays.toString(d.training.trainClassCounts)).append('\n');
        }
        for (ModelDescriptor.SplitMetrics s : d.metrics) {
            sb.append(String.format(Locale.ROOT, "%n[%s, n = %d]%n accuracy %.3f [%.3f, %.3f]%n balanced accuracy "
                    + "%.3f%n macro-F1 %.3f [%.3f, %.3f]%n calibration error %.3f%n", s.split, s.n, s.accuracy,
                    s.accuracyLow, s.accuracyHigh, s.balancedAccuracy, s.macroF1, s.macroF1Low, s.macroF1High,
                    s.expectedCalibrationError));
            if (s.recall != null && s.recall.length == d.classes.size()) {
                for (int c = 0; c < d.classes.size(); c++) {
                    sb.append(String.format(Locale.ROOT, "  %-18s precision %.2f recall %.2f%n", d.classes.get(c),
                            s.precision[c], s.recall[c]));
                }
            }
        }
        if (d.domain != null) {
            sb.append(String.format(Locale.ROOT, "%ndomain: %s%s; in domain: validation %.1f%%, test %.1f%%%n",
                    d.domain.method, d.domain.gridText(), 100 * d.domain.valInDomainFraction,
                    100 * d.domain.testInDomainFraction));
        }
        if (d.importance != null) {
            sb.append("importance: ").append(d.importance.method).append('\n');
        }
        sb.append("created: ").append(d.created).append('\n');
        return sb.toString();
    }

    public Text metricsText() {
        return metrics;
    }

    public Combo modelCombo() {
        return models;
    }

    @Override
    public void entriesChanged(List<AnalysisEntry> changed) {
        // the model view follows the loaded models, not the spectra
    }

    @Override
    public void modelsChanged() {
        if (models.isDisposed()) {
            return;
        }
        models.getDisplay().asyncExec(() -> {
            if (models.isDisposed()) {
                return;
            }
            String selected = models.getSelectionIndex() >= 0 ? models.getItem(models.getSelectionIndex()) : null;
            listed = session.models();
            models.setItems(listed.stream().map(LoadedModel::name).toArray(String[]::new));
            int i = selected == null ? 0 : Math.max(0, models.indexOf(selected));
            if (!listed.isEmpty()) {
                models.select(i);
            }
            showSelected();
        });
    }

    @Override
    public void setFocus() {
        models.setFocus();
    }

    @Override
    public void dispose() {
        if (session != null) {
            session.removeListener(this);
        }
        super.dispose();
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.testing.SharedData;
import org.xanesml.ui.internal.charts.SpectrumMode;
import org.xanesml.ui.internal.session.AnalysisEntry;
import org.xanesml.ui.internal.session.AnalysisSession;

/**
 * The real xanesml workbench (its own advisor, started here on a UI thread of its own, since Tycho's UI harness
 * insists on the IDE application) under Xvfb: opens
 * measured spectra from the shared data, classifies them through the command, and checks what the views show.
 * Screenshots of the window and of each view go to {@link SharedData#outputDir()}.
 */
class WorkbenchUiTest {
    static final String CUO = "data/experimental/XASDataLibrary/data/Cu/CuO_tenorite_13K_01.xdi";
    static final String CU2S = "data/experimental/XASDataLibrary/data/Cu/Cu2S_13K_01.xdi";
    static final long TIMEOUT_MS = 120_000;

    private Display display;
    private IWorkbenchPage page;
    private AnalysisSession session;
    /** Texts of every dialog that popped up, collected and closed by {@link #closeDialogs()}. */
    private final List<String> dialogTexts = new CopyOnWriteArrayList<>();
    private final List<IStatus> logged = new CopyOnWriteArrayList<>();
    private final ILogListener logListener = (status, plugin) -> logged.add(status);
    private boolean watchingDialogs;
    /** Dialog title -> screenshot file: {@link #closeDialogs()} saves the dialog before it closes it. */
    private final java.util.Map<String, String> dialogShots = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Throwable> dialogFailures = new CopyOnWriteArrayList<>();

    private static WorkbenchThread workbench;

    @BeforeAll
    static void startWorkbench() throws Exception {
        workbench = WorkbenchThread.start();
    }

    @AfterAll
    static void closeWorkbench() throws Exception {
        if (workbench != null) {
            workbench.close();
        }
    }

    @BeforeEach
    void openPerspective() throws Throwable {
        workbench.run(this::setUpOnUiThread);
    }

    private void setUpOnUiThread() throws Exception {
        IWorkbench wb = PlatformUI.getWorkbench();
        display = wb.getDisplay();
        page = wb.getActiveWorkbenchWindow().getActivePage();
        page.setPerspective(wb.getPerspectiveRegistry().findPerspectiveWithId(XanesPerspective.ID));
        wb.getActiveWorkbenchWindow().getShell().setSize(1400, 900);
        session = Sessions.of(wb);
        session.remove(session.entries().stream().map(AnalysisEntry::key).toList());
        Platform.addLogListener(logListener);
        watchingDialogs = true;
        display.timerExec(200, this::closeDialogs);
        waitFor(() -> session.models().size() >= 4, "the four shipped models to load");
    }

    @AfterEach
    void stopWatching() throws Throwable {
        workbench.run(this::tearDownOnUiThread);
    }

    private void tearDownOnUiThread() {
        watchingDialogs = false;
        Platform.removeLogListener(logListener);
        Job.getJobManager().cancel(Jobs.WATCH_FAMILY);
    }

    /** Closes any dialog (a shell other than the workbench window) after recording its texts. */
    private void closeDialogs() {
        if (!watchingDialogs || display.isDisposed()) {
            return;
        }
        Shell main = PlatformUI.getWorkbench().getActiveWorkbenchWindow() == null ? null
                : PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        for (Shell s : display.getShells()) {
            if (s != main && s.isVisible() && !s.isDisposed() && s.getParent() != null) {
                StringBuilder sb = new StringBuilder(s.getText());
                collectTexts(s, sb);
                dialogTexts.add(sb.toString());
                String shot = dialogShots.remove(s.getText());
                if (shot != null) {
                    try {
                        screenshot(s, shot);
                    } catch (Exception e) {
                        dialogFailures.add(e);
                    }
                }
                s.close();
            }
        }
        display.timerExec(200, this::closeDialogs);
    }

    private static void collectTexts(Composite c, StringBuilder sb) {
        for (Control child : c.getChildren()) {
            if (child instanceof Label l) {
                sb.append('\n').append(l.getText());
            } else if (child instanceof Text t) {
                sb.append('\n').append(t.getText());
            } else if (child instanceof org.eclipse.swt.custom.StyledText t) {
                sb.append('\n').append(t.getText());
            } else if (child instanceof Composite cc) {
                collectTexts(cc, sb);
            }
        }
    }

    private void waitFor(BooleanSupplier condition, String what) {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                fail("timed out after " + TIMEOUT_MS + " ms waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
    }

    /** Waits for xanesml jobs, then lets the views' asyncExec updates run. */
    private void settle() {
        waitFor(() -> Job.getJobManager().find(Jobs.FAMILY).length == 0, "xanesml jobs to finish");
        long end = System.currentTimeMillis() + 500;
        while (System.currentTimeMillis() < end) {
            while (display.readAndDispatch()) {
                // drain
            }
            display.timerExec(50, () -> { });
            display.sleep();
        }
    }

    private <T extends IViewPart> T view(String id, Class<T> type) throws Exception {
        return type.cast(page.showView(id));
    }

    @Test
    void openClassifyAndInspectAMeasuredCuSpectrum(@TempDir Path tmp) throws Throwable {
        workbench.run(() -> openClassifyAndInspect(tmp));
    }

    private void openClassifyAndInspect(Path tmp) throws Exception {
        Path cuo = SharedData.require(CUO);
        Path cu2s = SharedData.require(CU2S);
        Path bad = tmp.resolve("broken-scan.xdi");
        Files.writeString(bad, "# XDI/1.0\n# Column.1: energy eV\n# Column.2: mutrans\n#----\n"
                + "8900.0 0.1\n8901.0 not-a-number\n");

        BatchView batch = view(BatchView.ID, BatchView.class);
        // the bad file sits between the good ones: it is reported and the rest of the selection goes on
        batch.openDropped(new String[] {cuo.toString(), bad.toString(), cu2s.toString()});
        settle();
        waitFor(() -> dialogTexts.stream().anyMatch(t -> t.contains("broken-scan.xdi")),
                "the problem dialog naming the broken file");
        assertTrue(logged.stream().anyMatch(s -> s.getSeverity() == IStatus.ERROR
                && s.getMessage().contains("broken-scan.xdi")), "Error Log entry: " + logged);
        Table table = batch.viewer().getTable();
        assertEquals(2, table.getItemCount(), "both readable files are listed");
        assertEquals(BatchView.COLUMNS.size(), table.getColumnCount());

        // select CuO tenorite: the Spectrum view plots mu with its pre-/post-edge fits and an E0 marker
        AnalysisEntry cuoEntry = session.entries().stream().filter(e -> e.source().equals(cuo)).findFirst()
                .orElseThrow();
        batch.viewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(cuoEntry), true);
        SpectrumView spectrum = view(SpectrumView.ID, SpectrumView.class);
        settle();
        XYPlot plot = (XYPlot) spectrum.chart().getPlot();
        assertEquals(3, plot.getDataset().getSeriesCount(), "mu, pre-edge and post-edge");
        assertEquals(1, plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size(), "E0 marker");
        assertTrue(spectrum.statusLabel().getText().contains("E0 "), spectrum.statusLabel().getText());
        screenshot(spectrum.chartComposite().getParent(), "view-spectrum-raw.png");

        // crosshair read-out follows the mouse; the wheel zooms about the pointer
        Control canvas = spectrum.chartComposite().getChildren()[0];
        org.eclipse.swt.graphics.Rectangle area = spectrum.chartComposite().getScreenDataArea();
        org.eclipse.swt.widgets.Event move = new org.eclipse.swt.widgets.Event();
        move.x = area.x + area.width / 2;
        move.y = area.y + area.height / 2;
        canvas.notifyListeners(SWT.MouseMove, move);
        assertTrue(spectrum.readoutLabel().getText().matches("E = \\d+\\.\\d\\d eV, y = .*"),
                spectrum.readoutLabel().getText());
        double widthBefore = plot.getDomainAxis().getRange().getLength();
        org.eclipse.swt.widgets.Event wheel = new org.eclipse.swt.widgets.Event();
        wheel.x = move.x;
        wheel.y = move.y;
        wheel.count = 3;
        canvas.notifyListeners(SWT.MouseWheel, wheel);
        settle();
        double zoomedWidth = plot.getDomainAxis().getRange().getLength();
        assertTrue(zoomedWidth < widthBefore, "wheel zooms in");

        // live parameters: typing E0 re-normalises; reset goes back to automatic
        double autoE0 = cuoEntry.normalization().e0Ev();
        Text e0Field = spectrum.parameterFields()[0];
        e0Field.setText(String.format(java.util.Locale.ROOT, "%.1f", autoE0 + 4));
        e0Field.notifyListeners(SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
        waitFor(() -> session.entry(cuoEntry.key()).orElseThrow().parameters().e0Ev() != null, "re-normalisation");
        settle();
        assertEquals(autoE0 + 4, session.entry(cuoEntry.key()).orElseThrow().normalization().e0Ev(), 0.051);
        assertEquals(zoomedWidth, plot.getDomainAxis().getRange().getLength(), 1e-6,
                "re-normalising keeps the operator's zoom");
        spectrum.chartComposite().restoreAutoBounds();

        // classify the selection through the command, as the menu does
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.xanesml.ui.classify", null);
        settle();
        ClassificationView classification = view(ClassificationView.ID, ClassificationView.class);
        settle();
        List<String> texts = classification.texts();
        String all = String.join("\n", texts);
        assertTrue(all.contains("CuO_tenorite_13K_01.xdi"), all);
        assertTrue(all.contains("Coordination number"), all);
        assertTrue(all.contains("Model: cu/"), all);
        assertTrue(all.contains("Predicted: "), all);
        assertTrue(all.contains("In domain") || all.contains("Out of domain"), all);
        // the Cu models answer a Cu spectrum, as the command line chooses them; the Fe models are not asked
        assertTrue(all.contains("Geometry") && all.contains("Oxidation state"), all);
        assertTrue(all.contains("Oxidation state estimate: "), all);
        assertFalse(all.contains("WRONG_ELEMENT"), all);
        assertTrue(all.contains("Training data: "), all);
        assertTrue(all.contains("Accuracy: test accuracy"), all);
        screenshotView(classification, "view-classification.png");

        // the batch table shows the prediction and verdict; filter and sort work; CSV export writes the rows
        waitFor(() -> !BatchView.cell(firstRow(batch), 2).isEmpty(), "a prediction in the batch table");
        batch.filterText().setText("Cu2S");
        assertEquals(1, table.getItemCount());
        batch.filterText().setText("");
        assertEquals(2, table.getItemCount());
        table.getColumn(0).notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        String firstAscending = table.getItem(0).getText(0);
        table.getColumn(0).notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertFalse(firstAscending.equals(table.getItem(0).getText(0)), "second click reverses the order");
        Path csv = tmp.resolve("batch.csv");
        batch.exportCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(3, lines.size(), lines.toString());
        screenshotView(batch, "view-batch.png");

        // model view: metrics text, confusion matrix and importance charts for a shipped model
        ModelView model = view(ModelView.ID, ModelView.class);
        settle();
        assertTrue(model.modelCombo().getItemCount() >= 4);
        assertTrue(model.metricsText().getText().contains("accuracy"), model.metricsText().getText());
        screenshotView(model, "view-model.png");

        // overlay and the other modes, then exports
        batch.viewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(
                session.entries().toArray()), true);
        page.showView(SpectrumView.ID);
        spectrum.setMode(SpectrumMode.NORMALISED);
        settle();
        assertEquals(2, ((XYPlot) spectrum.chart().getPlot()).getDataset().getSeriesCount(), "overlay");
        screenshotView(spectrum, "view-spectrum-normalised-overlay.png");
        spectrum.setMode(SpectrumMode.DERIVATIVE);
        settle();
        screenshotView(spectrum, "view-spectrum-derivative.png");
        Path png = SharedData.outputDir().resolve("spectrum-export.png");
        Path svg = SharedData.outputDir().resolve("spectrum-export.svg");
        spectrum.export(png, "png");
        spectrum.export(svg, "svg");
        assertTrue(Files.size(png) > 1000);
        assertNotNull(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile())
                .getElementsByTagName("polyline").item(1), "two curves in the SVG");

        // the README picture: the whole perspective with a normalised spectrum and its prediction, automatic E0
        batch.viewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(
                session.entry(cuoEntry.key()).orElseThrow()), true);
        spectrum.resetToAutomatic();
        waitFor(() -> session.entry(cuoEntry.key()).orElseThrow().parameters().e0Ev() == null, "reset to automatic");
        settle();
        assertEquals(autoE0, session.entry(cuoEntry.key()).orElseThrow().normalization().e0Ev(), 1e-9);
        assertFalse(session.entry(cuoEntry.key()).orElseThrow().predictions().isEmpty(), "re-classified on reset");
        spectrum.setMode(SpectrumMode.NORMALISED);
        page.showView(ClassificationView.ID);
        settle();
        screenshotWindow("workbench.png");
    }

    @Test
    void watchedFolderStreamsNewFilesIntoTheBatchView(@TempDir Path tmp) throws Throwable {
        workbench.run(() -> watchFolder(tmp));
    }

    private void watchFolder(Path tmp) throws Exception {
        Path cuo = SharedData.require(CUO);
        BatchView batch = view(BatchView.ID, BatchView.class);
        new WatchFolderJob(session, tmp, false).schedule();
        settle();
        assertEquals(0, batch.viewer().getTable().getItemCount());
        Files.copy(cuo, tmp.resolve("scan-001.xdi"));
        waitFor(() -> batch.viewer().getTable().getItemCount() == 1, "the new scan in the batch table");
        waitFor(() -> !BatchView.cell(firstRow(batch), 2).isEmpty(), "its prediction");
        Job.getJobManager().cancel(Jobs.WATCH_FAMILY);
        waitFor(() -> Job.getJobManager().find(Jobs.WATCH_FAMILY).length == 0, "the watch to stop");
    }

    @Test
    void trainModelWizardAsksForDataLearnerAndEvaluation() throws Throwable {
        workbench.run(() -> {
            watchingDialogs = false;
            TrainModelWizard wizard = new TrainModelWizard(session);
            org.eclipse.jface.wizard.WizardDialog dialog = new org.eclipse.jface.wizard.WizardDialog(
                    PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
            dialog.setBlockOnOpen(false);
            dialog.open();
            try {
                assertEquals(List.of("data", "learner", "evaluation"),
                        java.util.Arrays.stream(wizard.getPages()).map(p -> p.getName()).toList());
                // nothing chosen yet: the data page says what is missing and Finish is off
                assertEquals("Choose the folder holding the spectra.", wizard.getPages()[0].getErrorMessage());
                assertFalse(wizard.canFinish());
                dialog.getShell().setSize(760, 520);
                settle();
                Shell shell = dialog.getShell();
                Point size = shell.getSize();
                Image image = new Image(display, size.x, size.y);
                GC gc = new GC(image);
                try {
                    shell.print(gc);
                } finally {
                    gc.dispose();
                }
                save(image, "dialog-train-model.png");
            } finally {
                dialog.close();
            }
        });
    }

    @Test
    void theReadDialogRefusesAMalformedMuExpressionAndKeepsTheLastChoice() throws Throwable {
        workbench.run(() -> {
            watchingDialogs = false;
            Shell parent = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
            org.eclipse.jface.dialogs.DialogSettings settings = new org.eclipse.jface.dialogs.DialogSettings("test");
            ReadOptionsDialog dialog = new ReadOptionsDialog(parent, settings);
            dialog.setBlockOnOpen(false);
            dialog.open();
            dialog.fill("xdi", "energy_readback", "sum(Fe_Ka_mca*/I0", true);
            dialog.okPressed();
            // still open, with the parser's reason, as the command line says it
            assertTrue(dialog.getShell() != null && !dialog.getShell().isDisposed());
            assertTrue(dialog.problem().contains("at character 15: expected ')'"), dialog.problem());
            dialog.fill("xdi", "energy_readback", "sum(Fe_Ka_mca*)/I0", true);
            dialog.okPressed();
            assertEquals(org.eclipse.jface.window.Window.OK, dialog.getReturnCode());
            org.xanesml.io.ReadOptions expected = org.xanesml.io.ReadOptions.of("xdi", "energy_readback",
                    "sum(Fe_Ka_mca*)/I0", "fail");
            assertEquals(expected, dialog.options());
            // the next dialog starts from this choice
            ReadOptionsDialog again = new ReadOptionsDialog(parent, settings);
            again.setBlockOnOpen(false);
            again.open();
            again.okPressed();
            assertEquals(expected, again.options());
        });
    }

    @Test
    void savedSessionReopensWithItsParameters(@TempDir Path tmp) throws Throwable {
        workbench.run(() -> {
            Path cuo = SharedData.require(CUO);
            new OpenSpectraJob(session, List.of(cuo)).schedule();
            settle();
            AnalysisEntry e = session.entries().get(0);
            new RenormaliseJob(session, List.of(e), e.parameters().withE0(8986.0).withNnorm(1)).schedule();
            settle();
            Path file = tmp.resolve("beamtime.xanesml.json");
            org.xanesml.ui.internal.session.SessionFile.write(file, session.entries(), session.models());
            session.remove(List.of(e.key()));
            assertTrue(session.entries().isEmpty());
            new OpenSessionJob(session, file).schedule();
            settle();
            AnalysisEntry back = session.entry(e.key()).orElseThrow();
            assertEquals(8986.0, back.normalization().e0Ev(), 1e-9);
            assertEquals(1, back.normalization().details().nnorm());
            assertFalse(back.predictions().isEmpty(), "classified again with the session's models");
        });
    }

    @Test
    void e0AppliesOnReturnAndWhenTheFieldIsLeftNotWhileHalfTyped() throws Throwable {
        workbench.run(() -> {
            AnalysisEntry entry = openAndShow(CUO);
            SpectrumView spectrum = view(SpectrumView.ID, SpectrumView.class);
            double autoE0 = entry.normalization().e0Ev();
            Text e0 = spectrum.parameterFields()[0];
            // half-way through typing an edge energy: "89" is none, and a pause in the typing must not apply it
            e0.setText("89");
            spin(4 * SpectrumView.RENORMALISE_DELAY_MS);
            settle();
            assertEquals(null, current(entry).parameters().e0Ev(), "a half-typed E0 was applied");
            assertEquals("89", e0.getText(), "the operator's typing stays as typed");

            // Return applies it
            double typed = Math.round((autoE0 + 3) * 10) / 10.0;
            e0.setText(String.format(java.util.Locale.ROOT, "%.1f", typed));
            e0.notifyListeners(SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
            waitFor(() -> Double.valueOf(typed).equals(current(entry).parameters().e0Ev()), "Return to apply E0");
            settle();
            assertEquals(typed, current(entry).normalization().e0Ev(), 1e-9);
            screenshotView(spectrum, "view-spectrum-e0-on-return.png");

            // leaving the field (Tab, a click elsewhere) applies it too
            double left = Math.round((autoE0 - 2) * 10) / 10.0;
            e0.setText(String.format(java.util.Locale.ROOT, "%.1f", left));
            e0.notifyListeners(SWT.FocusOut, new org.eclipse.swt.widgets.Event());
            waitFor(() -> Double.valueOf(left).equals(current(entry).parameters().e0Ev()), "focus-out to apply E0");
            settle();
            assertEquals(left, current(entry).normalization().e0Ev(), 1e-9);
            spectrum.resetToAutomatic();
            settle();
        });
    }

    @Test
    void preAndPostEdgeLinesHaveColoursOfTheirOwnAndALegend() throws Throwable {
        workbench.run(() -> {
            openAndShow(CUO);
            SpectrumView spectrum = view(SpectrumView.ID, SpectrumView.class);
            spectrum.setMode(SpectrumMode.RAW);
            settle();
            XYPlot plot = (XYPlot) spectrum.chart().getPlot();
            org.jfree.chart.renderer.xy.XYItemRenderer r = plot.getRenderer();
            java.awt.Color mu = seriesColour(plot, r, " \u03bc");
            java.awt.Color pre = seriesColour(plot, r, " pre-edge");
            java.awt.Color post = seriesColour(plot, r, " post-edge");
            assertTrue(hueDegrees(pre, post) >= 60, "pre-edge " + pre + " and post-edge " + post + " look alike");
            assertTrue(hueDegrees(pre, mu) >= 60, "pre-edge " + pre + " and mu " + mu + " look alike");
            assertTrue(hueDegrees(post, mu) >= 60, "post-edge " + post + " and mu " + mu + " look alike");
            assertNotNull(spectrum.chart().getLegend(), "a legend");
            assertTrue(spectrum.chart().getLegend().isVisible(), "the legend is shown");
            List<String> labels = new java.util.ArrayList<>();
            for (int i = 0; i < plot.getLegendItems().getItemCount(); i++) {
                org.jfree.chart.LegendItem item = plot.getLegendItems().get(i);
                labels.add(item.getLabel());
                if (item.getLabel().endsWith(" pre-edge")) {
                    assertEquals(pre, item.getLinePaint(), "the legend shows the pre-edge line's colour");
                }
            }
            assertTrue(labels.stream().anyMatch(l -> l.endsWith(" pre-edge"))
                    && labels.stream().anyMatch(l -> l.endsWith(" post-edge")), labels.toString());
            screenshotView(spectrum, "view-spectrum-raw-legend.png");
        });
    }

    @Test
    void theProblemDialogListsEachFailureOnce(@TempDir Path tmp) throws Throwable {
        workbench.run(() -> {
            watchingDialogs = false;
            List<String> names = List.of("broken-first.xdi", "broken-second.xdi");
            String[] paths = new String[names.size()];
            for (int i = 0; i < names.size(); i++) {
                Path bad = tmp.resolve(names.get(i));
                Files.writeString(bad, "# XDI/1.0\n# Column.1: energy eV\n# Column.2: mutrans\n#----\n"
                        + "8900.0 0.1\n8901.0 not-a-number\n");
                paths[i] = bad.toString();
            }
            view(BatchView.ID, BatchView.class).openDropped(paths);
            Shell main = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
            waitFor(() -> java.util.Arrays.stream(display.getShells()).anyMatch(s -> s != main && s.isVisible()),
                    "the problem dialog");
            Shell dialog = java.util.Arrays.stream(display.getShells()).filter(s -> s != main && s.isVisible())
                    .findFirst().orElseThrow();
            try {
                // open its details, where the failures are listed
                org.eclipse.swt.widgets.Button details = findButton(dialog, "Details");
                assertNotNull(details, "a Details button");
                details.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
                spin(300);
                StringBuilder sb = new StringBuilder();
                collectTexts(dialog, sb);
                String text = sb.toString();
                for (String n : names) {
                    assertEquals(1, occurrences(text, n), n + " listed " + occurrences(text, n) + " times:\n" + text);
                }
                screenshot(dialog, "dialog-problems.png");
            } finally {
                dialog.close();
            }
        });
    }

    @Test
    void fileAndHelpMenusOfferExportQuitAboutAndGettingStarted() throws Throwable {
        workbench.run(() -> {
            Shell main = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
            List<String> file = menuItems(main, "File");
            List<String> help = menuItems(main, "Help");
            assertTrue(file.stream().anyMatch(t -> t.startsWith("Export Athena Columns")), file.toString());
            assertTrue(file.contains("Quit\tCtrl+Q"), "File > Quit with Ctrl+Q: " + file);
            assertTrue(help.contains("About XANES-ML"), help.toString());
            assertTrue(help.stream().anyMatch(t -> t.startsWith("Getting Started")), help.toString());
            org.eclipse.ui.keys.IBindingService keys = PlatformUI.getWorkbench()
                    .getService(org.eclipse.ui.keys.IBindingService.class);
            assertTrue(java.util.Arrays.stream(keys.getActiveBindingsFor("org.eclipse.ui.file.exit"))
                    .anyMatch(k -> k.format().equals("Ctrl+Q")), "Ctrl+Q quits");
            assertTrue(PlatformUI.getWorkbench().getService(org.eclipse.ui.commands.ICommandService.class)
                    .getCommand("org.eclipse.ui.file.exit").isHandled(), "Quit has a handler");

            IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
            dialogShots.put("About XANES-ML", "dialog-about.png");
            handlers.executeCommand("org.xanesml.ui.about", null);
            dialogShots.put("Getting Started with XANES-ML", "dialog-getting-started.png");
            handlers.executeCommand("org.xanesml.ui.gettingStarted", null);
            settle();
            assertTrue(dialogFailures.isEmpty(), dialogFailures.toString());
            assertTrue(dialogTexts.stream().anyMatch(t -> t.startsWith("About XANES-ML")
                    && t.contains("org.xanesml.ui ") && t.contains("Java ")), dialogTexts.toString());
            assertTrue(dialogTexts.stream().anyMatch(t -> t.startsWith("Getting Started with XANES-ML")
                    && t.contains("Open Spectra") && t.contains("README")), dialogTexts.toString());
        });
    }

    @Test
    void fileExportWritesTheSelectedSpectraInAthenasColumns(@TempDir Path tmp) throws Throwable {
        workbench.run(() -> {
            AnalysisEntry cuo = openAndShow(CUO);
            AnalysisEntry cu2s = openAndShow(CU2S);
            Path out = Files.createDirectory(tmp.resolve("athena"));
            Path kept = Files.writeString(out.resolve("Cu2S_13K_01.nor"), "an earlier export\n");
            org.xanesml.ui.internal.session.AthenaFiles.Result r = org.xanesml.ui.internal.session.AthenaFiles
                    .write(session.current(List.of(cuo, cu2s)), out,
                            org.xanesml.workflow.report.AtomicFiles.standard());
            assertEquals(List.of(), r.problems());
            assertEquals(List.of(out.resolve("CuO_tenorite_13K_01.nor"), out.resolve("Cu2S_13K_01-2.nor")),
                    r.written());
            assertEquals("an earlier export\n", Files.readString(kept), "an existing file is never written over");
            for (int i = 0; i < 2; i++) {
                org.xanesml.preprocess.NormalizationResult n = current(i == 0 ? cuo : cu2s).normalization();
                Path f = r.written().get(i);
                assertEquals(n.size(), org.xanesml.io.SpectrumReaders.read(f).get(0).size(), f.toString());
                double[] norm = org.xanesml.io.SpectrumReaders.plainColumns(org.xanesml.io.ColumnChoice.of("energy",
                        "norm"), org.xanesml.io.EnergyOrderPolicy.REJECT).read(f).get(0).mu();
                org.junit.jupiter.api.Assertions.assertArrayEquals(n.norm(), norm, 1e-9, f.toString());
            }
        });
    }

    /** Opens one shared-data file, selects it in Batch Results and waits until the Spectrum view shows it. */
    private AnalysisEntry openAndShow(String relative) throws Exception {
        Path f = SharedData.require(relative);
        new OpenSpectraJob(session, List.of(f)).schedule();
        settle();
        AnalysisEntry entry = session.entries().stream().filter(e -> e.source().equals(f)).findFirst()
                .orElseThrow();
        BatchView batch = view(BatchView.ID, BatchView.class);
        batch.viewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(entry), true);
        view(SpectrumView.ID, SpectrumView.class);
        settle();
        return entry;
    }

    private AnalysisEntry current(AnalysisEntry e) {
        return session.entry(e.key()).orElseThrow();
    }

    /** Runs the event loop for about {@code ms} milliseconds (timers fire, as when the operator pauses). */
    private void spin(long ms) {
        long end = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < end) {
            while (display.readAndDispatch()) {
                // drain
            }
            display.timerExec(20, () -> { });
            display.sleep();
        }
    }

    private static java.awt.Color seriesColour(XYPlot plot, org.jfree.chart.renderer.xy.XYItemRenderer r,
            String suffix) {
        for (int s = 0; s < plot.getDataset().getSeriesCount(); s++) {
            if (String.valueOf(plot.getDataset().getSeriesKey(s)).endsWith(suffix)) {
                return (java.awt.Color) r.getSeriesPaint(s);
            }
        }
        throw new AssertionError("no series ending in '" + suffix + "'");
    }

    /** @return the hue difference of two colours, 0..180 degrees */
    private static double hueDegrees(java.awt.Color a, java.awt.Color b) {
        float ha = java.awt.Color.RGBtoHSB(a.getRed(), a.getGreen(), a.getBlue(), null)[0];
        float hb = java.awt.Color.RGBtoHSB(b.getRed(), b.getGreen(), b.getBlue(), null)[0];
        double d = Math.abs(ha - hb) * 360;
        return Math.min(d, 360 - d);
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    private static org.eclipse.swt.widgets.Button findButton(Composite c, String textStart) {
        for (Control child : c.getChildren()) {
            if (child instanceof org.eclipse.swt.widgets.Button b && b.getText().replace("&", "")
                    .startsWith(textStart)) {
                return b;
            }
            if (child instanceof Composite cc) {
                org.eclipse.swt.widgets.Button found = findButton(cc, textStart);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** @return the texts of a top-level menu's items (mnemonics removed), after letting its manager fill it */
    private static List<String> menuItems(Shell shell, String menu) {
        for (org.eclipse.swt.widgets.MenuItem top : shell.getMenuBar().getItems()) {
            if (top.getText().replace("&", "").equals(menu) && top.getMenu() != null) {
                top.getMenu().notifyListeners(SWT.Show, new org.eclipse.swt.widgets.Event());
                List<String> out = new java.util.ArrayList<>();
                for (org.eclipse.swt.widgets.MenuItem item : top.getMenu().getItems()) {
                    if (!item.getText().isEmpty()) {
                        out.add(item.getText().replace("&", ""));
                    }
                }
                top.getMenu().notifyListeners(SWT.Hide, new org.eclipse.swt.widgets.Event());
                return out;
            }
        }
        throw new AssertionError("no " + menu + " menu in the menu bar");
    }

    private static AnalysisEntry firstRow(BatchView batch) {
        return (AnalysisEntry) batch.viewer().getElementAt(0);
    }

    private void screenshot(Control control, String name) throws Exception {
        if (control == null || name == null) {
            return;
        }
        Point size = control.getSize();
        Image image = new Image(display, Math.max(size.x, 1), Math.max(size.y, 1));
        GC gc = new GC(image);
        try {
            control.print(gc);
        } finally {
            gc.dispose();
        }
        save(image, name);
    }

    private void screenshotView(IViewPart view, String name) throws Exception {
        page.activate(view);
        settle();
        Control c;
        if (view instanceof BatchView v) {
            c = v.control();
        } else if (view instanceof SpectrumView v) {
            c = v.control();
        } else if (view instanceof ClassificationView v) {
            c = v.control();
        } else if (view instanceof ModelView v) {
            c = v.control();
        } else {
            throw new IllegalArgumentException("no screenshot for " + view);
        }
        screenshot(c, name);
    }

    /**
     * The window as on screen (GC.copyArea from the display), after forcing a full repaint: Control.print lets the
     * charts inside the Classification view's scrolled area paint outside it.
     */
    private void screenshotWindow(String name) throws Exception {
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        shell.forceActive();
        shell.layout(true, true);
        settle();
        shell.redraw(0, 0, shell.getSize().x, shell.getSize().y, true);
        shell.update();
        settle();
        org.eclipse.swt.graphics.Rectangle b = shell.getBounds();
        Image image = new Image(display, b.width, b.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, b.x, b.y);
        } finally {
            gc.dispose();
        }
        save(image, name);
    }

    private static void save(Image image, String name) throws Exception {
        try {
            ImageLoader loader = new ImageLoader();
            ImageData data = image.getImageData();
            loader.data = new ImageData[] {data};
            Path out = SharedData.outputDir().resolve(name);
            Files.createDirectories(out.getParent());
            loader.save(out.toString(), SWT.IMAGE_PNG);
        } finally {
            image.dispose();
        }
    }
}

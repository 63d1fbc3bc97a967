/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.statushandlers.StatusManager;
import org.xanesml.classify.Applicability;
import org.xanesml.classify.Task;
import org.xanesml.ui.internal.session.AnalysisEntry;
import org.xanesml.ui.internal.session.AnalysisSession;
import org.xanesml.ui.internal.session.BatchCsv;
import org.xanesml.ui.internal.session.ModelPrediction;

/**
 * Every open spectrum as a row: file, element, prediction, probability, verdict, warnings. Sortable by any column,
 * filtered by free text, exported as CSV; double-click opens the spectrum; files and folders dropped here are opened.
 * It is the selection provider the other views follow.
 */
public final class BatchView extends ViewPart implements AnalysisSession.Listener {
    /** The part's own composite (screenshots, tests). */
    private Composite root;

    public Composite control() {
        return root;
    }

    public static final String ID = "org.xanesml.ui.batchView";
    /** Column titles, in table order (tests look columns up by these). */
    public static final List<String> COLUMNS = List.of("File", "Element", "CN", "Geometry", "Oxidation state",
            "Status", "Warnings");
    /** The task each answer column shows, by column index (2, 3, 4). */
    private static final List<String> TASKS = List.of(Task.COORDINATION_NUMBER.name(), Task.GEOMETRY.name(),
            Task.OXIDATION_STATE.name());
    private static final int FIRST_TASK = 2;
    /** The status column, after the answer columns (a constant: switch labels need one). */
    private static final int STATUS = 5;

    private AnalysisSession session;
    private TableViewer viewer;
    private Text filter;
    private Label count;
    private final RowSorter sorter = new RowSorter();

    @Override
    public void createPartControl(Composite parent) {
        root = parent;
        session = Sessions.of(getSite().getWorkbenchWindow().getWorkbench());
        parent.setLayout(new GridLayout(4, false));
        new Label(parent, SWT.NONE).setText("Filter:");
        filter = new Text(parent, SWT.BORDER | SWT.SEARCH | SWT.ICON_CANCEL);
        filter.setMessage("text in any column, e.g. Cu, 6, UNLIKE");
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button export = new Button(parent, SWT.PUSH);
        export.setText("Export CSV\u2026");
        export.addListener(SWT.Selection, e -> exportCsvDialog());
        count = new Label(parent, SWT.NONE);
        count.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));

        viewer = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        int[] widths = {240, 60, 150, 200, 190, 120, 300};
        for (int i = 0; i < COLUMNS.size(); i++) {
            int column = i;
            TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
            c.getColumn().setText(COLUMNS.get(i));
            c.getColumn().setWidth(widths[i]);
            c.getColumn().setMoveable(true);
            c.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return cell((AnalysisEntry) element, column);
                }

                @Override
                public String getToolTipText(Object element) {
                    return tooltip((AnalysisEntry) element, column);
                }

                @Override
                public Color getForeground(Object element) {
                    AnalysisEntry e = (AnalysisEntry) element;
                    boolean failed = e.problem() != null;
                    boolean bad = column == STATUS && !List.of("OK", "not classified").contains(BatchCsv.status(e))
                            || column >= FIRST_TASK && column < STATUS && task(e, column)
                                    .map(p -> !p.prediction().applicability().inDomain()).orElse(false);
                    return bad || failed && column == COLUMNS.size() - 1
                            ? table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null;
                }
            });
            c.getColumn().addListener(SWT.Selection, e -> sortBy(column, c.getColumn()));
        }
        ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setComparator(sorter);
        viewer.addFilter(new TextFilter());
        filter.addListener(SWT.Modify, e -> {
            viewer.refresh();
            updateCount();
        });
        viewer.addDoubleClickListener(e -> openSpectrumView());
        getSite().setSelectionProvider(viewer);

        MenuManager menu = new MenuManager();
        menu.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        table.setMenu(menu.createContextMenu(table));
        getSite().registerContextMenu(menu, viewer);

        DropTarget drop = new DropTarget(table, DND.DROP_COPY | DND.DROP_DEFAULT | DND.DROP_LINK);
        drop.setTransfer(new Transfer[] {FileTransfer.getInstance()});
        drop.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                event.detail = DND.DROP_COPY;
            }

            @Override
            public void drop(DropTargetEvent event) {
                if (event.data instanceof String[] names) {
                    openDropped(names);
                }
            }
        });

        session.addListener(this);
        viewer.setInput(session.entries());
        updateCount();
    }

    /** Opens dropped files and folders (also the drop target's entry point in tests). */
    void openDropped(String[] names) {
        List<Path> paths = new ArrayList<>();
        for (String n : names) {
            paths.add(Path.of(n));
        }
        new OpenSpectraJob(session, paths).schedule();
    }

    /** @return the text of a cell: each answer column shows one model's answer, side by side */
    static String cell(AnalysisEntry e, int column) {
        return switch (column) {
            case 0 -> e.folderAndName();
            case 1 -> e.elementSymbol();
            case FIRST_TASK, FIRST_TASK + 1, FIRST_TASK + 2 -> task(e, column).map(ModelPrediction::summary)
                    .orElse("");
            case STATUS -> BatchCsv.status(e);
            case STATUS + 1 -> String.join("; ", e.warnings());
            default -> throw new IllegalArgumentException("no column " + column);
        };
    }

    private static Optional<ModelPrediction> task(AnalysisEntry e, int column) {
        return e.prediction(TASKS.get(column - FIRST_TASK));
    }

    /** @return the full path of the file; the model, probabilities and reason of an answer */
    static String tooltip(AnalysisEntry e, int column) {
        if (column == 0) {
            return e.source().toString();
        }
        if (column < FIRST_TASK || column >= STATUS) {
            return null;
        }
        return task(e, column).map(p -> {
            StringBuilder sb = new StringBuilder(p.model().name());
            List<String> classes = p.prediction().classes();
            double[] probabilities = p.prediction().probabilities();
            for (int i = 0; i < probabilities.length; i++) {
                sb.append(String.format(Locale.ROOT, "%np(%s) = %.3f", classes.get(i), probabilities[i]));
            }
            Applicability a = p.prediction().applicability();
            return sb.append('\n').append(a.verdict()).append(a.inDomain() ? "" : ": " + a.reason()).toString();
        }).orElse(null);
    }

    private void sortBy(int column, TableColumn tc) {
        sorter.sortBy(column);
        viewer.getTable().setSortColumn(tc);
        viewer.getTable().setSortDirection(sorter.descending ? SWT.DOWN : SWT.UP);
        viewer.refresh();
    }

    /** Sorts by one column (click again to reverse). */
    private static final class RowSorter extends ViewerComparator {
        private int column = -1;
        private boolean descending;

        void sortBy(int c) {
            descending = c == column && !descending;
            column = c;
        }

        @Override
        public int compare(Viewer v, Object a, Object b) {
            if (column < 0) {
                return 0;
            }
            AnalysisEntry x = (AnalysisEntry) a;
            AnalysisEntry y = (AnalysisEntry) b;
            int r = cell(x, column).compareToIgnoreCase(cell(y, column));
            return descending ? -r : r;
        }
    }

    private final class TextFilter extends ViewerFilter {
        @Override
        public boolean select(Viewer v, Object parent, Object element) {
            String q = filter.getText().strip().toLowerCase(Locale.ROOT);
            if (q.isEmpty()) {
                return true;
            }
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (cell((AnalysisEntry) element, i).toLowerCase(Locale.ROOT).contains(q)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** @return the entries as shown (filtered and sorted), for CSV export */
    public List<AnalysisEntry> visibleEntries() {
        List<AnalysisEntry> out = new ArrayList<>();
        for (int i = 0; i < viewer.getTable().getItemCount(); i++) {
            out.add((AnalysisEntry) viewer.getElementAt(i));
        }
        return out;
    }

    public TableViewer viewer() {
        return viewer;
    }

    public Text filterText() {
        return filter;
    }

    /** Writes the visible rows as CSV. */
    public void exportCsv(Path file) throws IOException {
        Files.writeString(file, BatchCsv.write(visibleEntries()), StandardCharsets.UTF_8);
    }

    private void exportCsvDialog() {
        FileDialog d = new FileDialog(getSite().getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] {"*.csv"});
        d.setFileName("xanesml-batch.csv");
        d.setOverwrite(true);
        String f = d.open();
        if (f != null) {
            try {
                exportCsv(Path.of(f));
            } catch (IOException e) {
                StatusManager.getManager().handle(Jobs.error("Could not write " + f + ": " + e.getMessage(), e),
                        StatusManager.LOG | StatusManager.SHOW);
            }
        }
    }

    private void openSpectrumView() {
        try {
            getSite().getPage().showView(SpectrumView.ID);
        } catch (PartInitException e) {
            StatusManager.getManager().handle(e.getStatus(), StatusManager.LOG | StatusManager.SHOW);
        }
    }

    @Override
    public void entriesChanged(List<AnalysisEntry> changed) {
        Table t = viewer.getTable();
        if (t.isDisposed()) {
            return;
        }
        t.getDisplay().asyncExec(this::refreshKeepingSelection);
    }

    private void refreshKeepingSelection() {
        if (viewer.getTable().isDisposed()) {
            return;
        }
        Set<String> keys = new HashSet<>();
        Sessions.entries(viewer.getStructuredSelection()).forEach(e -> keys.add(e.key()));
        List<AnalysisEntry> all = session.entries();
        viewer.setInput(all);
        List<AnalysisEntry> again = new ArrayList<>();
        for (AnalysisEntry e : all) {
            if (keys.contains(e.key())) {
                again.add(e);
            }
        }
        // re-selecting the new versions tells the other views that the selected spectra changed
        if (!again.isEmpty()) {
            viewer.setSelection(new StructuredSelection(again));
        }
        updateCount();
    }

    private void updateCount() {
        count.setText(viewer.getTable().getItemCount() + " of " + session.entries().size() + " spectra");
        count.getParent().layout(new org.eclipse.swt.widgets.Control[] {count});
    }

    @Override
    public void setFocus() {
        viewer.getTable().setFocus();
    }

    @Override
    public void dispose() {
        if (session != null) {
            session.removeListener(this);
        }
        super.dispose();
    }
}

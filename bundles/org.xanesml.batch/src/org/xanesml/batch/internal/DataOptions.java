/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.xanesml.classify.LabelTable;
import org.xanesml.classify.Task;
import org.xanesml.core.Element;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Labelled-data options shared by {@code train} and {@code evaluate}: where spectra and labels come from. */
final class DataOptions {
    @Option(names = "--data", paramLabel = "PATH",
            description = "Spectra: a folder of files, a FEFF run tree or .tar.gz (OmniXAS layout), a XANESNET preconv"
                    + " tree or .tar.gz, a spectra table (spectra.csv.gz) or an XDI folder. Repeatable.")
    List<Path> data = new ArrayList<>();

    @Option(names = "--data-format", description = "How to read --data: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}:"
            + " tables by name, FEFF/XANESNET trees by layout, else a folder of files).")
    LabelledData.Format format = LabelledData.Format.AUTO;

    @Option(names = "--labels", paramLabel = "CSV",
            description = "Labels table with an id column and a label column.")
    Path labels;

    @Option(names = "--id-column", paramLabel = "NAME", description = "Id column of the labels table (default: 'id',"
            + " else 'name').")
    String idColumn;

    @Option(names = "--label-column", paramLabel = "NAME", description = "Label column (default: the task's column"
            + " as 'xanesml labels' writes it: cn, geometry or oxidation_state).")
    String labelColumn;

    @Option(names = "--group-column", paramLabel = "NAME", description = "Group column (e.g. mp_id): sites of one"
            + " group never straddle splits (default: the collection's material id).")
    String groupColumn;

    @Option(names = "--where", paramLabel = "COL=VALUE", description = "Keep only rows whose column has this value"
            + " (alternatives with '|'). Repeatable; all must hold.")
    List<String> where = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "COL=VALUE", description = "Drop rows whose column has this value."
            + " Repeatable.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--source-normalised", description = "The collection's mu is already edge-normalised by its"
            + " source (e.g. XANESNET's convolved FDMNES files, which do not say so): keep it, only find E0."
            + " FEFF files and the shared tables are recognised without this.")
    boolean sourceNormalised;

    @Option(names = {"-r", "--recursive"}, description = "Descend into sub-folders of a folder of files.")
    boolean recursive;

    LabelTable.Columns columns(Task task) {
        return new LabelTable.Columns(idColumn, labelColumn != null ? labelColumn : LabelTable.columnOf(task),
                groupColumn, where.stream().map(LabelTable.Filter::parse).toList(),
                exclude.stream().map(LabelTable.Filter::parse).toList());
    }

    /**
     * @throws ParameterException (a usage error, exit 2) when --data or --labels is missing: they are required for
     *                            every use but evaluate --measured, so picocli cannot require them itself
     */
    void require(CommandLine cmd) {
        if (data.isEmpty() || labels == null) {
            throw new ParameterException(cmd, "Missing required option" + (data.isEmpty() && labels == null ? "s"
                    : "") + ": " + (data.isEmpty() ? "'--data=PATH'" : "") + (data.isEmpty() && labels == null
                            ? ", " : "") + (labels == null ? "'--labels=CSV'" : ""));
        }
    }

    /** Reads labels and spectra and tells the user how many of each were kept. */
    Training.Loaded load(Task task, Element element, RunOptions run, PrintWriter err) throws IOException {
        LabelTable table = LabelTable.read(labels, columns(task));
        PrintWriter notes = run.notes(err);
        notes.println(String.format(Locale.ROOT, "%s: %d rows, %d pass the filters, %d with a '%s' label", labels,
                table.rows(), table.kept(), table.labels().size(), table.column()));
        Training.Loaded loaded = LabelledData.load(data, format, element, recursive, sourceNormalised, table, run.threads(),
                Progress.forConsole(err, "spectra", run.quiet));
        Reports.listFailures(loaded.report(), err, 20);
        notes.println(String.format(Locale.ROOT, "%d labelled spectra, %d left out by --where/--exclude, %d without"
                + " a label, %d failed", loaded.items().size(), loaded.filteredOut(), loaded.unlabelled(),
                loaded.report().count(org.xanesml.workflow.report.ReportRow.Status.FAILED)));
        return loaded;
    }

    /** The options as they were given, for a model's rebuild command. */
    String commandLine() {
        StringBuilder sb = new StringBuilder();
        data.forEach(d -> sb.append(" --data ").append(d));
        if (format != LabelledData.Format.AUTO) {
            sb.append(" --data-format ").append(format);
        }
        sb.append(" --labels ").append(labels);
        append(sb, "--id-column", idColumn);
        append(sb, "--label-column", labelColumn);
        append(sb, "--group-column", groupColumn);
        where.forEach(w -> append(sb, "--where", w));
        exclude.forEach(w -> append(sb, "--exclude", w));
        if (sourceNormalised) {
            sb.append(" --source-normalised");
        }
        if (recursive) {
            sb.append(" -r");
        }
        return sb.toString();
    }

    static void append(StringBuilder sb, String option, Object value) {
        if (value != null) {
            String v = value.toString();
            sb.append(' ').append(option).append(' ').append(v.matches("[A-Za-z0-9_./:=,+-]+") ? v : "'" + v + "'");
        }
    }
}

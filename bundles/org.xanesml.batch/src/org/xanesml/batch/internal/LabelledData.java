/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.xanesml.classify.LabelTable;
import org.xanesml.classify.LabelledSpectrum;
import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.MuScale;
import org.xanesml.io.collection.CollectionEntry;
import org.xanesml.io.collection.CollectionProblem;
import org.xanesml.io.collection.FeffRunTree;
import org.xanesml.io.collection.SharedSpectraTable;
import org.xanesml.io.collection.SpectrumCollection;
import org.xanesml.io.collection.XanesnetPreconv;
import org.xanesml.io.collection.XdiFolder;
import org.xanesml.workflow.PipelineRunner;
import org.xanesml.workflow.ProcessingStep;
import org.xanesml.workflow.SpectrumRecord;
import org.xanesml.workflow.StepContext;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepNames;
import org.xanesml.workflow.StepParameters;
import org.xanesml.workflow.StepServices;
import org.xanesml.workflow.WorkItem;
import org.xanesml.workflow.report.Report;
import org.xanesml.workflow.report.ReportRow;

/**
 * Labelled spectra for train and evaluate, from any source the io bundle reads: a folder of spectrum files (each
 * read and normalised by the pipeline steps classify uses), a FEFF run tree (folder or {@code .tar.gz}, OmniXAS
 * layout), a XANESNET preconv tree or archive, a shared spectra table ({@code spectra.csv.gz}) or an XDI folder or
 * archive. Collection spectra go through the same normalise step as files do (already edge-normalised spectra keep
 * their mu and only get E0), so a model sees the same preprocessing in training and in use.
 */
final class LabelledData {
    /** How to read {@code --data}. */
    enum Format {
        /** From the name: {@code *.csv[.gz]} table, FEFF/XANESNET trees by their layout, else a folder of files. */
        AUTO,
        /** Every file below the folder, format detected per file. */
        FILES,
        /** FEFF run tree ({@code <material>/FEFF-XANES/<site>_<El>/xmu.dat}), folder or .tar.gz. */
        FEFF,
        /** XANESNET preconv tree ({@code xanes_<split>/<name>.txt}), folder or .tar.gz. */
        XANESNET,
        /** Shared spectra table: one spectrum a row, energy and mu as space-separated lists. */
        TABLE,
        /** XDI files below a folder or inside a .tar.gz, recognised by content. */
        XDI
    }

    private LabelledData() {
    }

    /**
     * @param element absorber of every spectrum; tables and XANESNET trees do not state it
     * @throws IOException when a source cannot be read at all (not for single bad members: those are failures)
     */
    static Training.Loaded load(List<Path> sources, Format format, Element element, boolean recursive,
            LabelTable labels, int threads, PipelineRunner.Listener progress) throws IOException {
        return load(sources, format, element, recursive, false, labels, threads, progress);
    }

    /**
     * @param sourceNormalised treat collection spectra as edge-normalised by their source (simulation output that
     *                         the reader cannot recognise as such, e.g. XANESNET's convolved FDMNES files): their
     *                         mu is kept and only E0 is found, as for the shared tables
     */
    static Training.Loaded load(List<Path> sources, Format format, Element element, boolean recursive,
            boolean sourceNormalised, LabelTable labels, int threads, PipelineRunner.Listener progress)
            throws IOException {
        Format f = format == Format.AUTO ? detect(sources.get(0)) : format;
        if (f == Format.FILES) {
            List<Path> files = new ArrayList<>();
            for (Path s : sources) {
                files.addAll(Files.isDirectory(s) ? Inputs.folder(s, recursive) : List.of(s));
            }
            return Training.load(files, labels, threads, progress);
        }
        List<ReportRow> failures = new ArrayList<>();
        List<CollectionEntry> entries = new ArrayList<>();
        // the file or archive each entry came from, to name in its failure
        List<Path> from = new ArrayList<>();
        for (Path s : sources) {
            SpectrumCollection c = read(s, f, element);
            entries.addAll(c.entries());
            c.entries().forEach(e -> from.add(s));
            for (CollectionProblem p : c.problems()) {
                failures.add(failure(failures.size(), p.location(), p.message()));
            }
        }
        List<CollectionEntry> labelled = new ArrayList<>();
        List<Path> labelledFrom = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        int unlabelled = 0;
        int filteredOut = 0;
        for (int i = 0; i < entries.size(); i++) {
            CollectionEntry e = entries.get(i);
            String key = labels.keyOf(names(e), null);
            if (key == null && labels.filteredOut(names(e), null)) {
                filteredOut++;
            } else if (key == null) {
                unlabelled++;
            } else {
                labelled.add(e);
                labelledFrom.add(from.get(i));
                keys.add(key);
            }
        }
        List<SpectrumRecord> normalised = normalise(labelled, sourceNormalised, threads, progress);
        List<LabelledSpectrum> items = new ArrayList<>();
        List<ReportRow> rows = new ArrayList<>(failures);
        for (int i = 0; i < normalised.size(); i++) {
            SpectrumRecord r = normalised.get(i);
            String key = keys.get(i);
            if (r.failed()) {
                // The file or archive the user can open, not only the table's id of the spectrum.
                String where = labelledFrom.get(i) + " (" + key + ")";
                rows.add(failure(rows.size(), where, where + ": " + r.error()));
                continue;
            }
            // The spectrum takes the table's id, so split files keyed like the labels table find it.
            String group = labels.groups().getOrDefault(key, labelled.get(i).id().material());
            items.add(new LabelledSpectrum(r.current().toBuilder().id(key).build(), labels.labels().get(key), group));
        }
        Report report = new Report("labelled data", Map.of("source", sources.toString(), "format", f.name()), rows,
                List.of(), java.util.Optional.empty());
        return new Training.Loaded(items, report, unlabelled, filteredOut);
    }

    /** The names a collection entry may have in a labels table, most specific first. */
    static List<String> names(CollectionEntry e) {
        String material = e.id().material();
        String stem = material.substring(material.lastIndexOf('/') + 1);
        return Stream.of(e.id().toString(), e.spectrum().id(), material, stem).distinct().toList();
    }

    static Format detect(Path source) throws IOException {
        String name = source.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(source)) {
            if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
                return Format.TABLE;
            }
            if (name.endsWith(".tar.gz") || name.endsWith(".tgz") || name.endsWith(".tar")) {
                if (name.contains("feff")) {
                    return Format.FEFF;
                }
                if (name.contains("preconv") || name.contains("xanesnet")) {
                    return Format.XANESNET;
                }
                throw new IOException(source + ": cannot tell the archive's layout from its name; give --data-format"
                        + " FEFF, XANESNET or XDI");
            }
            return Format.FILES;
        }
        if (!Files.isDirectory(source)) {
            throw new IOException(source + ": no such file or folder");
        }
        try (Stream<Path> s = Files.walk(source, 4)) {
            List<String> dirs = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
            if (dirs.contains("FEFF-XANES")) {
                return Format.FEFF;
            }
            if (dirs.stream().anyMatch(d -> d.startsWith("xanes_"))) {
                return Format.XANESNET;
            }
        } catch (java.io.UncheckedIOException e) {
            throw new IOException(source + ": cannot list the folder (" + e.getMessage() + ")", e);
        }
        return Format.FILES;
    }

    private static SpectrumCollection read(Path source, Format f, Element element) throws IOException {
        try {
            return switch (f) {
                case FEFF -> FeffRunTree.read(source);
                case XANESNET -> XanesnetPreconv.read(source, Edge.K, false);
                case TABLE -> {
                    if (element == null) {
                        throw new IllegalArgumentException(source + ": a spectra table does not name its absorber;"
                                + " give --element");
                    }
                    // Both shared tables hold FEFF/FDMNES mu that is already edge-step normalised.
                    yield SharedSpectraTable.read(source, element, Edge.K, MuScale.EDGE_NORMALIZED);
                }
                case XDI -> XdiFolder.read(source);
                default -> throw new IllegalStateException("not a collection format: " + f);
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(source + ": reading was interrupted", e);
        }
    }

    /** Runs the normalise step on every entry, in parallel, keeping the input order. */
    private static List<SpectrumRecord> normalise(List<CollectionEntry> entries, boolean sourceNormalised,
            int threads, PipelineRunner.Listener progress) throws IOException {
        try (StepServices steps = StepServices.open()) {
            ProcessingStep step = steps.catalog().step(StepNames.NORMALISE);
            StepParameters params = StepParameters.of(step, Map.of());
            StepContext.Shared shared = new StepContext.Shared();
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
            try {
                int chunk = 64;
                List<Future<List<SpectrumRecord>>> parts = new ArrayList<>();
                for (int from = 0; from < entries.size(); from += chunk) {
                    List<CollectionEntry> slice = entries.subList(from, Math.min(entries.size(), from + chunk));
                    int first = from;
                    parts.add(pool.submit(() -> {
                        StepContext context = new StepContext(shared);
                        List<SpectrumRecord> out = new ArrayList<>(slice.size());
                        for (int i = 0; i < slice.size(); i++) {
                            CollectionEntry e = slice.get(i);
                            // A work item names its input; for a collection member that is its id.
                            org.xanesml.core.Spectrum sp = sourceNormalised
                                    ? e.spectrum().toBuilder().muScale(MuScale.EDGE_NORMALIZED).build()
                                    : e.spectrum();
                            WorkItem item = new WorkItem(first + i, Path.of(e.id().toString()),
                                    List.of(SpectrumRecord.of(sp)));
                            out.add(step.apply(item, params, context).spectra().get(0));
                        }
                        return out;
                    }));
                }
                List<SpectrumRecord> all = new ArrayList<>(entries.size());
                for (Future<List<SpectrumRecord>> p : parts) {
                    all.addAll(p.get());
                    if (progress != null) {
                        progress.finished(all.size(), entries.size(), null, List.of());
                    }
                }
                return all;
            } finally {
                // before the step services are released: after a failure, stop what still uses the step
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("normalisation was interrupted", e);
        } catch (ExecutionException e) {
            // A step throws only on a bug (bad input is a failed record): the handler logs its trace.
            throw new IllegalStateException("normalisation failed", e.getCause());
        } catch (StepException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static ReportRow failure(int index, String location, String message) {
        return ReportRow.failedInput(index, location, location, message);
    }
}

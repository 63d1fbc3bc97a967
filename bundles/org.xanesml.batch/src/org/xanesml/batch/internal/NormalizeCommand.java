/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.xanesml.core.Spectrum;
import org.xanesml.io.Xdi;
import org.xanesml.preprocess.NormalizationResult;
import org.xanesml.preprocess.PreEdgeParameters;
import org.xanesml.workflow.NormaliseParameters;
import org.xanesml.workflow.Pipeline;
import org.xanesml.workflow.PipelineRunner;
import org.xanesml.workflow.ProcessingFields;
import org.xanesml.workflow.ProcessingStep;
import org.xanesml.workflow.SpectrumRecord;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepNames;
import org.xanesml.workflow.StepServices;
import org.xanesml.workflow.WorkItem;
import org.xanesml.workflow.report.AthenaExport;
import org.xanesml.workflow.report.AtomicFiles;
import org.xanesml.workflow.report.Report;
import org.xanesml.workflow.report.ReportRow;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xanesml normalize}: Larch normalisation of many files, written as XDI or CSV with the recipe recorded. */
@Command(name = "normalize", aliases = "normalise", mixinStandardHelpOptions = true,
        description = { "Normalise spectra as Larch's pre_edge does and write them as XDI or CSV.",
                "Each file is written with E0, edge step and the recipe recorded in its header; a summary report"
                        + " lists every input." },
        footer = { "", "Examples:", "  xanesml normalize -o normalised/ scans/*.xdi",
                "  xanesml normalize --as csv --pre1 -150 --pre2 -30 --norm1 50 --norm2 300 \\",
                "      -o out/ data/",
                "  xanesml normalize --export athena -o athena/ scans/*.xdi" })
final class NormalizeCommand implements Callable<Integer> {
    /** Output file kinds, each with its file name extension. */
    enum As {
        xdi("xdi"), csv("csv"),
        /** Athena's normalised-data columns (energy, mu, pre/post-edge lines, norm, flat, dmude), {@code *.nor}. */
        athena(AthenaExport.EXTENSION);

        final String extension;

        As(String extension) {
            this.extension = extension;
        }
    }

    /** XDI field (namespace.tag) prefix of the warnings written into a normalised file's header. */
    static final String WARNING_FIELD = "Processing.warning_";

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run = new RunOptions();

    @Mixin
    InputOptions select = new InputOptions();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Output folder.")
    Path outputDir;

    @Option(names = {"--as", "--export"}, description = "Spectrum file type: ${COMPLETION-CANDIDATES} (default "
            + "${DEFAULT-VALUE}); athena writes Athena's normalised columns (energy, mu, pre_edge, post_edge, norm, "
            + "flat, dmude) as NAME.nor.")
    As as = As.xdi;

    @Option(names = "--report", paramLabel = "FILE", description = "Summary report (default DIR/normalize-report.csv).")
    Path report;

    @Mixin
    EnergyOptions energy = new EnergyOptions();

    @Option(names = "--pre1", paramLabel = "EV", description = "Pre-edge range start relative to E0, eV.")
    Double pre1Ev;
    @Option(names = "--pre2", paramLabel = "EV", description = "Pre-edge range end relative to E0, eV.")
    Double pre2Ev;
    @Option(names = "--norm1", paramLabel = "EV", description = "Post-edge range start relative to E0, eV.")
    Double norm1Ev;
    @Option(names = "--norm2", paramLabel = "EV", description = "Post-edge range end relative to E0, eV.")
    Double norm2Ev;
    @Option(names = "--nnorm", description = "Post-edge polynomial degree 0..5 (default: Larch's choice).")
    Integer nnorm;
    @Option(names = "--flat", description = "Write flattened mu (post-edge curvature removed).")
    boolean flat;
    @Option(names = "--recipe", paramLabel = "FILE", description = {"Normalise with the recipe line of FILE (a recipe"
            + " file or a file this command wrote): the parameters it records, which reproduce that output exactly.",
            "Not combined with --e0, --pre1/2, --norm1/2, --nnorm or --flat."})
    Path recipe;

    @Option(names = {"-r", "--recursive"}, description = "Descend into sub-folders.")
    boolean recursive;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files, folders or globs.")
    List<String> inputs;

    /** Lets tests inject a failing writer (disk full after N files). */
    AtomicFiles files = AtomicFiles.standard();

    /**
     * Lets tests inject failing steps (the first step of a name wins); null: the registered steps, or the built-in
     * ones on a plain class path.
     */
    List<ProcessingStep> steps;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter notes = run.notes(err);
        try (StepServices services = StepServices.open()) {
            List<ProcessingStep> available = steps != null ? steps : services.catalog().steps();
            Map<String, String> params = parameters();
            Pipeline p = select.applyTo(new Pipeline("normalize", "read and Larch-normalise", List.of())
                    .then(StepNames.READ, Map.of()).then(StepNames.NORMALISE, params));
            Inputs.Listing listing = Inputs.list(inputs, recursive, select.selection());
            listing.notes().forEach(n -> notes.println("normalize: note: " + n));
            List<Path> in = listing.files();
            if (in.isEmpty()) {
                err.println("normalize: no input files in " + inputs);
                return ExitCodes.FAILURE;
            }
            Path summary = report != null ? report : outputDir.resolve("normalize-report.csv");
            Inputs.refuseAsOutput(in, summary, "the summary report");
            Failures.createFolder(outputDir, "the output folder");
            // The summary's lock keeps out a second run with the same summary (by default: the same output folder).
            try (RunLock lock = RunLock.acquire(summary)) {
                lock.note().ifPresent(n -> notes.println("normalize: note: " + n));
                Set<Path> folders = new LinkedHashSet<>(List.of(Inputs.canonical(outputDir),
                        Inputs.canonical(summary).getParent()));
                for (Path folder : folders) {
                    for (Path stale : AtomicFiles.removeStale(folder)) {
                        notes.println("normalize: removed " + stale + ", left unfinished by a run that was killed");
                    }
                }
                return normalize(available, p, in, summary, err);
            }
        } catch (StepException | IOException | IllegalArgumentException | UncheckedIOException e) {
            err.println("normalize: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    /** @return the normalise step's parameters: the recipe's, or those of the range options */
    private Map<String, String> parameters() throws IOException {
        if (recipe != null) {
            if (energy.given() || pre1Ev != null || pre2Ev != null || norm1Ev != null || norm2Ev != null
                    || nnorm != null || flat) {
                throw new IllegalArgumentException("--recipe sets every normalisation parameter; give it without"
                        + " --e0, --shift, --calibrate-reference, --pre1, --pre2, --norm1, --norm2, --nnorm and"
                        + " --flat");
            }
            return NormaliseParameters.fromRecipe(recipe);
        }
        Map<String, String> params = new LinkedHashMap<>(NormaliseParameters.of(PreEdgeParameters.automatic()
                .withPreEdgeRange(pre1Ev, pre2Ev).withNormRange(norm1Ev, norm2Ev).withNnorm(nnorm),
                energy.control()));
        params.put("output", flat ? "FLAT" : "NORM");
        return params;
    }

    private int normalize(List<ProcessingStep> available, Pipeline p, List<Path> in, Path summary,
            PrintWriter err) {
        OutputNames names = new OutputNames(outputDir, as.extension, in, summary);
        // Keyed by "input index:spectrum number", the position of the spectrum's row in the report.
        Map<String, String> notWritten = new HashMap<>();
        Map<String, String> renamed = new HashMap<>();
        List<String> renamedNotes = new ArrayList<>();
        int[] written = {0};
        Progress progress = Progress.forConsole(err, "files", run.quiet);
        PipelineRunner.Listener listener = new PipelineRunner.Listener() {
            @Override
            public void finished(int done, int total, Path source, List<ReportRow> rows) {
                if (progress != null) {
                    progress.finished(done, total, source, rows);
                }
            }

            @Override
            public void item(WorkItem item) {
                for (int k = 0; k < item.spectra().size(); k++) {
                    SpectrumRecord r = item.spectra().get(k);
                    if (r.failed()) {
                        continue;
                    }
                    String key = item.index() + ":" + k;
                    OutputNames.Name name = names.assign(r.id(), item.source());
                    if (!name.note().isEmpty()) {
                        renamed.put(key, name.note());
                        renamedNotes.add(item.source() + ": " + name.note());
                    }
                    try {
                        write(r, name.file());
                        written[0]++;
                    } catch (IOException | RuntimeException e) {
                        // Every spectrum not written is counted and listed; the next may still fit (space freed).
                        notWritten.put(key, e.getMessage() == null ? e.toString() : e.getMessage());
                    }
                }
            }
        };
        PipelineRunner.RunResult r = new PipelineRunner(available).run(p, in,
                new PipelineRunner.Options(run.threads(), 0, listener));
        List<ReportRow> rows = new ArrayList<>();
        Map<Integer, Integer> spectrumOf = new HashMap<>();
        for (ReportRow row : r.report().rows()) {
            String key = row.index() + ":" + (spectrumOf.merge(row.index(), 1, Integer::sum) - 1);
            ReportRow x = renamed.containsKey(key) ? row.withWarning(renamed.get(key)) : row;
            if (notWritten.containsKey(key) && x.status() != ReportRow.Status.FAILED) {
                x = x.failed("write: " + notWritten.get(key));
            }
            rows.add(x);
        }
        Report rep = Reports.withRows(r.report(), rows).withInfo("output folder", outputDir.toString())
                .withInfo("spectra written", Integer.toString(written[0]));
        if (!notWritten.isEmpty()) {
            rep = rep.withInfo("spectra not written", Integer.toString(notWritten.size()));
        }
        if (!renamed.isEmpty()) {
            rep = rep.withInfo("spectra written under another name (see their warnings)",
                    Integer.toString(renamed.size()));
        }
        String summaryError = null;
        try {
            Reports.emit(rep, summary, null, spec.commandLine().getOut(), files);
        } catch (IOException | UncheckedIOException e) {
            summaryError = e.getMessage();
        }
        // Without a summary the console is the only record: then every failure is listed.
        Reports.listFailures(rep, err, summaryError == null ? 20 : Integer.MAX_VALUE);
        PrintWriter notes = run.notes(err);
        renamedNotes.stream().limit(20).forEach(n -> notes.println("normalize: " + n));
        if (renamedNotes.size() > 20) {
            notes.println("normalize: ... and " + (renamedNotes.size() - 20) + " more written under another name"
                    + " (see the summary's warnings)");
        }
        if (!notWritten.isEmpty()) {
            err.println("normalize: " + notWritten.size() + " spectr" + (notWritten.size() == 1 ? "um" : "a")
                    + " not written (listed above" + (summaryError == null ? " and in " + summary : "") + ")");
        }
        if (summaryError != null) {
            err.println("normalize: the summary report was not written: " + summaryError);
        }
        String counts = rep.rows().size() + " spectra, " + rep.count(ReportRow.Status.FAILED) + " failed; "
                + written[0] + " written to " + outputDir + (summaryError == null ? ", summary " + summary : "");
        if (r.outOfMemory().isPresent()) {
            err.println("normalize: " + Failures.outOfMemory("while processing " + r.outOfMemory().get())
                    + "; stopped after " + r.delivered() + " of " + r.inputs() + " inputs; " + counts);
            return ExitCodes.FAILURE;
        }
        if (r.interrupted()) {
            err.println("normalize: stopped after " + r.delivered() + " of " + r.inputs() + " inputs; " + counts);
            return ExitCodes.FAILURE;
        }
        notes.println(counts);
        return summaryError != null ? ExitCodes.FAILURE : Reports.exitCode(rep);
    }

    /**
     * Writes one normalised spectrum with the recipe, E0, edge step and every warning of its row (what the reader
     * repaired, what normalisation noticed) in the header, so the file says what was done to the data.
     */
    void write(SpectrumRecord record, Path f) throws IOException {
        Spectrum s = record.current();
        List<String> warnings = record.warnings();
        if (as == As.athena) {
            NormalizationResult n = record.normalization().orElseThrow(() -> new IllegalArgumentException(s.id()
                    + " is edge-normalised by its source (FEFF, FDMNES), so it has no pre-edge or post-edge line for "
                    + "Athena's columns; write it with --as xdi or --as csv"));
            AthenaExport.write(f, s.id(), n, warnings, files);
        } else if (as == As.xdi) {
            // A fresh builder: a normalised input's own Processing.warning_N fields must not outlive this run's.
            Spectrum.Builder b = Spectrum.builder().id(s.id()).energyEv(s.energyEv()).mu(s.mu())
                    .muScale(s.muScale());
            s.absorber().ifPresent(b::absorber);
            s.edge().ifPresent(b::edge);
            // The file records what was applied (E0, shift, the recipe line); why E0 was chosen so (auto, from the
            // file, calibrated) is the run's, in its report: a replay of the recipe then writes the same bytes.
            s.metadata().forEach((k, v) -> {
                if (!k.startsWith(WARNING_FIELD) && !k.equals(ProcessingFields.ENERGY)) {
                    b.metadata(k, v);
                }
            });
            for (int i = 0; i < warnings.size(); i++) {
                b.metadata(WARNING_FIELD + (i + 1), warnings.get(i));
            }
            files.write(f, Xdi.toText(Xdi.fromSpectrum(b.build())));
        } else {
            StringBuilder sb = new StringBuilder();
            sb.append("# xanesml normalised spectrum ").append(s.id()).append('\n');
            // under the XDI field names, which the column reader takes back as metadata: E0 is read back from here
            for (String key : List.of(ProcessingFields.E0, ProcessingFields.EDGE_STEP, ProcessingFields.ENERGY_SHIFT)) {
                sb.append("# ").append(key).append(" = ").append(s.metadata(key).orElse("")).append('\n');
            }
            sb.append("# recipe: ").append(s.metadata(ProcessingFields.RECIPE).orElse("").replace('\n', ' '))
                    .append('\n');
            for (String w : warnings) {
                sb.append("# warning: ").append(w.replace('\n', ' ').replace('\r', ' ')).append('\n');
            }
            sb.append("energy_eV,norm\n");
            for (int i = 0; i < s.size(); i++) {
                sb.append(String.format(Locale.ROOT, "%.4f,%.8g%n", s.energyEv(i), s.mu(i)));
            }
            files.write(f, out -> out.write(sb.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.xanesml.core.Spectrum;
import org.xanesml.io.Xdi;
import org.xanesml.preprocess.PreEdgeParameters;
import org.xanesml.workflow.NormaliseParameters;
import org.xanesml.workflow.Pipeline;
import org.xanesml.workflow.PipelineRunner;
import org.xanesml.workflow.ProcessingFields;
import org.xanesml.workflow.SpectrumRecord;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepNames;
import org.xanesml.workflow.StepServices;
import org.xanesml.workflow.WorkItem;
import org.xanesml.workflow.report.AtomicFiles;
import org.xanesml.workflow.report.Report;
import org.xanesml.workflow.report.ReportRow;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code xanesml normalize}: Larch normalisation of many files, written as XDI or CSV with the recipe recorded. */
@Command(name = "normalize", aliases = "normalise", mixinStandardHelpOptions = true,
        description = { "Normalise spectra as Larch's pre_edge does and write them as XDI or CSV.", "Each file is written with",
                "with E0, edge step and the recipe recorded in the header; a summary report lists every input." },
        footer = { "", "Examples:", "  xanesml normalize -o normalised/ scans/*.xdi",
                "  xanesml normalize --as csv --pre1 -150 --pre2 -30 --norm1 50 --norm2 300 -o out/ data/" })
final class NormalizeCommand implements Callable<Integer> {
    /** Output file kinds. */
    enum As {
        xdi, csv
    }

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Output folder.")
    Path outputDir;

    @Option(names = "--as", description = "Spectrum file type: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    As as = As.xdi;

    @Option(names = "--report", paramLabel = "FILE", description = "Summary report (default DIR/normalize-report.csv).")
    Path report;

    @Option(names = "--e0", paramLabel = "EV", description = "Edge energy, eV (default: found as Larch does).")
    Double e0Ev;
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

    @Option(names = {"-r", "--recursive"}, description = "Descend into sub-folders.")
    boolean recursive;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files, folders or globs.")
    List<String> inputs;

    AtomicFiles files = AtomicFiles.standard();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try (StepServices steps = StepServices.open()) {
            Map<String, String> params = new LinkedHashMap<>(NormaliseParameters.of(PreEdgeParameters.automatic()
                    .withE0(e0Ev).withPreEdgeRange(pre1Ev, pre2Ev).withNormRange(norm1Ev, norm2Ev).withNnorm(nnorm)));
            params.put("output", flat ? "FLAT" : "NORM");
            Pipeline p = new Pipeline("normalize", "read and Larch-normalise", List.of())
                    .then(StepNames.READ, Map.of()).then(StepNames.NORMALISE, params);
            List<Path> in = Inputs.expand(inputs, recursive);
            if (in.isEmpty()) {
                err.println("normalize: no input files in " + inputs);
                return ExitCodes.FAILURE;
            }
            Progress progress = Progress.forConsole(err, "files", run.quiet);
            String[] writeError = {null};
            PipelineRunner.Listener listener = new PipelineRunner.Listener() {
                @Override
                public void finished(int done, int total, Path source, List<ReportRow> rows) {
                    if (progress != null) {
                        progress.finished(done, total, source, rows);
                    }
                }

                @Override
                public void item(WorkItem item) {
                    for (SpectrumRecord r : item.spectra()) {
                        if (!r.failed() && writeError[0] == null) {
                            try {
                                write(r.current());
                            } catch (IOException e) {
                                writeError[0] = e.getMessage();
                            }
                        }
                    }
                }
            };
            PipelineRunner.RunResult r = steps.catalog().runner().run(p, in,
                    new PipelineRunner.Options(run.threads(), 0, listener));
            Report rep = r.report().withInfo("output folder", outputDir.toString());
            Path summary = report != null ? report : outputDir.resolve("normalize-report.csv");
            Reports.emit(rep, summary, null, spec.commandLine().getOut(), files);
            Reports.listFailures(rep, err, 20);
            if (writeError[0] != null) {
                err.println("normalize: stopped writing spectra: " + writeError[0]);
                return ExitCodes.FAILURE;
            }
            err.println(rep.rows().size() + " spectra, " + rep.count(ReportRow.Status.FAILED) + " failed; written to "
                    + outputDir + ", summary " + summary);
            return Reports.exitCode(rep);
        } catch (StepException | IOException | IllegalArgumentException | UncheckedIOException e) {
            err.println("normalize: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    private static String safeName(String id) {
        return id.replaceAll("[^A-Za-z0-9._+-]", "_");
    }

    void write(Spectrum s) throws IOException {
        Path f = outputDir.resolve(safeName(s.id()) + "." + as.name());
        if (as == As.xdi) {
            files.write(f, Xdi.toText(Xdi.fromSpectrum(s)));
        } else {
            StringBuilder sb = new StringBuilder();
            sb.append("# xanesml normalised spectrum ").append(s.id()).append('\n');
            sb.append("# e0_eV = ").append(s.metadata(ProcessingFields.E0).orElse("")).append('\n');
            sb.append("# edge_step = ").append(s.metadata(ProcessingFields.EDGE_STEP).orElse("")).append('\n');
            sb.append("# recipe: ").append(s.metadata(ProcessingFields.RECIPE).orElse("").replace('\n', ' '))
                    .append('\n');
            sb.append("energy_eV,norm\n");
            for (int i = 0; i < s.size(); i++) {
                sb.append(String.format(Locale.ROOT, "%.4f,%.8g%n", s.energyEv(i), s.mu(i)));
            }
            files.write(f, out -> out.write(sb.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.xanesml.classify.EdgePositionValence;
import org.xanesml.core.CsvCells;
import org.xanesml.preprocess.PreEdgeParameters;
import org.xanesml.workflow.NormaliseParameters;
import org.xanesml.workflow.Pipeline;
import org.xanesml.workflow.PipelineRunner;
import org.xanesml.workflow.ProcessingStep;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepNames;
import org.xanesml.workflow.StepServices;
import org.xanesml.workflow.report.AtomicFiles;
import org.xanesml.workflow.report.ReportRow;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code xanesml valence}: the classic edge-position estimate of the oxidation state against reference compounds
 * ({@link EdgePositionValence}), with E0 from the same read and normalise steps {@code classify} runs.
 */
@Command(name = "valence", mixinStandardHelpOptions = true,
        description = { "Estimate oxidation states from the edge position against reference compounds.",
                "The classic beamline method, to set beside the models' answers: each spectrum's E0 (the one"
                        + " classify and normalize record) is read off the line through the E0 of reference"
                        + " compounds of known oxidation state. References and spectra must share one energy"
                        + " calibration (measured in one session, or each scan calibrated by its reference foil with"
                        + " --calibrate-reference): the edge moves a few eV per unit of valence." },
        footer = { "", "Examples:",
                "  xanesml valence --reference refs/FeO.xdi=2 --reference refs/Fe2O3.xdi=3 \\",
                "      -o valence.csv scans/",
                "  xanesml valence --calibrate-reference --reference cu2o.xdi=1 \\",
                "      --reference cuo.xdi=2 -o cu-valence.csv run42/*.xdi",
                "",
                "The report has one row per spectrum: its E0, the estimate, the nearest reference state, the"
                        + " references it lies between and whether it lies beyond them (extrapolated)." })
final class ValenceCommand implements Callable<Integer> {
    /** The report's columns, in order. */
    static final List<String> COLUMNS = List.of("source", "id", "element", "e0_eV", "valence", "nearest_state",
            "between", "extrapolated", "status", "error");

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run = new RunOptions();

    @Mixin
    InputOptions select = new InputOptions();

    @Mixin
    EnergyOptions energy = new EnergyOptions();

    @Option(names = "--reference", required = true, paramLabel = "FILE=STATE", description = {"A reference compound"
            + " and its oxidation state, e.g. FeO.xdi=2 (repeat: at least two states; several files of one state are"
            + " averaged)."})
    List<String> references;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "CSV", description = "Report to write (CSV).")
    Path output;

    @Option(names = {"-r", "--recursive"}, description = "Descend into sub-folders.")
    boolean recursive;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files, folders or globs.")
    List<String> inputs;

    /** The report is written whole or not at all (a killed run leaves the previous report). */
    private final AtomicFiles files = AtomicFiles.standard();

    /** A reference as given: its file and state. */
    record Given(Path file, double state, String text) {
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter notes = run.notes(err);
        List<Given> given;
        try {
            given = parseReferences();
            requireOwnEdges();
        } catch (IllegalArgumentException e) {
            err.println("valence: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (StepServices services = StepServices.open()) {
            List<ProcessingStep> available = services.catalog().steps();
            Map<String, String> params = new LinkedHashMap<>(NormaliseParameters.of(PreEdgeParameters.automatic(),
                    energy.control()));
            Pipeline p = select.applyTo(new Pipeline("valence", "read and Larch-normalise for E0", List.of())
                    .then(StepNames.READ, Map.of()).then(StepNames.NORMALISE, params));
            Inputs.Listing listing = Inputs.list(inputs, recursive, select.selection());
            listing.notes().forEach(n -> notes.println("valence: note: " + n));
            List<Path> in = listing.files();
            if (in.isEmpty()) {
                err.println("valence: no input files in " + inputs);
                return ExitCodes.FAILURE;
            }
            List<Path> all = new ArrayList<>(in);
            given.forEach(g -> all.add(g.file()));
            Inputs.refuseAsOutput(all, output, "the report");
            Line line = line(available, p, given);
            notes.println("valence: reference line " + line.valence().describe()
                    + (line.edge().isEmpty() ? "" : " (" + line.edge() + ")"));
            PipelineRunner.RunResult r = new PipelineRunner(available).run(p, in,
                    new PipelineRunner.Options(run.threads(), 0, null));
            StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
            int estimated = 0;
            int failed = 0;
            int extrapolated = 0;
            for (ReportRow row : r.report().rows()) {
                List<String> cells = new ArrayList<>(List.of(row.source(), row.id(), row.element()));
                String problem = row.status() == ReportRow.Status.FAILED ? row.error()
                        : !Double.isFinite(row.e0Ev()) ? "no edge energy" : otherEdge(line.edge(), row);
                if (problem != null) {
                    failed++;
                    problem = problem.isEmpty() ? "failed" : problem;
                    cells.addAll(List.of("", "", "", "", "", "FAILED", problem));
                    if (failed <= 20) {
                        err.println("failed: " + row.source() + (row.id().isEmpty() ? "" : " [" + row.id() + "]")
                                + ": " + problem);
                    }
                } else {
                    EdgePositionValence.Estimate e = line.valence().estimate(row.e0Ev());
                    estimated++;
                    extrapolated += e.extrapolated() ? 1 : 0;
                    cells.addAll(List.of(String.format(Locale.ROOT, "%.3f", row.e0Ev()),
                            String.format(Locale.ROOT, "%.3f", e.valence()), EdgePositionValence.state(e.nearestState()),
                            e.below() + " .. " + e.above(), Boolean.toString(e.extrapolated()), "OK", ""));
                }
                csv.append(String.join(",", cells.stream().map(CsvCells::cell).toList())).append('\n');
            }
            files.write(output, csv.toString());
            if (failed > 20) {
                err.println("valence: ... and " + (failed - 20) + " more failed (see " + output + ")");
            }
            notes.println(String.format(Locale.ROOT, "%d spectra, %d estimated (%d beyond the references), %d failed;"
                    + " report %s", estimated + failed, estimated, extrapolated, failed, output));
            if (extrapolated > 0) {
                // a line continued past its references is a guess: metals and other calibrations land far outside
                notes.println("valence: note: an edge beyond the references is read off the line continued past them"
                        + " (the 'extrapolated' column); bracket such spectra with references of the same calibration");
            }
            if (r.interrupted() || r.outOfMemory().isPresent()) {
                err.println("valence: stopped after " + r.delivered() + " of " + r.inputs() + " inputs");
                return ExitCodes.FAILURE;
            }
            return estimated == 0 ? ExitCodes.FAILURE : failed > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
        } catch (StepException | IOException | IllegalArgumentException | UncheckedIOException e) {
            err.println("valence: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    /** @throws IllegalArgumentException naming the reference that is not FILE=STATE or whose file is missing */
    List<Given> parseReferences() {
        List<Given> out = new ArrayList<>();
        for (String r : references) {
            int eq = r.lastIndexOf('=');
            if (eq <= 0 || eq == r.length() - 1) {
                throw new IllegalArgumentException("--reference " + r + ": expected FILE=STATE, e.g. FeO.xdi=2");
            }
            String stateText = r.substring(eq + 1).strip();
            double state;
            try {
                state = Double.parseDouble(stateText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--reference " + r + ": the oxidation state '" + stateText
                        + "' is not a number");
            }
            if (!Double.isFinite(state)) {
                throw new IllegalArgumentException("--reference " + r + ": the oxidation state must be a finite number");
            }
            Path file = Path.of(r.substring(0, eq));
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--reference " + r + ": " + file + " is not a file");
            }
            out.add(new Given(file, state, r));
        }
        return out;
    }

    /** @throws IllegalArgumentException for a fixed --e0, which would give every spectrum the same edge */
    private void requireOwnEdges() {
        String e0 = energy.e0 == null ? "file" : energy.e0.strip().toLowerCase(Locale.ROOT);
        if (!e0.equals("file") && !e0.equals("auto")) {
            throw new IllegalArgumentException("--e0 " + energy.e0 + ": the edge position is each spectrum's own E0;"
                    + " give auto or file, not a fixed energy");
        }
    }

    /**
     * The reference line: each reference file read and normalised as the spectra are (its first spectrum).
     *
     * @throws IOException naming a reference that cannot be read or normalised
     */
    private Line line(List<ProcessingStep> available, Pipeline p, List<Given> given) throws IOException {
        List<Path> files = given.stream().map(Given::file).toList();
        PipelineRunner.RunResult r = new PipelineRunner(available).run(p, files,
                new PipelineRunner.Options(Math.min(run.threads(), files.size()), 0, null));
        Map<Integer, ReportRow> first = new LinkedHashMap<>();
        for (ReportRow row : r.report().rows()) {
            first.putIfAbsent(row.index(), row);
        }
        List<EdgePositionValence.Reference> refs = new ArrayList<>();
        Map<String, String> edges = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            ReportRow row = first.get(i);
            if (row == null || row.status() == ReportRow.Status.FAILED || !Double.isFinite(row.e0Ev())) {
                throw new IOException("reference " + given.get(i).text() + ": "
                        + (row == null ? "not read" : row.error().isEmpty() ? "no edge energy" : row.error()));
            }
            refs.add(new EdgePositionValence.Reference(given.get(i).file().getFileName().toString(),
                    given.get(i).state(), row.e0Ev()));
            String edge = edgeOf(row);
            if (!edge.isEmpty()) {
                edges.putIfAbsent(edge, given.get(i).file().getFileName().toString());
            }
        }
        if (edges.size() > 1) {
            throw new IllegalArgumentException("the references are of different edges: " + edges.entrySet().stream()
                    .map(e -> e.getValue() + " (" + e.getKey() + ")").collect(java.util.stream.Collectors.joining(", "))
                    + "; give references of the spectra's element and edge");
        }
        return new Line(EdgePositionValence.of(refs), edges.isEmpty() ? "" : edges.keySet().iterator().next());
    }

    /**
     * The reference line and the absorber edge of its references ("Fe K"; "" when no reference file names it):
     * a spectrum of another edge cannot be read off it.
     */
    private record Line(EdgePositionValence valence, String edge) {
    }

    /** @return "Fe K", "Fe" without an edge, "" when the file does not name its absorber */
    private static String edgeOf(ReportRow row) {
        return row.element().isEmpty() ? "" : (row.element() + " " + row.edge()).strip();
    }

    /** @return why a spectrum of another element or edge than the references' is not estimated, or null */
    private static String otherEdge(String referenceEdge, ReportRow row) {
        String edge = edgeOf(row);
        if (referenceEdge.isEmpty() || edge.isEmpty() || edge.equals(referenceEdge)) {
            return null;
        }
        return "a " + edge + " spectrum; the references are " + referenceEdge + " (its edge is read against"
                + " references of its own element and edge)";
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.devtools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.xanesml.classify.EdgePositionValence;
import org.xanesml.classify.MeasuredReferences;
import org.xanesml.core.Element;
import org.xanesml.workflow.Pipeline;
import org.xanesml.workflow.PipelineRunner;
import org.xanesml.workflow.SpectrumRecord;
import org.xanesml.workflow.StepCatalog;
import org.xanesml.workflow.WorkItem;
import org.xanesml.workflow.report.ReportRow;

/**
 * The classic beamline estimate of the oxidation state, to compare the models with: the edge position E0 (Larch
 * {@code find_e0}, through the same read and normalise steps {@code xanesml classify} runs) of the unknown,
 * interpolated linearly between the E0 of a reference compound of the lower and one of the higher state measured
 * with the same energy calibration: v = v_lo + (E0 - E0_lo) / (E0_hi - E0_lo) * (v_hi - v_lo). The class is the
 * nearer of the two states. Calibration differs between sources (the ALS files put the Fe foil edge at 7110.75 eV,
 * the XDI files near 7112 eV), so each source folder has its own pair of references, named in {@link #REFERENCES}.
 * The references themselves are scored too and come out right by construction; the table marks them.
 */
public final class EdgePositionMethod {
    /** Source folder prefix (relative to the shared folder) to the low- and high-state reference files. */
    static final Map<String, String[]> REFERENCES = new LinkedHashMap<>();

    static {
        REFERENCES.put("data/experimental/XASDataLibrary/data/Fe/", new String[] {
            "data/experimental/XASDataLibrary/data/Fe/FeO_rt_01.xdi", "data/experimental/XASDataLibrary/data/Fe/Fe2O3_rt_01.xdi" });
        REFERENCES.put("data/experimental/xdi-examples/data/fe", new String[] {
            "data/experimental/xdi-examples/data/feo_rt1.xdi", "data/experimental/xdi-examples/data/fe2o3_rt.xdi" });
        REFERENCES.put("data/experimental/als-fe-references/", new String[] {
            "data/experimental/als-fe-references/References/Fo0_NHM FeXANES.e",
            "data/experimental/als-fe-references/References/Hematite FeXANES.e" });
        REFERENCES.put("data/experimental/XASDataLibrary/data/Cu/", new String[] {
            "data/experimental/XASDataLibrary/data/Cu/Cu2S_13K_01.xdi",
            "data/experimental/XASDataLibrary/data/Cu/CuO_tenorite_13K_01.xdi" });
        REFERENCES.put("data/experimental/larch-examples/athena_extracted/athena4__", new String[] {
            "data/experimental/larch-examples/athena_extracted/athena4__002_cu_cuprite.001.txt",
            "data/experimental/larch-examples/athena_extracted/athena4__001_cu_tenorite.001.txt" });
    }

    private EdgePositionMethod() {
    }

    /** @return E0 of every file, by the read and normalise steps (NaN when it could not be normalised) */
    static Map<String, Double> e0(Path shared, List<String> relativePaths) {
        Map<Path, String> byFile = new LinkedHashMap<>();
        relativePaths.forEach(p -> byFile.put(shared.resolve(p).normalize(), p));
        Map<String, Double> out = new ConcurrentHashMap<>();
        PipelineRunner.Listener listener = new PipelineRunner.Listener() {
            @Override
            public void finished(int done, int total, Path source, List<ReportRow> rows) {
                // failures leave the file without E0 (NaN below)
            }

            @Override
            public void item(WorkItem item) {
                SpectrumRecord r = item.spectra().get(0);
                String rel = byFile.get(item.source().normalize());
                // already-normalised files (the ALS .e references) get E0 without a full normalisation result
                if (rel != null && !r.failed() && !Double.isNaN(r.e0Ev())) {
                    out.put(rel, r.e0Ev());
                }
            }
        };
        Pipeline p = new Pipeline("edge positions", "read and normalise as xanesml classify does", List.of())
                .then("read", Map.of()).then("normalise", Map.of());
        new PipelineRunner(StepCatalog.builtIn()).run(p, new ArrayList<>(byFile.keySet()),
                new PipelineRunner.Options(Math.max(1, Runtime.getRuntime().availableProcessors()), 0, listener));
        Map<String, Double> ordered = new LinkedHashMap<>();
        relativePaths.forEach(p2 -> ordered.put(p2, out.getOrDefault(p2, Double.NaN)));
        return ordered;
    }

    /**
     * Scores the method on the oxidation-state rows of an element, printing one line per row and a summary.
     *
     * @param low the lower state of the pair (2 for Fe, 1 for Cu)
     * @param high the higher state
     */
    static String score(Path shared, MeasuredReferences refs, Element element, int low, int high) {
        List<MeasuredReferences.Row> rows = refs.rows().stream().filter(r -> r.element() == element && r.trusted()
                && !r.oxidationState().isEmpty()).toList();
        List<String> paths = new ArrayList<>(rows.stream().map(MeasuredReferences.Row::path).toList());
        REFERENCES.values().forEach(pair -> List.of(pair).forEach(p -> {
            if (!paths.contains(p)) {
                paths.add(p);
            }
        }));
        Map<String, Double> e0 = e0(shared, paths);
        StringBuilder sb = new StringBuilder("edge-position method (E0 between a " + element + low + "+ and a " + element
                + high + "+ reference of the same calibration):\n");
        int single = 0;
        int right = 0;
        int mixed = 0;
        int mixedWithin = 0;
        for (MeasuredReferences.Row r : rows) {
            double known = Double.parseDouble(r.oxidationState());
            if (known < low - 0.5 || known > high + 0.5) {
                continue; // metals (0) and states outside the pair: the method has no answer for them
            }
            String[] pair = REFERENCES.entrySet().stream().filter(e -> r.path().startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            double e = e0.get(r.path());
            if (pair == null || Double.isNaN(e) || Double.isNaN(e0.get(pair[0])) || Double.isNaN(e0.get(pair[1]))) {
                sb.append("  ").append(r.path()).append(": no E0 or no reference pair for its source\n");
                continue;
            }
            // the product's method (xanesml valence), so this table measures what users run
            double v = EdgePositionValence.of(List.of(new EdgePositionValence.Reference(pair[0], low, e0.get(pair[0])),
                    new EdgePositionValence.Reference(pair[1], high, e0.get(pair[1])))).estimate(e).valence();
            boolean integer = Math.abs(known - Math.rint(known)) < 1e-9;
            boolean isReference = r.path().equals(pair[0]) || r.path().equals(pair[1]);
            if (integer) {
                int cls = v < (low + high) / 2.0 ? low : high;
                single++;
                right += cls == Math.round(known) ? 1 : 0;
            } else {
                mixed++;
                mixedWithin += Math.abs(v - known) <= 0.3 ? 1 : 0;
            }
            sb.append(String.format(Locale.ROOT, "  %s (%s, %s): E0 %.2f eV, estimate %.2f%s%n", r.path(), r.compound(),
                    r.oxidationState(), e, v, isReference ? " (reference)" : ""));
        }
        sb.append(String.format(Locale.ROOT, "edge-position method: single-valence right %d of %d; mixed valence"
                + " within 0.3: %d of %d%n", right, single, mixedWithin, mixed));
        return sb.toString();
    }
}

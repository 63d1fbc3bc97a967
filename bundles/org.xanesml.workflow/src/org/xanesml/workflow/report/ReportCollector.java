/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xanesml.classify.Prediction;
import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.preprocess.NormalizationResult;
import org.xanesml.workflow.InputFailure;
import org.xanesml.workflow.SpectrumRecord;
import org.xanesml.workflow.WorkItem;

/**
 * Turns finished inputs into report rows, keeping plot data (thinned, {@link PlotSample#of}) for the first
 * {@code plotLimit} spectra. Not thread-safe: the runner feeds it in input order from one thread at a time.
 */
public final class ReportCollector {
    private final int plotLimit;
    private final List<ReportRow> rows = new ArrayList<>();
    private final List<PlotSample> plots = new ArrayList<>();

    public ReportCollector(int plotLimit) {
        this.plotLimit = plotLimit;
    }

    /** @return the rows of one finished input */
    public List<ReportRow> accept(WorkItem item) {
        List<ReportRow> out = new ArrayList<>();
        for (SpectrumRecord r : item.spectra()) {
            ReportRow row = row(item, r);
            out.add(row);
            if (plots.size() < plotLimit && !r.failed()) {
                plots.add(plot(item, r));
            }
        }
        rows.addAll(out);
        return out;
    }

    /** @return the row of an input that failed as a whole */
    public ReportRow accept(InputFailure f) {
        ReportRow row = new ReportRow(f.index(), f.source().toString(), String.valueOf(f.source().getFileName()),
                "", "", ReportRow.Status.FAILED, "", List.of(), new double[0], "", Double.NaN, "", Double.NaN,
                Double.NaN, List.of(), f.step() + ": " + f.message());
        rows.add(row);
        return row;
    }

    public Report report(String title, Map<String, String> info) {
        Map<String, String> all = new LinkedHashMap<>(info);
        long failed = rows.stream().filter(r -> r.status() == ReportRow.Status.FAILED).count();
        long notApplicable = rows.stream().filter(r -> r.status() == ReportRow.Status.NOT_APPLICABLE).count();
        all.put("rows", Integer.toString(rows.size()));
        all.put("ok", Long.toString(rows.size() - failed - notApplicable));
        all.put("not applicable", Long.toString(notApplicable));
        all.put("failed", Long.toString(failed));
        return new Report(title, all, rows, plots, Optional.empty());
    }

    /** Builds the row of one spectrum. */
    public static ReportRow row(WorkItem item, SpectrumRecord r) {
        Optional<Prediction> p = r.prediction();
        ReportRow.Status status = r.failed() ? ReportRow.Status.FAILED
                : p.isPresent() && !p.get().applicability().inDomain() ? ReportRow.Status.NOT_APPLICABLE
                        : ReportRow.Status.OK;
        String predicted = p.map(Prediction::label).orElse(null);
        return new ReportRow(item.index(), item.source().toString(), r.id(),
                r.raw().absorber().map(Element::symbol).orElse(""), r.raw().edge().map(Edge::name).orElse(""),
                status, predicted == null ? "" : predicted, p.map(Prediction::classes).orElse(List.of()),
                p.map(Prediction::probabilities).orElse(new double[0]),
                p.map(x -> x.applicability().verdict().name()).orElse(""),
                p.map(x -> x.applicability().score()).orElse(Double.NaN),
                p.map(x -> x.applicability().reason()).orElse(""), r.e0Ev(),
                r.normalization().map(NormalizationResult::edgeStep).orElse(Double.NaN), r.warnings(),
                r.error() == null ? "" : r.error());
    }

    static PlotSample plot(WorkItem item, SpectrumRecord r) {
        Optional<Prediction> p = r.prediction();
        List<String> classes = p.map(Prediction::classes).orElse(List.of());
        double[] probabilities = p.map(Prediction::probabilities).orElse(new double[0]);
        String verdict = p.map(x -> x.applicability().verdict().name()).orElse("");
        String source = item.source().toString();
        if (r.normalization().isPresent()) {
            NormalizationResult n = r.normalization().get();
            return PlotSample.of(r.id(), source, n.energyEv(), n.mu(), n.preEdge(), n.postEdge(), n.norm(),
                    n.e0Ev(), classes, probabilities, verdict);
        }
        // the source had normalised mu already: it is both the raw and the normalised curve
        return PlotSample.of(r.id(), source, r.current().energyEv(), r.current().mu(), new double[0], new double[0],
                r.current().mu(), r.e0Ev(), classes, probabilities, verdict);
    }
}

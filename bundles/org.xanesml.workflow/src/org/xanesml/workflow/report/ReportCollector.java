/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xanesml.classify.Prediction;
import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.preprocess.NormalizationResult;
import org.xanesml.workflow.InputFailure;
import org.xanesml.workflow.ProcessingFields;
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
        ReportRow row = ReportRow.failedInput(f.index(), f.source().toString(),
                String.valueOf(f.source().getFileName()), f.step() + ": " + f.message());
        rows.add(row);
        return row;
    }

    public Report report(String title, Map<String, String> info) {
        return new Report(title, Report.withCounts(info, rows), rows, plots, Optional.empty());
    }

    /** Builds the row of one spectrum. */
    public static ReportRow row(WorkItem item, SpectrumRecord r) {
        List<ReportRow.Answer> answers = r.answers().stream().map(ReportRow.Answer::of).toList();
        ReportRow.Status status = r.failed() ? ReportRow.Status.FAILED
                : r.noModel().isPresent() ? ReportRow.Status.NO_MODEL
                        : answers.stream().anyMatch(a -> !a.inDomain()) ? ReportRow.Status.NOT_APPLICABLE
                                : ReportRow.Status.OK;
        List<String> warnings = new ArrayList<>(r.warnings());
        r.noModel().ifPresent(warnings::add);
        return new ReportRow(item.index(), item.source().toString(), r.id(),
                r.raw().absorber().map(Element::symbol).orElse(""), r.raw().edge().map(Edge::name).orElse(""),
                status, answers, r.e0Ev(), r.normalization().map(NormalizationResult::edgeStep).orElse(Double.NaN),
                warnings, r.error() == null ? "" : r.error(), ProcessingFields.energy(r));
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

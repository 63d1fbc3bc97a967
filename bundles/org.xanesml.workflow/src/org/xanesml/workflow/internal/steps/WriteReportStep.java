/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.internal.steps;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.xanesml.workflow.DataKind;
import org.xanesml.workflow.ParameterSpec;
import org.xanesml.workflow.ProcessingStep;
import org.xanesml.workflow.StepContext;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepNames;
import org.xanesml.workflow.StepParameters;
import org.xanesml.workflow.WorkItem;
import org.xanesml.workflow.report.AtomicFiles;
import org.xanesml.workflow.report.Report;
import org.xanesml.workflow.report.ReportFormat;
import org.xanesml.workflow.report.ReportWriters;

/** Writes the run's report (every spectrum and every failed input) once all inputs are done, atomically. */
@Component(service = ProcessingStep.class, property = "xanesml.step=" + StepNames.WRITE_REPORT)
public final class WriteReportStep implements ProcessingStep {
    public static final String NAME = StepNames.WRITE_REPORT;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Write a report of all inputs (CSV, JSON, XML or self-contained HTML with plots)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.text("output", ParameterSpec.Type.PATH, true, null, "report file"),
                ParameterSpec.choice("format", List.of("AUTO", "CSV", "JSON", "XML", "HTML"), "AUTO",
                        "report format; AUTO takes it from the file extension"));
    }

    @Override
    public DataKind inputKind() {
        return DataKind.SPECTRA;
    }

    @Override
    public DataKind outputKind() {
        // Passes its input on unchanged (the runner keeps the richer kind).
        return DataKind.SPECTRA;
    }

    @Override
    public WorkItem apply(WorkItem item, StepParameters parameters, StepContext context) {
        // Per input there is nothing to do: the report is written by complete() when all inputs are in.
        return item;
    }

    @Override
    public void complete(Report report, StepParameters parameters, StepContext context) throws StepException {
        Path output = Path.of(parameters.requireText("output"));
        String f = parameters.requireText("format");
        try {
            ReportFormat format = f.equals("AUTO") ? ReportFormat.ofFileName(output.getFileName().toString())
                    : ReportFormat.valueOf(f);
            ReportWriters.write(report, format, output, AtomicFiles.standard());
        } catch (IOException | IllegalArgumentException e) {
            throw new StepException("report " + output + " not written: " + e.getMessage(), e);
        }
    }
}

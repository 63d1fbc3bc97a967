/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.internal.steps;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.xanesml.core.Spectrum;
import org.xanesml.io.ReadOptions;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.io.SpectrumReaders;
import org.xanesml.workflow.DataKind;
import org.xanesml.workflow.ParameterSpec;
import org.xanesml.workflow.ProcessingStep;
import org.xanesml.workflow.ReadParameters;
import org.xanesml.workflow.SpectrumRecord;
import org.xanesml.workflow.StepContext;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepNames;
import org.xanesml.workflow.StepParameters;
import org.xanesml.workflow.WorkItem;

/**
 * Reads the spectra of an input file, detecting its format from the content unless one is named. What a reader
 * repaired (points sorted, duplicate energies averaged...) becomes the record's warnings, so it reaches the report.
 */
@Component(service = ProcessingStep.class, property = "xanesml.step=" + StepNames.READ)
public final class ReadStep implements ProcessingStep {
    public static final String NAME = StepNames.READ;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Read the spectra of a file (XDI, column files, FEFF, FDMNES, Athena, NeXus...), format detected from"
                + " the content";
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<String> formats = new ArrayList<>();
        formats.add("auto");
        formats.addAll(SpectrumReaders.formatNames());
        return List.of(ParameterSpec.choice(ReadParameters.FORMAT, formats, "auto",
                "file format; 'auto' detects it from the content"),
                ParameterSpec.text(ReadParameters.ENERGY_COLUMN, ParameterSpec.Type.STRING, false, null,
                        "energy column (name or 1-based number) of XDI and column files; unset: the reader's choice"),
                ParameterSpec.text(ReadParameters.MU, ParameterSpec.Type.STRING, false, null, "mu from the columns of XDI and"
                        + " column files, e.g. ln(I0/IT) or sum(Fe_Ka_mca*)/I0 (+ - * /, ln, sum, parentheses, $N for"
                        + " column N); unset: the reader's choice"),
                ParameterSpec.choice(ReadParameters.NON_FINITE, List.of("DROP", "FAIL"), "DROP",
                        "points with a nan/inf energy or mu: left out with a warning (DROP) or the file refused"));
    }

    @Override
    public DataKind inputKind() {
        return DataKind.FILE;
    }

    @Override
    public DataKind outputKind() {
        return DataKind.SPECTRA;
    }

    @Override
    public WorkItem apply(WorkItem item, StepParameters parameters, StepContext context) throws StepException {
        ReadOptions options;
        try {
            options = ReadParameters.options(parameters);
        } catch (IllegalArgumentException e) {
            throw new StepException(e.getMessage(), e);
        }
        // A named pipe or a device would block the reader forever (or never end): only regular files are read.
        if (Files.exists(item.source()) && !Files.isRegularFile(item.source())) {
            throw new StepException(item.source() + ": not a regular file ("
                    + (Files.isDirectory(item.source()) ? "a folder" : "a named pipe, socket or device")
                    + "); give spectrum files");
        }
        List<Spectrum> spectra;
        try {
            spectra = SpectrumReaders.read(item.source(), options);
        } catch (SpectrumReadException e) {
            throw new StepException(e.getMessage(), e);
        } catch (RuntimeException e) {
            // A reader bug must not end the batch: it becomes this input's failure, with the file named.
            throw new StepException(item.source() + ": reading failed: " + e, e);
        }
        if (spectra.isEmpty()) {
            throw new StepException(item.source() + ": the file holds no spectrum");
        }
        return item.withSpectra(spectra.stream().map(s -> SpectrumRecord.of(s).withWarnings(
                SpectrumReaders.warnings(s).stream().map(w -> s.id() + ": " + w).toList())).toList());
    }
}

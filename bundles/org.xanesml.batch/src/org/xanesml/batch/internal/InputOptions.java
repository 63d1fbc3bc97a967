/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.xanesml.io.ReadOptions;
import org.xanesml.io.SpectrumReaders;
import org.xanesml.workflow.Pipeline;
import org.xanesml.workflow.ReadParameters;
import org.xanesml.workflow.StepNames;

import picocli.CommandLine.Option;

/**
 * Which files are spectra and how they are read: the options every command that reads spectra files shares
 * (classify, normalize, watch). The read options become the read step's parameters, so the workbench's Open
 * Spectra dialog, a pipeline document and these options read a file the same way.
 */
final class InputOptions {
    @Option(names = "--include", paramLabel = "GLOB", description = {"Only files matching GLOB (e.g. '*.xdi';"
            + " with a '/', the path below the folder given: 'fluo/*.dat'). Repeatable: any may match."})
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Leave out files matching GLOB. Repeatable.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--input-format", paramLabel = "NAME", description = {"Read every input as this format instead"
            + " of detecting it: xdi, feff-xmu, fdmnes, columns, athena, nexus... (see xanesml check-install)."})
    String format;

    @Option(names = "--energy-column", paramLabel = "COLUMN", description = "Energy column of XDI and column files:"
            + " a name or a 1-based number (default: the reader's choice).")
    String energyColumn;

    @Option(names = "--mu", paramLabel = "EXPR", description = {"Absorption mu computed from the columns of XDI and column"
            + " files, e.g. 'ln(I0/IT)', 'sum(Fe_Ka_mca*)/I0', '(ch1+ch2)/I0', '$3/$2' (columns by number).",
        "Operators + - * /, ln(...), sum(GLOB) over matching columns, parentheses (default: the reader's choice)."})
    String mu;

    @Option(names = "--non-finite", paramLabel = "POLICY", description = {"Points with a nan/inf energy or mu:"
            + " drop (default) leaves them out with a warning naming their lines; fail refuses the file."})
    String nonFinite;

    /**
     * @return the reading options
     * @throws IllegalArgumentException naming the option value that is not understood (format, expression)
     */
    ReadOptions readOptions() {
        return ReadOptions.of(format, energyColumn, mu, nonFinite);
    }

    /** @return the selection of input files: the globs, and recognition by the readers as these options read */
    Inputs.Selection selection() {
        ReadOptions options = readOptions();
        return new Inputs.Selection(include, exclude, f -> SpectrumReaders.recognises(f, options));
    }

    /** @return {@code p} with these options set on its read steps (only those given, so a pipeline's own stay) */
    Pipeline applyTo(Pipeline p) {
        Pipeline out = p;
        for (Map.Entry<String, String> e : ReadParameters.of(readOptions()).entrySet()) {
            out = out.with(StepNames.READ, e.getKey(), e.getValue());
        }
        return out;
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.xanesml.classify.ModelBundle;
import org.xanesml.classify.ModelDescriptor;
import org.xanesml.models.PretrainedModels.Coverage;
import org.xanesml.workflow.ModelSource;
import org.xanesml.workflow.StepException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code xanesml inspect}: what a model bundle contains. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = { "Show what a model bundle contains and when to trust it.", "Element, task, classes, learner,"
                + " energy placement, training data, metrics, applicability domain, versions and checksum; for a"
                + " shipped model also what it was trained on and its scores on measured spectra." },
        footer = { "", "Examples:", "  xanesml inspect cu-k-cn", "  xanesml inspect my-model.zip --descriptor" })
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--descriptor", description = "Print the full descriptor XML instead of a summary.")
    boolean descriptor;

    @Parameters(paramLabel = "MODEL", description = "Model file or shipped model name.")
    String model;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            ModelBundle b = Failures.loadModel(ModelSource::load, model);
            if (descriptor) {
                out.print(new String(ModelBundle.descriptorXml(b.descriptor()),
                        java.nio.charset.StandardCharsets.UTF_8));
                return ExitCodes.OK;
            }
            for (Map.Entry<String, String> e : Training.describe(b).entrySet()) {
                out.println(String.format("%-22s %s", e.getKey() + ":", e.getValue()));
            }
            ModelDescriptor d = b.descriptor();
            if (d.training != null && d.training.rebuildCommand != null) {
                out.println(String.format("%-22s %s", "rebuild:", d.training.rebuildCommand));
            }
            // when to trust it: the statement shipped for exactly this file, or a warning that there is none
            Optional<Coverage> coverage = ModelSource.coverage(b);
            if (coverage.isPresent()) {
                out.println(String.format("%-22s %s", "trained on:", coverage.get().chemistry()));
                out.println(String.format("%-22s %s", "simulation:", coverage.get().simulation()));
                out.println(String.format("%-22s %s", "measured spectra:", coverage.get().measured()));
            } else {
                out.println(String.format("%-22s %s", "measured spectra:", "not evaluated with this file (not a"
                        + " shipped model): score it with 'xanesml evaluate --measured TABLE' before trusting it"));
            }
            return ExitCodes.OK;
        } catch (StepException | java.io.IOException e) {
            spec.commandLine().getErr().println("inspect: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }
}

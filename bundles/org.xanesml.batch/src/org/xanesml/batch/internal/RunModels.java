/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.xanesml.classify.ModelBundle;
import org.xanesml.workflow.ModelChoice;
import org.xanesml.workflow.ModelSource;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.report.ReportColumns;

/**
 * The models a classify or watch run chooses from (named with -m, or every shipped one), loaded before any input is
 * read so an unusable model fails the run at once, with what the run's bookkeeping needs from them: the report's
 * columns (known before the first row, for the journal and the watch report) and one checksum for all.
 *
 * @param references the models as the run names them, in order
 * @param bundles    the loaded models, one per reference
 * @param sha256     the model file's SHA-256 for one model; for several, the SHA-256 of their checksums in order
 */
record RunModels(List<String> references, List<ModelBundle> bundles, String sha256) {
    RunModels {
        references = List.copyOf(references);
        bundles = List.copyOf(bundles);
    }

    /** @param named the -m options (empty: every shipped model) */
    static RunModels load(List<String> named, Failures.ModelLoader loader) throws StepException {
        List<String> refs = ModelChoice.references(named);
        List<ModelBundle> bundles = new ArrayList<>();
        List<String> sums = new ArrayList<>();
        for (String ref : refs) {
            bundles.add(Failures.loadModel(loader, ref));
            sums.add(ModelSource.sha256(ref));
        }
        return new RunModels(refs, bundles, sums.size() == 1 ? sums.get(0) : sha256(String.join("\n", sums)));
    }

    /** @return the report columns of these models' tasks and classes */
    ReportColumns columns() {
        Map<String, Set<String>> classes = new LinkedHashMap<>();
        for (ModelBundle b : bundles) {
            classes.computeIfAbsent(b.descriptor().task, t -> new LinkedHashSet<>()).addAll(b.model().classes());
        }
        return ReportColumns.of(classes);
    }

    /** @return the models for a report's info: "cu-k-cn, fe-k-cn" */
    String describe() {
        return String.join(", ", references);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

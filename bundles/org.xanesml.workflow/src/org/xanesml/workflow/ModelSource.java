/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.xanesml.classify.ModelBundle;
import org.xanesml.models.PretrainedModels;

/**
 * Finds a model bundle by what a user types: a shipped model's name ("cu-k-cn", "cu-k-cn.zip") or a path to a
 * model file.
 */
public final class ModelSource {
    private ModelSource() {
    }

    /** @return the names of the shipped models, without ".zip" */
    public static List<String> shippedNames() {
        List<String> names = new ArrayList<>();
        for (String n : PretrainedModels.ALL) {
            names.add(n.substring(0, n.length() - ".zip".length()));
        }
        return names;
    }

    /**
     * @return the coverage statement shipped for {@code bundle} when it is byte for byte one of the shipped models
     *         (matched by its payload checksum and its domain's fingerprint, so a copy under another name is recognised
     *         and a rebuilt or foreign model, or one whose domain was refitted, is not given a statement written for
     *         another file); empty otherwise
     * @throws StepException when a shipped statement cannot be read (a broken installation)
     */
    public static Optional<PretrainedModels.Coverage> coverage(ModelBundle bundle) throws StepException {
        String sha = bundle.descriptor().payload == null ? null : bundle.descriptor().payload.sha256;
        if (sha == null) {
            return Optional.empty();
        }
        String domain = bundle.descriptor().domain.fingerprint();
        try {
            return PretrainedModels.coverages().stream().filter(c -> c.describes(sha, domain)).findFirst();
        } catch (IOException e) {
            throw new StepException("the shipped models' coverage statements: " + e.getMessage(), e);
        }
    }

    /**
     * @throws StepException naming the reference and the shipped models when it is neither a shipped model nor a
     *                       readable model file, or when the file is no valid model
     */
    public static ModelBundle load(String reference) throws StepException {
        String ref = reference.strip();
        String zip = ref.endsWith(".zip") ? ref : ref + ".zip";
        try {
            if (PretrainedModels.ALL.contains(zip) && !Files.exists(Path.of(ref))) {
                try (InputStream in = PretrainedModels.open(zip)) {
                    return ModelBundle.read(in, "shipped model " + zip);
                }
            }
            Path file = Path.of(ref);
            if (!Files.isRegularFile(file)) {
                throw new StepException("model '" + ref + "' is neither a model file nor a shipped model "
                        + shippedNames());
            }
            return ModelBundle.read(file);
        } catch (IOException e) {
            throw new StepException("model '" + ref + "' cannot be used: " + e.getMessage(), e);
        }
    }

    /**
     * @return the SHA-256 of the model file {@link #load} would read for {@code reference} (hex), so two names of one
     *         model are recognised as one and a changed file is not
     * @throws StepException as {@link #load} when there is no such model or it cannot be read
     */
    public static String sha256(String reference) throws StepException {
        String ref = reference.strip();
        String zip = ref.endsWith(".zip") ? ref : ref + ".zip";
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            boolean shipped = PretrainedModels.ALL.contains(zip) && !Files.exists(Path.of(ref));
            if (!shipped && !Files.isRegularFile(Path.of(ref))) {
                throw new StepException("model '" + ref + "' is neither a model file nor a shipped model "
                        + shippedNames());
            }
            try (InputStream in = new DigestInputStream(shipped ? PretrainedModels.open(zip)
                    : Files.newInputStream(Path.of(ref)), md)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new StepException("model '" + ref + "' cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

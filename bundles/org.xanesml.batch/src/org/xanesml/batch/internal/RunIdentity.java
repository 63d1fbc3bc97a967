/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.xanesml.workflow.Pipeline;

/**
 * What makes a resumed run the same run as the interrupted one: the same input files (by real location, however
 * they were spelled), the same model (by checksum, whatever it was called) and the same pipeline options. Written as
 * the first line of the journal; {@code --resume} refuses, saying which differs, when they do not match.
 *
 * @param command     the command ("classify")
 * @param inputs      how many input files
 * @param inputsHash  SHA-256 of the sorted real paths of the inputs
 * @param model       SHA-256 of the model file, or "none"
 * @param pipeline    SHA-256 of the pipeline's steps and parameters (the model reference left out: the checksum
 *                    stands for it)
 * @param folder      the working folder of the run, against which the journal's relative input paths resolve
 */
record RunIdentity(String command, int inputs, String inputsHash, String model, String pipeline, String folder) {
    private static final String PREFIX = "# xanesml run:";

    static RunIdentity of(String command, List<Path> inputs, String modelSha256, Pipeline pipeline) {
        List<String> real = new ArrayList<>();
        for (Path p : inputs) {
            real.add(Inputs.canonical(p).toString());
        }
        real.sort(null);
        StringBuilder steps = new StringBuilder();
        for (Pipeline.Step s : pipeline.steps()) {
            Map<String, String> params = new TreeMap<>(s.parameters());
            params.remove("model");
            steps.append(s.name()).append(params).append('\n');
        }
        return new RunIdentity(command, inputs.size(), sha256(String.join("\n", real)),
                modelSha256 == null ? "none" : modelSha256, sha256(steps.toString()),
                Path.of("").toAbsolutePath().toString());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** @return the journal line: "# xanesml run: key=value ...", values URL-encoded so any folder name fits */
    String line() {
        StringBuilder sb = new StringBuilder(PREFIX);
        fields().forEach((k, v) -> sb.append(' ').append(k).append('=').append(URLEncoder.encode(v,
                StandardCharsets.UTF_8)));
        return sb.toString();
    }

    private Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("command", command);
        f.put("inputs", Integer.toString(inputs));
        f.put("inputs-sha256", inputsHash);
        f.put("model-sha256", model);
        f.put("pipeline-sha256", pipeline);
        f.put("folder", folder);
        return f;
    }

    /** @return the identity a journal line records, or empty when the line is none (a journal of an older version) */
    static Optional<RunIdentity> parse(String line) {
        if (line == null || !line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (String kv : line.substring(PREFIX.length()).trim().split(" ")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                f.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        try {
            return Optional.of(new RunIdentity(f.get("command"), Integer.parseInt(f.get("inputs")),
                    f.get("inputs-sha256"), f.get("model-sha256"), f.get("pipeline-sha256"), f.get("folder")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** @return why a run with identity {@code now} is not this run, in the user's terms; empty when it is */
    Optional<String> differenceFrom(RunIdentity now) {
        if (!command.equals(now.command)) {
            return Optional.of("the interrupted run was 'xanesml " + command + "'");
        }
        if (inputs != now.inputs || !inputsHash.equals(now.inputsHash)) {
            return Optional.of("the inputs are not those of the interrupted run (" + inputs + " file(s) then, "
                    + now.inputs + " now" + (inputs == now.inputs ? ", other files" : "")
                    + "); give the same files, folders or globs");
        }
        if (!model.equals(now.model)) {
            return Optional.of("the model is not the interrupted run's (SHA-256 " + abbreviated(model) + " then, "
                    + abbreviated(now.model) + " now); resume with the same model, so one report holds one model's"
                    + " answers");
        }
        if (!pipeline.equals(now.pipeline)) {
            return Optional.of("the pipeline steps or their options are not the interrupted run's");
        }
        return Optional.empty();
    }

    private static String abbreviated(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.models;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/**
 * The model files this bundle ships (under {@code models/}). Only bytes are handed out: loading, checksum and
 * version checks and safe deserialisation are the classify bundle's job ({@code ModelBundle.read(InputStream, String)}).
 */
public final class PretrainedModels {
    /** Cu K edge, coordination number {4, 5, 6} (OmniXAS FEFF spectra). */
    public static final String CU_CN = "cu-k-cn.zip";
    /** Cu K edge, geometry {tetrahedral, square-planar, square-pyramidal, octahedral}. */
    public static final String CU_GEOMETRY = "cu-k-geometry.zip";
    /** Fe K edge, coordination number {4, 5, 6} (XANESNET FDMNES spectra). */
    public static final String FE_CN = "fe-k-cn.zip";
    /** Fe K edge, geometry. */
    public static final String FE_GEOMETRY = "fe-k-geometry.zip";

    /**
     * Cu K edge, oxidation state {1, 2, 3} (Cu+ / Cu2+ / Cu3+; OmniXAS FEFF spectra, labels by bond valence checked by
     * charge balance). {@code OxidationEstimate} turns its probabilities into a continuous state.
     */
    public static final String CU_OXIDATION = "cu-k-oxidation.zip";
    /**
     * Fe K edge, oxidation state {2, 3} (XANESNET FDMNES spectra, labels by bond valence; read the limits in the
     * models README before trusting it: the molecules are closed-shell and their Fe3+ labels doubtful).
     */
    public static final String FE_OXIDATION = "fe-k-oxidation.zip";

    /** Every shipped model; the first four (CN and geometry) keep their places, the oxidation models follow. */
    public static final List<String> ALL = List.of(CU_CN, CU_GEOMETRY, FE_CN, FE_GEOMETRY, CU_OXIDATION, FE_OXIDATION);

    private PretrainedModels() {
    }

    /**
     * What a shipped model covers and how it did on measured spectra, written for one exact file.
     *
     * @param chemistry     the compounds and sites it was trained on, and what it was not
     * @param simulation    the simulation code and how its energy scale is placed against measurements
     * @param measured      its scores on the measured references (see {@code models/coverage.properties})
     * @param payloadSha256 the model file the statement was written for: a statement for another payload does not
     *                      apply
     */
    public record Coverage(String chemistry, String simulation, String measured, String payloadSha256,
            String domainFingerprint) {
        /**
         * @return true when this statement was written for the classifier payload with this checksum and the
         *         applicability domain with this fingerprint (a domain refitted around the same classifier answers
         *         other spectra, so its measured figures are not this statement's)
         */
        public boolean describes(String sha256, String domain) {
            return payloadSha256.equalsIgnoreCase(sha256) && domainFingerprint.equalsIgnoreCase(domain);
        }
    }

    /**
     * @param name one of {@link #ALL}, with or without ".zip"
     * @return the coverage statement shipped for it
     * @throws IOException when the name is not shipped or its statement is missing or incomplete
     */
    public static Coverage coverage(String name) throws IOException {
        if (!ALL.contains(name) && !ALL.contains(name + ".zip")) {
            throw new IOException("'" + name + "' is not a shipped model; available: " + ALL);
        }
        return coverage(statements(), name);
    }

    /**
     * @return the coverage statement of every shipped model, in {@link #ALL}'s order, read in one pass
     * @throws IOException when a statement is missing or incomplete
     */
    public static List<Coverage> coverages() throws IOException {
        Properties p = statements();
        List<Coverage> all = new java.util.ArrayList<>();
        for (String name : ALL) {
            all.add(coverage(p, name));
        }
        return all;
    }

    private static Properties statements() throws IOException {
        Properties p = new Properties();
        try (InputStream in = PretrainedModels.class.getResourceAsStream("/models/coverage.properties")) {
            if (in == null) {
                throw new IOException("models/coverage.properties is missing from bundle org.xanesml.models");
            }
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Coverage coverage(Properties p, String name) throws IOException {
        String key = name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
        String[] fields = {"chemistry", "simulation", "measured", "payloadSha256", "domainFingerprint"};
        String[] values = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = p.getProperty(key + "." + fields[i]);
            if (values[i] == null || values[i].isBlank()) {
                throw new IOException("models/coverage.properties has no " + key + "." + fields[i]);
            }
        }
        return new Coverage(values[0], values[1], values[2], values[3], values[4]);
    }

    /**
     * @param name one of {@link #ALL}
     * @return the model file's bytes as a stream; the caller closes it
     * @throws IOException naming the model when it is not in this bundle
     */
    public static InputStream open(String name) throws IOException {
        if (!ALL.contains(name)) {
            throw new IOException("'" + name + "' is not a shipped model; available: " + ALL);
        }
        InputStream in = PretrainedModels.class.getResourceAsStream("/models/" + name);
        if (in == null) {
            throw new IOException("model file models/" + name + " is missing from bundle org.xanesml.models");
        }
        return in;
    }
}

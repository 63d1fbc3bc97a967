/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Assertions;
import org.opentest4j.TestAbortedException;

/**
 * The one place tests and benchmarks learn where the shared reference data ({@code ../shared}: real spectra, Larch
 * goldens, splits, baselines) lies. It is read in place and never written.
 * <p>
 * Resolution order: system property {@value #PROPERTY}, environment variable {@value #ENV}, then {@code ../shared}
 * relative to the working directory's project root. The parent pom passes the property to every OSGi test run.
 * <p>
 * When a file is missing, a test is skipped with a message saying what to set, except under CI ({@code CI=true}),
 * where missing data is a failure: a green CI must have really run the data tests.
 */
public final class SharedData {
    public static final String PROPERTY = "xanesml.shared";
    public static final String ENV = "XANESML_SHARED";

    private SharedData() {
    }

    /** @return the configured root, whether or not it exists. */
    public static Path root() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(ENV);
        }
        if (configured == null || configured.isBlank()) {
            configured = "../shared";
        }
        return Paths.get(configured).toAbsolutePath().normalize();
    }

    /**
     * @param relative a path below the shared root, e.g. {@code "golden/larch/_index.csv"}
     * @return the existing file or folder
     * @throws TestAbortedException locally when it is missing (the test is skipped, with the reason)
     */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            String message = "shared reference data not found: " + p + " (set -D" + PROPERTY + "=<dir> or "
                    + ENV + " to the folder holding data/ and golden/)";
            if (isCi()) {
                Assertions.fail(message + "; CI=true, so missing data is a failure");
            }
            throw new TestAbortedException(message);
        }
        return p;
    }

    /** @return true when running under CI, where missing data must fail rather than skip. */
    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * @return the folder where tests leave artefacts for people to look at (screenshots, reports): the module's
     *         {@code target/} under Maven, a temp folder otherwise
     */
    public static Path outputDir() {
        String configured = System.getProperty("xanesml.test.out");
        Path p = configured == null || configured.isBlank() ? Paths.get(System.getProperty("java.io.tmpdir"), "xanesml-test-out")
                : Paths.get(configured);
        try {
            Files.createDirectories(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create test output folder " + p, e);
        }
        return p;
    }
}

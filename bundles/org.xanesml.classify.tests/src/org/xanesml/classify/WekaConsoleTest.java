/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import weka.core.WekaPackageClassLoaderManager;

/**
 * Training must not make Weka write to the console: {@code xanesml train} and {@code xanesml demo} used to print
 * "WARNING: core mtj jar files are not available ..." (to System.out, by Weka 3.8.6's first use), and the
 * netlib-java library that silences it must not log its own warnings instead. Both speak only at their first use in
 * a JVM, so this class runs before the other test classes (junit-platform.properties orders by {@link Order}).
 */
@Order(1)
class WekaConsoleTest {
    /** Printed by Weka when neither netlib-java's ARPACK class nor MTJ jars inside Weka's own jar can be found. */
    private static final String MTJ_WARNING = "core mtj jar files are not available";

    @Test
    void trainingAnSmoPrintsNoMtjWarningAndNetlibLogsNoWarning() throws Exception {
        // netlib-java reports through java.util.logging, whose console handler may hold the original System.err
        Logger netlib = Logger.getLogger("com.github.fommil.netlib");
        List<String> netlibWarnings = new ArrayList<>();
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    netlibWarnings.add(r.getLoggerName() + ": " + r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        netlib.addHandler(recorder);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(capture);
        System.setErr(capture);
        try {
            TrainedModel m = ModelTrainer.train(Synthetic.dataSet(), Synthetic.recipe(), LearnerSpec.smoRbf(10, 0.01),
                    TrainingOptions.DEFAULT);
            assertEquals(3, m.classes().size());
            // Weka runs its mtj check once per JVM (WekaPackageManager's static initialiser): should another test
            // class ever run first, the same check run again still catches the warning.
            Method check = WekaPackageClassLoaderManager.class.getDeclaredMethod("injectMTJCoreClasses");
            check.setAccessible(true);
            check.invoke(WekaPackageClassLoaderManager.getWekaPackageClassLoaderManager());
        } finally {
            System.setOut(out);
            System.setErr(err);
            netlib.removeHandler(recorder);
        }
        String printed = console.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains(MTJ_WARNING), "Weka printed: " + printed);
        assertTrue(netlibWarnings.isEmpty(), "netlib-java warned: " + netlibWarnings);
    }
}

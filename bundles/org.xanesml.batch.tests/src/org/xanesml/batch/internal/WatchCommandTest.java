/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.classify.LabelTable;
import org.xanesml.classify.LearnerSpec;
import org.xanesml.classify.Task;
import org.xanesml.core.Element;

/**
 * A watched folder during an "experiment": one file written slowly in pieces (must not be read half-way), one
 * renamed into the folder, one copied; then a restart that must not redo them.
 */
class WatchCommandTest {

    private static Path trainModel(Path dir) throws IOException {
        Path data = dir.resolve("train");
        List<Path> files = SyntheticData.write(SyntheticData.generate(60, 7), data);
        Training.Loaded loaded = Training.load(files, LabelTable.read(data.resolve("labels.csv"), "geometry"), 1,
                null);
        Path model = dir.resolve("model.zip");
        Training.train(loaded.items(), Element.Fe, Task.GEOMETRY, LearnerSpec.of(LearnerSpec.Kind.J48,
                java.util.Map.of()), "watch test", 1, model, "test");
        return model;
    }

    private static int watch(Path model, Path folder, StringWriter out, StringWriter err, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("watch", "-m", model.toString(), "--poll-ms", "100",
                "--stable-polls", "2", "--threads", "1"));
        args.addAll(List.of(extra));
        args.add(folder.toString());
        return XanesmlCommand.run(args.toArray(new String[0]), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void classifiesCompleteFilesOnlyAndResumesWithoutRedoing(@TempDir Path dir) throws Exception {
        Path model = trainModel(dir);
        Path source = dir.resolve("source");
        List<Path> spectra = SyntheticData.write(SyntheticData.generate(3, 99), source);
        Path folder = Files.createDirectory(dir.resolve("beamtime"));
        // the report is kept outside the watched folder
        Path report = dir.resolve("beamtime-report.csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread w = new Thread(() -> code.set(watch(model, folder, out, err, "-o", report.toString(), "--max-files", "3",
                "--timeout", "60")));
        w.start();
        // 1: written in pieces with pauses longer than a poll, as a slow detector writer would
        byte[] slow = Files.readAllBytes(spectra.get(0));
        try (OutputStream o = Files.newOutputStream(folder.resolve("scan_001.xdi"), StandardOpenOption.CREATE_NEW)) {
            for (int i = 0; i < 4; i++) {
                o.write(slow, i * slow.length / 4, (i + 1) * slow.length / 4 - i * slow.length / 4);
                o.flush();
                Thread.sleep(150);
            }
        }
        // 2: finished elsewhere and renamed in
        Path staged = dir.resolve("scan_002.xdi");
        Files.copy(spectra.get(1), staged);
        Files.move(staged, folder.resolve("scan_002.xdi"), StandardCopyOption.ATOMIC_MOVE);
        // 3: a writer's temporary name, renamed when complete
        Files.copy(spectra.get(2), folder.resolve("scan_003.xdi.part"));
        Thread.sleep(300);
        Files.move(folder.resolve("scan_003.xdi.part"), folder.resolve("scan_003.xdi"));
        w.join(60_000);
        assertEquals(ExitCodes.OK, code.get(), out + "\n" + err);
        List<String> lines = Files.readAllLines(report);
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.stream().skip(1).noneMatch(l -> l.contains("FAILED")), "a file was read half-way:\n"
                + String.join("\n", lines));
        assertTrue(out.toString().contains("synthetic_0000") || out.toString().contains("scan_001"), out.toString());

        // A restart finds everything done and appends nothing; a new file is then picked up.
        StringWriter out2 = new StringWriter();
        StringWriter err2 = new StringWriter();
        Files.copy(spectra.get(0), folder.resolve("scan_004.xdi"));
        assertEquals(ExitCodes.OK, watch(model, folder, out2, err2, "-o", report.toString(), "--max-files", "5",
                "--timeout", "2"),
                err2.toString());
        assertTrue(err2.toString().contains("resuming, 3 file(s) already done"), err2.toString());
        List<String> after = Files.readAllLines(report);
        assertEquals(5, after.size(), String.join("\n", after));
        assertTrue(after.get(4).contains("scan_004.xdi"), after.get(4));
    }
}

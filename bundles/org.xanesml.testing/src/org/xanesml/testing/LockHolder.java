/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Another process (a second JVM) that holds an OS lock on a file until closed, as a live run of another xanesml
 * process does. A lock taken inside the test JVM would not do: Java reports locks of its own process differently
 * (OverlappingFileLockException), and that is not the case a second process meets.
 */
public final class LockHolder implements AutoCloseable {
    private static final String SOURCE = """
            import java.nio.channels.FileChannel;
            import java.nio.file.*;
            public class Hold {
                public static void main(String[] a) throws Exception {
                    try (FileChannel ch = FileChannel.open(Path.of(a[0]), StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE)) {
                        ch.lock();
                        if (a.length > 1) {
                            ch.truncate(0);
                            ch.write(java.nio.ByteBuffer.wrap(a[1].replace("PID",
                                    Long.toString(ProcessHandle.current().pid())).getBytes()));
                        }
                        System.out.println("locked " + ProcessHandle.current().pid());
                        System.out.flush();
                        System.in.read();
                    }
                }
            }
            """;

    private final Process process;
    private final long pid;

    private LockHolder(Process process, long pid) {
        this.process = process;
        this.pid = pid;
    }

    /**
     * Starts the other process and returns once it holds the lock.
     *
     * @param file    created if missing
     * @param content written into the file once locked ("PID" replaced by the holder's pid), or null
     */
    public static LockHolder lock(Path file, String content) throws IOException, InterruptedException {
        Path src = Files.createTempDirectory("lockholder").resolve("Hold.java");
        Files.writeString(src, SOURCE);
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = content == null ? new ProcessBuilder(java, src.toString(), file.toString())
                : new ProcessBuilder(java, src.toString(), file.toString(), content);
        Process p = pb.redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        if (line == null || !line.startsWith("locked ")) {
            p.destroyForcibly();
            throw new IOException("the lock-holding process did not start: " + line);
        }
        return new LockHolder(p, Long.parseLong(line.substring("locked ".length()).strip()));
    }

    public long pid() {
        return pid;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}

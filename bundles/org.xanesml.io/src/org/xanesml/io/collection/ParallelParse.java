/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.collection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;

/**
 * Runs parse tasks beside the thread that streams an archive, so that inflating and parsing overlap. At most
 * {@code maxInFlight} loaded-but-unparsed members are held, which bounds memory on large archives. With one thread
 * the tasks run inline, in order.
 */
final class ParallelParse implements AutoCloseable {
    private final ExecutorService pool;
    private final Semaphore inFlight;

    ParallelParse(int threads, int maxInFlight) {
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "xanesml-collection-parse");
            t.setDaemon(true);
            return t;
        }) : null;
        this.inFlight = new Semaphore(Math.max(1, maxInFlight));
    }

    /** @return the task's future; inline execution gives an already completed one */
    <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        if (pool == null) {
            FutureTask<T> f = new FutureTask<>(task);
            f.run();
            return f;
        }
        inFlight.acquire();
        return pool.submit(() -> {
            try {
                return task.call();
            } finally {
                inFlight.release();
            }
        });
    }

    /** Waits for every future, rethrowing a task's unexpected runtime failure (a bug, not bad input). */
    static <T> List<T> all(List<Future<T>> futures) throws InterruptedException {
        List<T> out = new ArrayList<>(futures.size());
        for (Future<T> f : futures) {
            out.add(get(f));
        }
        return out;
    }

    static <T> T get(Future<T> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("parse task failed", cause);
        }
    }

    /** @return the default number of parse threads: the machine's processors, at most {@code cap} */
    static int defaultThreads(int cap) {
        return Math.max(1, Math.min(cap, Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}

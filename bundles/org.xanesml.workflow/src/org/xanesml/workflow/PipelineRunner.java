/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.xanesml.workflow.report.Report;
import org.xanesml.workflow.report.ReportCollector;
import org.xanesml.workflow.report.ReportRow;

/**
 * Runs a {@link Pipeline} on many inputs with N threads. Results come out in input order whatever the threads did,
 * so a run on N threads gives exactly the report of a run on one. An input that fails becomes a report row with its
 * error, never the end of the batch, whatever it threw (an exception, an error such as a stack overflow, or a
 * listener that failed on it): a failed input is a failed row, never a missing one. Interrupting the calling thread
 * stops the run: inputs already delivered are kept, the rest are not started. Running out of memory also stops the
 * run (retrying thousands of inputs in a full heap only repeats the failure): see {@link RunResult#outOfMemory()}.
 */
public final class PipelineRunner {
    private final Map<String, ProcessingStep> steps = new LinkedHashMap<>();

    /** @param available the steps to bind to ({@link StepServices}' catalog, or {@link StepCatalog#builtIn()}) */
    public PipelineRunner(Collection<? extends ProcessingStep> available) {
        for (ProcessingStep s : available) {
            steps.putIfAbsent(s.name(), s);
        }
    }

    /** Receives each finished input, in input order, on one thread at a time. */
    @FunctionalInterface
    public interface Listener {
        void finished(int done, int total, Path source, List<ReportRow> rows);

        /** Receives each successfully processed input (before {@link #finished}), for callers that need the data. */
        default void item(WorkItem item) {
            // Most listeners need the rows only.
        }
    }

    /**
     * @param threads   worker threads (at least 1)
     * @param plotLimit spectra whose curves the report keeps for plotting
     * @param listener  told about each finished input in order (progress, live output); may be null
     */
    public record Options(int threads, int plotLimit, Listener listener) {
        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads = " + threads + "; at least 1");
            }
        }

        public static Options threads(int n) {
            return new Options(n, Report.MAX_PLOTS, null);
        }

        public Options withListener(Listener value) {
            return new Options(threads, plotLimit, value);
        }

        public Options withPlotLimit(int value) {
            return new Options(threads, value, listener);
        }
    }

    /** A pipeline checked against the available steps. */
    public record Bound(Pipeline pipeline, List<ProcessingStep> steps, List<StepParameters> parameters) {
        /**
         * Runs every step on one input on the calling thread, for callers that work one input at a time (the
         * workbench): the same steps and parameters a {@link PipelineRunner#run} applies, without its threads and
         * report. Problems with single spectra are recorded on their {@link SpectrumRecord}s.
         *
         * @param context this thread's context; reusing it keeps loaded models and classifier copies between inputs
         * @throws StepException when a step cannot process the input at all (unreadable file, missing model)
         */
        public WorkItem apply(WorkItem item, StepContext context) throws StepException {
            WorkItem current = item;
            for (int i = 0; i < steps.size(); i++) {
                current = steps.get(i).apply(current, parameters.get(i), context);
            }
            return current;
        }
    }

    /**
     * What a run produced.
     *
     * @param report         rows of all delivered inputs, in input order
     * @param inputs         inputs asked for
     * @param delivered      inputs finished (all of them unless the run stopped)
     * @param failedInputs   inputs that failed as a whole
     * @param nanosPerStep   CPU-thread time spent in each step (summed over threads), by step name, plus the
     *                       aggregate steps' completion under "&lt;name&gt; (complete)"
     * @param wallNanos      elapsed time of the run
     * @param interrupted    whether the run was stopped before all inputs were done
     * @param completeErrors errors of aggregate steps (e.g. a report that could not be written)
     * @param cpuNanosPerStep CPU time the worker threads spent in each step (summed over threads), by step name;
     *                       unlike {@code nanosPerStep} it excludes time the threads waited for a core, so it
     *                       measures the work itself on a shared machine; empty when the JVM cannot measure it
     * @param outOfMemory    the input being processed when the JVM ran out of memory, which stopped the run (the
     *                       inputs delivered before are kept, the rest were not started); empty otherwise
     */
    public record RunResult(Report report, int inputs, int delivered, int failedInputs, Map<String, Long> nanosPerStep,
            long wallNanos, boolean interrupted, List<String> completeErrors, Map<String, Long> cpuNanosPerStep,
            Optional<Path> outOfMemory) {

        /** A result of a run that did not run out of memory. */
        public RunResult(Report report, int inputs, int delivered, int failedInputs, Map<String, Long> nanosPerStep,
                long wallNanos, boolean interrupted, List<String> completeErrors, Map<String, Long> cpuNanosPerStep) {
            this(report, inputs, delivered, failedInputs, nanosPerStep, wallNanos, interrupted, completeErrors,
                    cpuNanosPerStep, Optional.empty());
        }

        /** @return whether the run stopped before all inputs were done (interrupted or out of memory) */
        public boolean stopped() {
            return interrupted || outOfMemory.isPresent();
        }
    }

    /**
     * @throws IllegalArgumentException naming the step when a name is unknown, a parameter invalid, or the steps do
     *                                  not chain (e.g. classify before normalise)
     */
    public Bound bind(Pipeline pipeline) {
        return bind(pipeline, DataKind.FILE);
    }

    /**
     * Binds a pipeline that starts from inputs already processed this far, e.g. spectra read earlier that are to
     * be normalised again with other parameters ({@link DataKind#SPECTRA}); run it with {@link Bound#apply}.
     *
     * @throws IllegalArgumentException as {@link #bind(Pipeline)}
     */
    public Bound bind(Pipeline pipeline, DataKind input) {
        List<ProcessingStep> bound = new ArrayList<>();
        List<StepParameters> params = new ArrayList<>();
        DataKind current = input;
        int i = 0;
        for (Pipeline.Step s : pipeline.steps()) {
            i++;
            ProcessingStep step = steps.get(s.name());
            if (step == null) {
                throw new IllegalArgumentException(pipeline.name() + ": step " + i + " '" + s.name()
                        + "' is not available; steps: " + steps.keySet());
            }
            if (!step.inputKind().accepts(current)) {
                throw new IllegalArgumentException(pipeline.name() + ": step " + i + " '" + s.name() + "' needs "
                        + step.inputKind() + " but gets " + current + " (check the step order)");
            }
            params.add(StepParameters.of(step, s.parameters()));
            bound.add(step);
            current = step.outputKind().ordinal() > current.ordinal() ? step.outputKind() : current;
        }
        if (bound.isEmpty()) {
            throw new IllegalArgumentException(pipeline.name() + ": no steps");
        }
        return new Bound(pipeline, List.copyOf(bound), List.copyOf(params));
    }

    public RunResult run(Pipeline pipeline, List<Path> inputs, Options options) {
        return run(bind(pipeline), inputs, options);
    }

    public RunResult run(Bound bound, List<Path> inputs, Options options) {
        long t0 = System.nanoTime();
        int n = inputs.size();
        StepContext.Shared shared = new StepContext.Shared();
        ThreadLocal<StepContext> contexts = ThreadLocal.withInitial(() -> new StepContext(shared));
        LongAdder[] nanos = new LongAdder[bound.steps().size()];
        LongAdder[] cpuNanos = new LongAdder[bound.steps().size()];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = new LongAdder();
            cpuNanos[i] = new LongAdder();
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        boolean measureCpu = cpu.isCurrentThreadCpuTimeSupported();
        Delivery delivery = new Delivery(n, options);
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<Path> outOfMemory = new AtomicReference<>();
        // Stopping a run lets each worker finish its input and starts no more; workers are never interrupted, as
        // an interrupt closes the file channels they read and write (the input would be reported as failed, the
        // caller's journal closed half-way).
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), daemonThreads());
        CountDownLatch done = new CountDownLatch(n);
        boolean interrupted = false;
        try {
            for (int i = 0; i < n; i++) {
                int index = i;
                pool.execute(() -> {
                    try {
                        if (stop.get()) {
                            return;
                        }
                        Object outcome;
                        try {
                            outcome = process(bound, WorkItem.of(index, inputs.get(index)), contexts.get(), nanos,
                                    measureCpu ? cpu : null, cpuNanos);
                        } catch (OutOfMemoryError e) {
                            throw e;
                        } catch (RuntimeException | Error e) {
                            // Outside any step (e.g. setting up the thread's context): still this input's row.
                            outcome = new InputFailure(index, inputs.get(index), "run", inputs.get(index)
                                    + ": internal error " + e);
                        }
                        if (outcome instanceof InputFailure) {
                            failed.incrementAndGet();
                        }
                        delivery.deliver(index, outcome);
                    } catch (OutOfMemoryError e) {
                        // Stop rather than let every worker fail the same way (and print its trace) input after
                        // input; the caller names the input and says how to give the JVM more memory.
                        outOfMemory.compareAndSet(null, inputs.get(index));
                        stop.set(true);
                        while (done.getCount() > 0) {
                            done.countDown();
                        }
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await();
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                stop.set(true);
            }
            pool.shutdown();
        }
        boolean stopped = interrupted || outOfMemory.get() != null;
        if (stopped) {
            // Let workers that are mid-input finish delivering, so their rows are complete; a second interrupt
            // ends the wait. The caller's interrupt stays set for it to see.
            Thread.interrupted();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        Map<String, String> info = new LinkedHashMap<>();
        info.put("pipeline", bound.pipeline().toString());
        info.put("inputs", Integer.toString(n));
        Report report;
        int delivered;
        synchronized (delivery) {
            // Nothing delivered after this point may change the report or reach the listener.
            delivery.closed = true;
            delivered = delivery.next;
            if (delivered < n) {
                info.put("not processed (run stopped)", Integer.toString(n - delivered));
            }
            report = delivery.collector.report(bound.pipeline().name(), info);
        }
        Map<String, Long> perStep = new LinkedHashMap<>();
        for (int i = 0; i < nanos.length; i++) {
            perStep.merge(bound.steps().get(i).name(), nanos[i].sum(), Long::sum);
        }
        List<String> errors = new ArrayList<>(delivery.listenerErrors());
        if (!stopped) {
            StepContext context = new StepContext(shared);
            for (int i = 0; i < bound.steps().size(); i++) {
                long c0 = System.nanoTime();
                try {
                    bound.steps().get(i).complete(report, bound.parameters().get(i), context);
                } catch (StepException | RuntimeException e) {
                    errors.add(bound.steps().get(i).name() + ": " + e.getMessage());
                }
                perStep.merge(bound.steps().get(i).name() + " (complete)", System.nanoTime() - c0, Long::sum);
            }
            perStep.values().removeIf(v -> v == 0L);
        }
        Map<String, Long> cpuPerStep = new LinkedHashMap<>();
        if (measureCpu) {
            for (int i = 0; i < cpuNanos.length; i++) {
                cpuPerStep.merge(bound.steps().get(i).name(), cpuNanos[i].sum(), Long::sum);
            }
        }
        return new RunResult(report, n, delivered, failed.get(), perStep, System.nanoTime() - t0, interrupted,
                errors, cpuPerStep, Optional.ofNullable(outOfMemory.get()));
    }

    /** @return a WorkItem, or the InputFailure that stopped it */
    private static Object process(Bound bound, WorkItem item, StepContext context, LongAdder[] nanos,
            ThreadMXBean cpu, LongAdder[] cpuNanos) {
        WorkItem current = item;
        for (int i = 0; i < bound.steps().size(); i++) {
            ProcessingStep step = bound.steps().get(i);
            long c0 = cpu == null ? 0 : cpu.getCurrentThreadCpuTime();
            long s0 = System.nanoTime();
            try {
                current = step.apply(current, bound.parameters().get(i), context);
            } catch (StepException e) {
                return new InputFailure(item.index(), item.source(), step.name(), e.getMessage());
            } catch (OutOfMemoryError e) {
                throw e;
            } catch (RuntimeException | Error e) {
                // A bug or unexpected input in one step (an exception, a stack overflow, a failed assertion, a
                // missing class) must not end the batch nor leave a gap in the ordered results: it is this input's
                // failure, reported with the file.
                return new InputFailure(item.index(), item.source(), step.name(), item.source() + ": "
                        + (e instanceof RuntimeException ? "" : "internal error ") + e);
            } finally {
                nanos[i].add(System.nanoTime() - s0);
                if (cpu != null) {
                    cpuNanos[i].add(cpu.getCurrentThreadCpuTime() - c0);
                }
            }
        }
        return current;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "xanesml-pipeline-" + count.incrementAndGet());
            // Daemon: a run abandoned by an interrupted caller must not keep the JVM alive.
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Puts outcomes back into input order and hands them to the collector and the listener. One outcome that cannot
     * be delivered (its listener failed) becomes a failed row, so the inputs after it are never held back.
     */
    private static final class Delivery {
        /** Listener failures kept verbatim; more are only counted, so a listener failing on every input stays short. */
        private static final int LISTENER_ERRORS_KEPT = 5;

        final int total;
        final Options options;
        final ReportCollector collector;
        final TreeMap<Integer, Object> pending = new TreeMap<>();
        final List<String> listenerErrors = new ArrayList<>();
        int listenerFailures;
        int next;
        /** Set when the run's result is taken; late deliveries of a stopped run are dropped. */
        boolean closed;

        Delivery(int total, Options options) {
            this.total = total;
            this.options = options;
            this.collector = new ReportCollector(options.plotLimit());
        }

        synchronized void deliver(int index, Object outcome) {
            if (closed) {
                return;
            }
            pending.put(index, outcome);
            while (!pending.isEmpty() && pending.firstKey() == next) {
                Object o = pending.pollFirstEntry().getValue();
                Path source;
                List<ReportRow> rows;
                if (o instanceof WorkItem w) {
                    source = w.source();
                    rows = accept(w);
                } else {
                    InputFailure f = (InputFailure) o;
                    source = f.source();
                    rows = List.of(collector.accept(f));
                }
                next++;
                if (options.listener() != null) {
                    try {
                        options.listener().finished(next, total, source, rows);
                    } catch (OutOfMemoryError e) {
                        throw e;
                    } catch (RuntimeException | Error e) {
                        // The rows are in the report already; the caller learns of the failure from the result.
                        listenerFailed("after " + source + ": " + e);
                    }
                }
            }
        }

        /** @return the rows of a processed input, or its failed row when the listener could not take it */
        private List<ReportRow> accept(WorkItem w) {
            if (options.listener() != null) {
                try {
                    options.listener().item(w);
                } catch (OutOfMemoryError e) {
                    throw e;
                } catch (RuntimeException | Error e) {
                    String m = e.getMessage() == null ? e.toString() : e.getMessage();
                    return List.of(collector.accept(new InputFailure(w.index(), w.source(), "output",
                            w.source() + ": " + m)));
                }
            }
            try {
                return collector.accept(w);
            } catch (OutOfMemoryError e) {
                throw e;
            } catch (RuntimeException | Error e) {
                return List.of(collector.accept(new InputFailure(w.index(), w.source(), "report",
                        w.source() + ": internal error " + e)));
            }
        }

        private void listenerFailed(String message) {
            if (listenerFailures++ < LISTENER_ERRORS_KEPT) {
                listenerErrors.add("listener: " + message);
            }
        }

        synchronized List<String> listenerErrors() {
            List<String> all = new ArrayList<>(listenerErrors);
            if (listenerFailures > LISTENER_ERRORS_KEPT) {
                all.add("listener: failed on " + (listenerFailures - LISTENER_ERRORS_KEPT) + " more input(s)");
            }
            return all;
        }
    }
}

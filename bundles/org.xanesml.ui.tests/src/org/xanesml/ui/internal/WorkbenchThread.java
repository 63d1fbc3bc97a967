/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;

/**
 * Runs the xanesml workbench (WorkbenchApplication's advisor) on a thread of its own, so JUnit's thread can hand it
 * test bodies. On GTK the display may live on any one thread; test bodies run inside {@link Display#syncExec} and
 * may spin the event loop themselves.
 */
final class WorkbenchThread {
    /** A test body that runs on the UI thread. */
    interface UiBody {
        void run() throws Exception;
    }

    private final Thread thread;
    private final AtomicReference<Throwable> startFailure = new AtomicReference<>();
    private volatile Display display;

    private WorkbenchThread() {
        CountDownLatch started = new CountDownLatch(1);
        thread = new Thread(() -> {
            try {
                display = PlatformUI.createDisplay();
                PlatformUI.createAndRunWorkbench(display, new WorkbenchApplication.Advisor() {
                    @Override
                    public void postStartup() {
                        super.postStartup();
                        started.countDown();
                    }
                });
            } catch (Throwable t) {
                startFailure.set(t);
            } finally {
                started.countDown();
                if (display != null && !display.isDisposed()) {
                    display.dispose();
                }
            }
        }, "xanesml-ui-test");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!started.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the workbench did not start within 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the workbench", e);
        }
        if (startFailure.get() != null) {
            throw new IllegalStateException("the workbench failed to start", startFailure.get());
        }
    }

    static WorkbenchThread start() {
        return new WorkbenchThread();
    }

    /** Runs {@code body} on the UI thread and rethrows whatever it threw (assertion failures included). */
    void run(UiBody body) throws Throwable {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        display.syncExec(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    void close() throws InterruptedException {
        if (!display.isDisposed()) {
            display.syncExec(() -> PlatformUI.getWorkbench().close());
        }
        thread.join(60_000);
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

/**
 * What a training run tells its caller and asks it: one sentence per stage (for a progress line or a job's
 * sub-task), and whether to stop. {@link ModelBuilder} asks between stages and between search candidates; a fit
 * inside Weka runs to its end.
 */
public interface TrainingMonitor {
    /** A monitor that shows nothing and never cancels. */
    TrainingMonitor NONE = new TrainingMonitor() {
        @Override
        public void stage(String sentence) {
            // nobody to tell
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** @param sentence what starts now, e.g. "training SMO_RBF C=10 gamma=0.002 on 1,204 spectra" */
    void stage(String sentence);

    /** @return true when the run should stop at the next stage boundary; nothing is written then */
    boolean cancelled();
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

/** What a data set does with labels outside the chosen class set or below the minimum count. */
public enum RareClassPolicy {
    /** Samples of such classes are left out (the baseline's choice: e.g. trigonal-bipyramidal Cu is dropped). */
    DROP,
    /** Such samples form one extra class {@link DataSetBuilder#OTHER_CLASS}. */
    MERGE_INTO_OTHER
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.report;

import java.util.Locale;

/** Report formats; the file extension of each is its lower-case name. */
public enum ReportFormat {
    CSV, JSON, XML, HTML;

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the format a file name's extension names */
    public static ReportFormat ofFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (lower.endsWith("." + f.extension()) || (f == HTML && lower.endsWith(".htm"))) {
                return f;
            }
        }
        throw new IllegalArgumentException("cannot tell the report format from '" + fileName
                + "'; use a .csv, .json, .xml or .html name or give the format");
    }
}

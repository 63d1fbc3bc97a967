/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.collection;

import java.util.Objects;

/**
 * Identifies a spectrum in a collection: the material (Materials Project id, CSD refcode with formula, file stem)
 * and the absorbing site within it (the zero-padded site index FEFF trees use, e.g. "008"; "0" when the absorber is
 * the first atom of a molecule; empty when the source does not say).
 */
public record SpectrumId(String material, String site) implements Comparable<SpectrumId> {
    public SpectrumId {
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(site, "site");
    }

    /** Parses OmniXAS' {@code mp-1005792_008} form: material, underscore, site. */
    public static SpectrumId ofMaterialSite(String text) {
        int cut = text.lastIndexOf('_');
        return cut > 0 ? new SpectrumId(text.substring(0, cut), text.substring(cut + 1)) : new SpectrumId(text, "");
    }

    @Override
    public int compareTo(SpectrumId o) {
        int c = material.compareTo(o.material);
        return c != 0 ? c : site.compareTo(o.site);
    }

    /** @return {@code material_site}, or the material alone when the site is empty */
    @Override
    public String toString() {
        return site.isEmpty() ? material : material + "_" + site;
    }
}

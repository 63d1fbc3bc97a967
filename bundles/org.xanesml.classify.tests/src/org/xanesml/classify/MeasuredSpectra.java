/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.math3.fitting.PolynomialCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoints;
import org.xanesml.classify.internal.EdgeEstimate;
import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;

/**
 * Test-only stand-in for the io bundle's XDI reader and the preprocess bundle's normalisation: reads transmission
 * XDI files (columns by name: i0 + itrans, or mutrans) and edge-step normalises them with a pre-edge line and a post-edge line, then records
 * E0. Good enough to hand measured spectra to a model; the lead replaces it with the real bundles.
 */
final class MeasuredSpectra {
    private MeasuredSpectra() {
    }

    static Spectrum readNormalisedXdi(Path file, boolean keepElement) throws IOException {
        Map<Integer, String> columns = new HashMap<>();
        Map<String, String> header = new HashMap<>();
        List<double[]> rows = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file)) {
            lineNo++;
            String s = line.strip();
            if (s.startsWith("#")) {
                String body = s.substring(1).strip();
                int colon = body.indexOf(':');
                if (colon > 0) {
                    String key = body.substring(0, colon).strip();
                    String value = body.substring(colon + 1).strip();
                    header.put(key.toLowerCase(Locale.ROOT), value);
                    if (key.toLowerCase(Locale.ROOT).startsWith("column.")) {
                        columns.put(Integer.parseInt(key.substring(7)) - 1, value.split("\\s+")[0].toLowerCase(Locale.ROOT));
                    }
                }
                continue;
            }
            if (s.isEmpty()) {
                continue;
            }
            String[] f = s.split("\\s+");
            double[] v = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                try {
                    v[i] = Double.parseDouble(f[i]);
                } catch (NumberFormatException e) {
                    throw new IOException(file + " line " + lineNo + ": '" + f[i] + "' is not a number", e);
                }
            }
            rows.add(v);
        }
        int ie = index(columns, "energy", file);
        boolean hasMu = columns.containsValue("mutrans");
        int i0 = hasMu ? -1 : index(columns, "i0", file);
        int it = hasMu ? index(columns, "mutrans", file) : index(columns, "itrans", file);
        rows.sort((a, b) -> Double.compare(a[ie], b[ie]));
        double[] e = new double[rows.size()];
        double[] mu = new double[rows.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = rows.get(i)[ie];
            mu[i] = hasMu ? rows.get(i)[it] : Math.log(rows.get(i)[i0] / rows.get(i)[it]);
        }
        double e0 = EdgeEstimate.maxDerivativeE0(e, mu);
        double[] pre = lineFit(e, mu, e0 - 150, e0 - 30);
        double[] post = lineFit(e, mu, e0 + 50, e0 + 400);
        double step = (post[0] + post[1] * e0) - (pre[0] + pre[1] * e0);
        double[] norm = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            norm[i] = (mu[i] - (pre[0] + pre[1] * e[i])) / step;
        }
        Spectrum.Builder b = Spectrum.builder().id(file.getFileName().toString()).energyEv(e).mu(norm)
                .muScale(MuScale.EDGE_NORMALIZED).metadata(EnergyReference.E0_KEY, Double.toString(e0));
        if (keepElement && header.containsKey("element.symbol")) {
            b.absorber(Element.ofSymbol(header.get("element.symbol"))).edge(Edge.ofName(header.get("element.edge")));
        }
        return b.build();
    }

    private static int index(Map<Integer, String> columns, String name, Path file) throws IOException {
        return columns.entrySet().stream().filter(c -> c.getValue().equals(name)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IOException(file + ": no column '" + name + "' in " + columns));
    }

    private static double[] lineFit(double[] e, double[] mu, double fromEv, double toEv) {
        WeightedObservedPoints pts = new WeightedObservedPoints();
        int n = 0;
        for (int i = 0; i < e.length; i++) {
            if (e[i] >= fromEv && e[i] <= toEv) {
                pts.add(e[i] - fromEv, mu[i]);
                n++;
            }
        }
        if (n < 2) {
            throw new IllegalArgumentException("fewer than 2 points in " + fromEv + ".." + toEv + " eV");
        }
        double[] c = PolynomialCurveFitter.create(1).fit(pts.toList());
        // back to absolute energy: the fit used (E - from) for conditioning
        return new double[] {c[0] - c[1] * fromEv, c[1]};
    }
}

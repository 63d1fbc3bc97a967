/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The "Spectra" section of an HTML report: every plotted spectrum reachable from a filterable list, drawn on demand
 * by a small script in the page (no external resources). The main plot is the normalised XANES over a window around
 * E0, the second the raw mu with the pre-edge line and the post-edge curve, then the class probabilities.
 * <p>
 * Drawing in the browser, not as PNGs here, is what keeps thousands of spectra usable: a PNG pair per spectrum
 * would take minutes to render and tens of kilobytes each, while a thinned, quantised curve takes about 4 KB and
 * is drawn only when chosen.
 */
final class SpectraHtml {
    /** Curves are stored as integers 0..QUANTA over their range: finer than the 340-pixel plots' pixels. */
    static final int QUANTA = 999;

    private SpectraHtml() {
    }

    /** Appends the section for {@code report}'s plots (nothing when it has none). */
    static void append(Report report, StringBuilder h) {
        List<PlotSample> plots = report.plots();
        if (plots.isEmpty()) {
            return;
        }
        h.append("<h2>Spectra</h2>\n<p>").append(plots.size()).append(plots.size() == 1 ? " spectrum" : " spectra");
        long plottable = report.rows().stream().filter(r -> r.status() != ReportRow.Status.FAILED).count();
        if (plottable > plots.size()) {
            h.append(" (the first ").append(plots.size()).append(" of ").append(plottable)
                    .append("; a report plots at most ").append(Report.MAX_PLOTS).append(")");
        }
        h.append(". Choose one in the list (type to filter, arrow keys to step through): the first plot is the"
                + " normalised XANES from E0 ").append(fmt(PlotSample.XANES_FROM_EV)).append(" to E0 +")
                .append(fmt(PlotSample.XANES_TO_EV)).append(" eV, the second the measured mu with the"
                        + " normalisation's pre-edge line (green) and post-edge curve (red).</p>\n");
        h.append("<div class=\"viewer\"><div class=\"picker\"><input id=\"xs-filter\" type=\"search\""
                + " placeholder=\"filter by name\" aria-label=\"filter spectra\"><br><select id=\"xs-pick\" size=\"18\""
                + " aria-label=\"spectrum\">");
        for (int i = 0; i < plots.size(); i++) {
            PlotSample s = plots.get(i);
            h.append("<option value=\"").append(i).append("\">").append(ReportWriters.esc(label(s)))
                    .append("</option>");
        }
        h.append("</select></div>\n<div><canvas id=\"xs-xanes\" width=\"600\" height=\"340\"></canvas>"
                + "<canvas id=\"xs-raw\" width=\"600\" height=\"340\"></canvas><div id=\"xs-info\"></div>"
                + "</div></div>\n");
        h.append("<noscript><p>The spectra are drawn by a script; allow scripts for this page to see them.</p>"
                + "</noscript>\n");
        // Gson escapes <, > and & as \\u003c..., so no id can close the script element
        h.append("<script type=\"application/json\" id=\"xs-data\">").append(new Gson().toJson(data(plots)))
                .append("</script>\n<script>").append(SCRIPT).append("</script>\n");
    }

    /** @return the list entry of a spectrum: its id, and its file when the id does not name it */
    static String label(PlotSample s) {
        String file = s.source().substring(Math.max(s.source().lastIndexOf('/'), s.source().lastIndexOf('\\')) + 1);
        boolean named = file.equals(s.id()) || file.startsWith(s.id() + ".");
        return named ? file : s.id() + " (" + file + ")";
    }

    /** @return the spectra as the script reads them (see {@link #SCRIPT}) */
    static JsonArray data(List<PlotSample> plots) {
        JsonArray all = new JsonArray();
        for (PlotSample s : plots) {
            JsonObject o = new JsonObject();
            o.addProperty("id", s.id());
            o.addProperty("src", s.source());
            double e0 = s.hasE0() ? s.e0Ev() : s.energyEv().length > 0 ? s.energyEv()[0] : 0;
            o.addProperty("e0", round(e0, 100));
            o.addProperty("hasE0", s.hasE0());
            // energies as steps of 0.01 eV from E0: the first relative to E0, then each from the one before
            JsonArray x = new JsonArray();
            long previous = 0;
            for (double e : s.energyEv()) {
                long v = Math.round((e - e0) * 100);
                x.add(v - previous);
                previous = v;
            }
            o.add("x", x);
            double[][] raw = s.sourceNormalised() ? new double[][] {s.mu()}
                    : new double[][] {s.mu(), s.preEdge(), s.postEdge()};
            o.add("raw", quantised(raw));
            // the normalised curve is drawn over the XANES window only: its points are from..to-1
            int[] window = PlotSample.window(s.energyEv(), s.e0Ev());
            o.addProperty("from", window[0]);
            o.add("norm", quantised(new double[][] {Arrays.copyOfRange(s.norm(), window[0], window[1])}));
            // a spectrum the model did not answer (another element) has classes but no probabilities
            boolean answered = s.probabilities().length == s.classes().size();
            JsonArray classes = new JsonArray();
            JsonArray p = new JsonArray();
            for (int k = 0; answered && k < s.classes().size(); k++) {
                classes.add(s.classes().get(k));
                p.add(round(s.probabilities()[k], 1000));
            }
            o.add("cls", classes);
            o.add("p", p);
            o.addProperty("verdict", s.verdict());
            all.add(o);
        }
        return all;
    }

    /**
     * @return {lo, hi, q: [[...]...]}: the curves as integers over their common range (value = lo + q (hi - lo) /
     *         QUANTA); a non-finite value is -1, a gap in the line
     */
    static JsonObject quantised(double[][] curves) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] c : curves) {
            for (double v : c) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        }
        double span = hi > lo ? hi - lo : 1;
        JsonArray q = new JsonArray();
        for (double[] c : curves) {
            JsonArray a = new JsonArray();
            for (double v : c) {
                a.add(Double.isFinite(v) ? Math.round((v - lo) / span * QUANTA) : -1);
            }
            q.add(a);
        }
        JsonObject o = new JsonObject();
        o.addProperty("lo", lo);
        o.addProperty("hi", lo + span);
        o.add("q", q);
        return o;
    }

    private static double round(double v, double per) {
        return Math.round(v * per) / per;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    /**
     * Draws the chosen spectrum. Plain JavaScript on canvas elements, no library: the report is one file that opens
     * anywhere, also offline at a beamline.
     */
    private static final String SCRIPT = """
            (function () {
              'use strict';
              var data = JSON.parse(document.getElementById('xs-data').textContent);
              var pick = document.getElementById('xs-pick');
              var filter = document.getElementById('xs-filter');
              var FROM = %s, TO = %s, QUANTA = %d;
              function energies(s) {
                var e = [], a = 0;
                for (var i = 0; i < s.x.length; i++) { a += s.x[i]; e.push(s.e0 + a / 100); }
                return e;
              }
              function values(c, k) {
                return c.q[k].map(function (v) { return v < 0 ? NaN : c.lo + v * (c.hi - c.lo) / QUANTA; });
              }
              function ticks(lo, hi) {
                var raw = (hi - lo) / 6, mag = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / mag;
                var step = (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag, out = [];
                for (var v = Math.ceil(lo / step) * step; v <= hi + step * 1e-6; v += step) {
                  out.push(Math.abs(v) < step * 1e-6 ? 0 : v);
                }
                return { at: out, digits: Math.max(0, -Math.floor(Math.log10(step))) };
              }
              function plot(canvas, title, xLabel, yLabel, series, xLo, xHi, marker) {
                var g = canvas.getContext('2d'), W = canvas.width, H = canvas.height;
                var L = 64, R = 12, T = 28, B = 44;
                g.clearRect(0, 0, W, H);
                g.fillStyle = '#fff'; g.fillRect(0, 0, W, H);
                var yLo = Infinity, yHi = -Infinity;
                series.forEach(function (s) {
                  for (var i = 0; i < s.x.length; i++) {
                    if (s.x[i] >= xLo && s.x[i] <= xHi && isFinite(s.y[i])) {
                      yLo = Math.min(yLo, s.y[i]); yHi = Math.max(yHi, s.y[i]);
                    }
                  }
                });
                if (!(yLo < yHi)) { yLo = isFinite(yLo) ? yLo - 1 : 0; yHi = yLo + 2; }
                var pad = (yHi - yLo) * 0.05; yLo -= pad; yHi += pad;
                function px(x) { return L + (x - xLo) / (xHi - xLo) * (W - L - R); }
                function py(y) { return H - B - (y - yLo) / (yHi - yLo) * (H - T - B); }
                g.font = '12px sans-serif'; g.strokeStyle = '#ddd'; g.fillStyle = '#333'; g.lineWidth = 1;
                var tx = ticks(xLo, xHi), ty = ticks(yLo, yHi);
                g.textAlign = 'center';
                tx.at.forEach(function (v) {
                  g.beginPath(); g.moveTo(px(v), T); g.lineTo(px(v), H - B); g.stroke();
                  g.fillText(v.toFixed(tx.digits), px(v), H - B + 16);
                });
                g.textAlign = 'right';
                ty.at.forEach(function (v) {
                  g.beginPath(); g.moveTo(L, py(v)); g.lineTo(W - R, py(v)); g.stroke();
                  g.fillText(v.toFixed(ty.digits), L - 6, py(v) + 4);
                });
                g.strokeStyle = '#333'; g.strokeRect(L, T, W - L - R, H - T - B);
                g.textAlign = 'center'; g.fillText(xLabel, (L + W - R) / 2, H - 8);
                g.save(); g.translate(14, (T + H - B) / 2); g.rotate(-Math.PI / 2); g.fillText(yLabel, 0, 0);
                g.restore();
                g.font = 'bold 13px sans-serif'; g.fillText(title, W / 2, 18);
                g.save(); g.beginPath(); g.rect(L, T, W - L - R, H - T - B); g.clip();
                if (marker !== null) {
                  g.strokeStyle = '#888'; g.setLineDash([2, 3]);
                  g.beginPath(); g.moveTo(px(marker), T); g.lineTo(px(marker), H - B); g.stroke();
                }
                series.forEach(function (s) {
                  g.strokeStyle = s.colour; g.lineWidth = s.width; g.setLineDash(s.dash);
                  g.beginPath();
                  var up = false;
                  for (var i = 0; i < s.x.length; i++) {
                    if (!isFinite(s.y[i])) { up = false; continue; }
                    if (up) { g.lineTo(px(s.x[i]), py(s.y[i])); } else { g.moveTo(px(s.x[i]), py(s.y[i])); up = true; }
                  }
                  g.stroke();
                });
                g.restore(); g.setLineDash([]); g.font = '12px sans-serif'; g.textAlign = 'left';
                series.forEach(function (s, k) {
                  g.fillStyle = s.colour; g.fillRect(L + 10, T + 10 + 16 * k, 14, 3);
                  g.fillStyle = '#333'; g.fillText(s.name, L + 30, T + 15 + 16 * k);
                });
              }
              function show(i) {
                var s = data[i], e = energies(s), raw = s.raw, marker = s.hasE0 ? s.e0 : null;
                var norm = values(s.norm, 0), ne = e.slice(s.from, s.from + norm.length);
                var lo = s.hasE0 ? s.e0 + FROM : e[0], hi = s.hasE0 ? s.e0 + TO : e[e.length - 1];
                plot(document.getElementById('xs-xanes'), s.id + ': normalised XANES', 'energy (eV)',
                  'normalised mu', [{ name: 'normalised mu', x: ne, y: norm, colour: '#1f77b4', width: 1.8, dash: [] }],
                  lo, hi, marker);
                var series = [{ name: raw.q.length > 1 ? 'mu' : 'mu (normalised by the source)', x: e,
                  y: values(raw, 0), colour: '#1f77b4', width: 1.5, dash: [] }];
                if (raw.q.length > 1) {
                  series.push({ name: 'pre-edge line', x: e, y: values(raw, 1), colour: '#2ca02c', width: 1.2,
                    dash: [6, 4] });
                  series.push({ name: 'post-edge curve', x: e, y: values(raw, 2), colour: '#d62728', width: 1.2,
                    dash: [6, 4] });
                }
                plot(document.getElementById('xs-raw'), s.id + ': measured mu', 'energy (eV)', 'mu', series,
                  e[0], e[e.length - 1], marker);
                var info = document.getElementById('xs-info');
                info.textContent = '';
                var head = document.createElement('p');
                head.textContent = s.src + (s.hasE0 ? ' | E0 ' + s.e0.toFixed(2) + ' eV' : ' | no E0')
                  + (s.verdict ? ' | ' + s.verdict : '');
                info.appendChild(head);
                s.cls.forEach(function (c, k) {
                  var row = document.createElement('div'), bar = document.createElement('span');
                  row.className = 'prob'; bar.style.width = Math.round(240 * s.p[k]) + 'px';
                  row.appendChild(bar);
                  row.appendChild(document.createTextNode(' ' + c + ' ' + s.p[k].toFixed(3)));
                  info.appendChild(row);
                });
              }
              pick.addEventListener('change', function () { show(+pick.value); });
              filter.addEventListener('input', function () {
                var f = filter.value.toLowerCase(), first = -1;
                for (var i = 0; i < pick.options.length; i++) {
                  var o = pick.options[i], hit = o.text.toLowerCase().indexOf(f) >= 0;
                  o.hidden = !hit;
                  if (hit && first < 0) { first = i; }
                }
                if (first >= 0 && pick.options[pick.selectedIndex].hidden) { pick.selectedIndex = first; show(first); }
              });
              if (data.length > 0) { pick.selectedIndex = 0; show(0); }
            })();
            """.formatted(fmt(PlotSample.XANES_FROM_EV), fmt(PlotSample.XANES_TO_EV), QUANTA);
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The classic beamline estimate of an oxidation state from the edge position, to set beside a model's answer: the
 * edge energy E0 of the unknown placed on the line through the E0 of reference compounds of known state. E0 is what
 * the normalise step records (Larch's {@code find_e0}, the maximum of dmu/dE, unless the file or the user fixes it),
 * so references and unknowns must be measured, or calibrated, on one energy scale: the method reads a chemical shift
 * of a few eV per unit of valence, and a calibration difference of 1-2 eV between beamlines is of that size.
 *
 * <p>With references of several states the line is piecewise linear through the mean E0 of each state, in order of
 * state; beyond the first or last reference it continues the end segment and says so (an extrapolation). The E0 must
 * rise with the state: references that do not are refused, since they cannot share a calibration.
 */
public final class EdgePositionValence {
    /**
     * One reference compound.
     *
     * @param name  what the user calls it (a file name)
     * @param state its oxidation state
     * @param e0Ev  its edge energy on the common scale, eV
     */
    public record Reference(String name, double state, double e0Ev) {
        public Reference {
            Objects.requireNonNull(name, "name");
            if (!Double.isFinite(state) || !Double.isFinite(e0Ev)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "reference %s: state %s and E0 %s eV"
                        + " must be numbers", name, state, e0Ev));
            }
        }
    }

    /**
     * An estimate.
     *
     * @param valence      the state read off the line
     * @param nearestState the reference state nearest to it
     * @param below        the reference(s) of the lower end of the segment used
     * @param above        the reference(s) of its upper end
     * @param extrapolated true when E0 lies outside the references' range (the end segment continued)
     */
    public record Estimate(double valence, double nearestState, String below, String above, boolean extrapolated) {
    }

    /** One state of the line: its mean E0 and the references behind it. */
    private record Point(double state, double e0Ev, String names) {
    }

    private final List<Point> points;

    private EdgePositionValence(List<Point> points) {
        this.points = points;
    }

    /**
     * @throws IllegalArgumentException with fewer than two distinct states, or when E0 does not rise with the state
     */
    public static EdgePositionValence of(List<Reference> references) {
        Map<Double, List<Reference>> byState = new TreeMap<>();
        for (Reference r : references) {
            byState.computeIfAbsent(r.state(), s -> new ArrayList<>()).add(r);
        }
        if (byState.size() < 2) {
            throw new IllegalArgumentException("the edge-position method needs references of at least two oxidation"
                    + " states; got " + describe(references));
        }
        List<Point> points = new ArrayList<>();
        byState.forEach((state, refs) -> points.add(new Point(state,
                refs.stream().mapToDouble(Reference::e0Ev).average().orElseThrow(),
                refs.stream().map(Reference::name).collect(Collectors.joining(" + ")))));
        for (int i = 1; i < points.size(); i++) {
            Point lo = points.get(i - 1);
            Point hi = points.get(i);
            if (!(hi.e0Ev() > lo.e0Ev())) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "the reference edges do not rise with"
                        + " the oxidation state: %s (state %s) has E0 %.2f eV, not above %s (state %s, E0 %.2f eV);"
                        + " references and spectra must be on one energy calibration (the edge moves up a few eV per"
                        + " unit of valence)", hi.names(), state(hi.state()), hi.e0Ev(), lo.names(),
                        state(lo.state()), lo.e0Ev()));
            }
        }
        return new EdgePositionValence(List.copyOf(points));
    }

    /** @return the state read off the line at an edge energy */
    public Estimate estimate(double e0Ev) {
        if (!Double.isFinite(e0Ev)) {
            throw new IllegalArgumentException("E0 " + e0Ev + " eV is not a number");
        }
        int seg = 0;
        while (seg < points.size() - 2 && e0Ev > points.get(seg + 1).e0Ev()) {
            seg++;
        }
        Point lo = points.get(seg);
        Point hi = points.get(seg + 1);
        double v = lo.state() + (e0Ev - lo.e0Ev()) / (hi.e0Ev() - lo.e0Ev()) * (hi.state() - lo.state());
        boolean outside = e0Ev < points.get(0).e0Ev() || e0Ev > points.get(points.size() - 1).e0Ev();
        double nearest = points.stream().min(Comparator.comparingDouble((Point p) -> Math.abs(p.state() - v))
                .thenComparingDouble(Point::state)).orElseThrow().state();
        return new Estimate(v, nearest, lo.names(), hi.names(), outside);
    }

    /** @return the line's points as "state: E0 (names)", in order of state */
    public String describe() {
        return points.stream().map(p -> String.format(Locale.ROOT, "%s: %.2f eV (%s)", state(p.state()), p.e0Ev(),
                p.names())).collect(Collectors.joining("; "));
    }

    private static String describe(List<Reference> refs) {
        return refs.isEmpty() ? "none" : refs.stream().map(r -> r.name() + " (" + state(r.state()) + ")")
                .collect(Collectors.joining(", "));
    }

    /** @return a state as written ("2", "2.5") */
    public static String state(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }
}

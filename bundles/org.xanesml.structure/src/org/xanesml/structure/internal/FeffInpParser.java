/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xanesml.core.Element;
import org.xanesml.structure.Atom;
import org.xanesml.structure.Cluster;
import org.xanesml.structure.StructureFormatException;

/**
 * Reads the cluster of a FEFF input file: the {@code POTENTIALS} card (ipot, Z, tag) and the {@code ATOMS} card
 * ({@code x y z ipot [tag [distance [number]]]}), absorber (ipot 0) first at the origin, closed by {@code END}.
 * <p>
 * The distance column, when present, is kept as the atom's distance: it is what FEFF and pymatgen computed from
 * unrounded coordinates, and the reference labels were derived from it. It must agree with the written coordinates
 * to {@value #DISTANCE_TOLERANCE_ANGSTROM} A, else the file is rejected as inconsistent.
 */
public final class FeffInpParser {
    /** Coordinates carry 5 decimals; anything beyond this is not rounding. */
    static final double DISTANCE_TOLERANCE_ANGSTROM = 1e-3;
    /** The absorber must be at the origin to this precision. */
    public static final double ORIGIN_TOLERANCE_ANGSTROM = 1e-3;

    /** {@code TITLE Reduced formula:  RbCuO}, as pymatgen's FEFF input writer puts it. */
    private static final Pattern REDUCED_FORMULA = Pattern.compile("^\\s*TITLE\\s+Reduced formula:\\s*(\\S+)\\s*$");

    private FeffInpParser() {
    }

    private record Potential(Element element, String tag) {
    }

    /**
     * @param id the site id to give the cluster
     * @param source file or archive member name, for messages
     * @param lines the file's lines
     */
    public static Cluster parse(String id, String source, List<String> lines) throws StructureFormatException {
        Map<Integer, Potential> potentials = new HashMap<>();
        List<Atom> atoms = new ArrayList<>();
        String card = "";
        int atomsLine = 0;
        int potentialsLine = 0;
        boolean ended = false;
        String formula = "";
        for (int i = 0; i < lines.size() && !ended; i++) {
            int lineNo = i + 1;
            Matcher t = REDUCED_FORMULA.matcher(lines.get(i));
            if (t.find()) {
                // pymatgen's FEFF writer names the compound here; charge balance needs it, the cluster does not
                formula = t.group(1);
                continue;
            }
            String[] f = fields(lines.get(i));
            if (f.length == 0) {
                continue;
            }
            String first = f[0].toUpperCase(Locale.ROOT);
            if (!Numbers.isNumber(f[0])) {
                // a new card; ATOMS and POTENTIALS take the following lines as their rows
                card = first;
                if (card.equals("POTENTIALS")) {
                    potentialsLine = lineNo;
                } else if (card.equals("ATOMS")) {
                    atomsLine = lineNo;
                } else if (card.equals("END")) {
                    ended = true;
                }
                continue;
            }
            if (card.equals("POTENTIALS")) {
                readPotential(f, source, lineNo, potentials);
            } else if (card.equals("ATOMS")) {
                atoms.add(readAtom(f, source, lineNo, potentials, atoms.isEmpty()));
            }
        }
        if (potentialsLine == 0) {
            throw new StructureFormatException(source, 0, "no POTENTIALS card: cannot tell the element of any atom");
        }
        if (atomsLine == 0) {
            throw new StructureFormatException(source, 0, "no ATOMS card: expected the cluster as x y z ipot rows");
        }
        if (atomsLine < potentialsLine) {
            throw new StructureFormatException(source, atomsLine, "ATOMS before POTENTIALS: expected POTENTIALS first");
        }
        if (!ended) {
            throw new StructureFormatException(source, lines.size(),
                    "the ATOMS card is not closed by END (file truncated?)");
        }
        if (atoms.isEmpty()) {
            throw new StructureFormatException(source, atomsLine, "ATOMS card holds no atom rows");
        }
        if (atoms.size() == 1) {
            throw new StructureFormatException(source, atomsLine, "ATOMS card holds only the absorber: empty cluster");
        }
        return new Cluster(id, source, atoms.get(0), atoms.subList(1, atoms.size()), formula);
    }

    private static void readPotential(String[] f, String source, int lineNo, Map<Integer, Potential> potentials)
            throws StructureFormatException {
        if (f.length < 2) {
            throw new StructureFormatException(source, lineNo, "expected 'ipot Z [tag ...]' in POTENTIALS, found "
                    + f.length + " field(s)");
        }
        int ipot = Numbers.integer(f[0], source, lineNo, "ipot");
        int z = Numbers.integer(f[1], source, lineNo, "atomic number Z");
        Element element;
        try {
            element = Element.ofAtomicNumber(z);
        } catch (IllegalArgumentException e) {
            throw new StructureFormatException(source, lineNo, "expected an atomic number 1..103, found " + z, e);
        }
        if (ipot < 0) {
            throw new StructureFormatException(source, lineNo, "expected ipot >= 0, found " + ipot);
        }
        if (potentials.putIfAbsent(ipot, new Potential(element, f.length > 2 ? f[2] : element.symbol())) != null) {
            throw new StructureFormatException(source, lineNo, "ipot " + ipot + " is defined twice in POTENTIALS");
        }
    }

    private static Atom readAtom(String[] f, String source, int lineNo, Map<Integer, Potential> potentials,
            boolean isAbsorber) throws StructureFormatException {
        if (f.length < 4) {
            throw new StructureFormatException(source, lineNo, "expected 'x y z ipot [tag distance]' in ATOMS, found "
                    + f.length + " field(s) (row truncated?)");
        }
        double x = Numbers.finite(f[0], source, lineNo, "x");
        double y = Numbers.finite(f[1], source, lineNo, "y");
        double z = Numbers.finite(f[2], source, lineNo, "z");
        int ipot = Numbers.integer(f[3], source, lineNo, "ipot");
        Potential p = potentials.get(ipot);
        if (p == null) {
            throw new StructureFormatException(source, lineNo, "ipot " + ipot + " is not defined in POTENTIALS (defined: "
                    + new java.util.TreeSet<>(potentials.keySet()) + ")");
        }
        String tag = f.length > 4 ? f[4] : p.tag();
        Atom computed = Atom.at(p.element(), tag, x, y, z);
        if (isAbsorber) {
            if (ipot != 0) {
                throw new StructureFormatException(source, lineNo, "expected the absorber (ipot 0) as the first ATOMS row, found ipot " + ipot);
            }
            if (computed.distanceAngstrom() > ORIGIN_TOLERANCE_ANGSTROM) {
                throw new StructureFormatException(source, lineNo, "expected the absorber at the origin, found it at ("
                        + x + ", " + y + ", " + z + ")");
            }
            return Atom.at(p.element(), tag, 0, 0, 0);
        }
        if (ipot == 0) {
            throw new StructureFormatException(source, lineNo, "ipot 0 (the absorber) appears again after the first ATOMS row");
        }
        if (f.length > 5) {
            double d = Numbers.finite(f[5], source, lineNo, "distance");
            if (Math.abs(d - computed.distanceAngstrom()) > DISTANCE_TOLERANCE_ANGSTROM) {
                throw new StructureFormatException(source, lineNo, "distance column " + d
                        + " disagrees with the coordinates (" + computed.distanceAngstrom() + ")");
            }
            return new Atom(p.element(), tag, x, y, z, d);
        }
        return computed;
    }

    /** @return the whitespace-separated fields before any comment ('*' or '!' starts a comment in FEFF input) */
    static String[] fields(String line) {
        // hand-rolled instead of String.split("\\s+"): a feff.inp tree is 100+ MB of such lines
        List<String> out = new ArrayList<>(8);
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (c == '*' || c == '!') {
                break;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '*' && line.charAt(i) != '!') {
                i++;
            }
            out.add(line.substring(start, i));
        }
        return out.toArray(new String[0]);
    }
}

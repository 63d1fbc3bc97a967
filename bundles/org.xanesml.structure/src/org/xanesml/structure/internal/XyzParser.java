/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure.internal;

import java.util.ArrayList;
import java.util.List;

import org.xanesml.core.Element;
import org.xanesml.structure.Atom;
import org.xanesml.structure.Cluster;
import org.xanesml.structure.StructureFormatException;

/**
 * Reads an absorber-centred molecule from an xyz file: atom count, title, then {@code E x y z} rows where E is an
 * atomic number (XANESNET) or a symbol; the absorber is the first atom and must sit at the origin. Only the first
 * frame is read; anything after it but blank lines is an error, since a second frame would be silently ignored.
 */
public final class XyzParser {
    private XyzParser() {
    }

    public static Cluster parse(String id, String source, List<String> lines) throws StructureFormatException {
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            throw new StructureFormatException(source, 0, "empty file: expected an atom count on the first line");
        }
        int count = Numbers.integer(lines.get(first).strip(), source, first + 1, "the atom count");
        if (count < 1) {
            throw new StructureFormatException(source, first + 1, "expected a positive atom count, found " + count);
        }
        if (count == 1) {
            throw new StructureFormatException(source, first + 1, "only the absorber: empty cluster");
        }
        int firstAtom = first + 2;
        if (lines.size() < firstAtom + count) {
            throw new StructureFormatException(source, lines.size(), "expected " + count + " atom rows after the title, found "
                    + Math.max(0, lines.size() - firstAtom) + " (file truncated?)");
        }
        List<Atom> atoms = new ArrayList<>(count);
        for (int i = firstAtom; i < firstAtom + count; i++) {
            int lineNo = i + 1;
            String s = lines.get(i).strip();
            String[] f = s.isEmpty() ? new String[0] : s.split("\\s+");
            if (f.length < 4) {
                throw new StructureFormatException(source, lineNo, "expected 'element x y z', found " + f.length + " field(s)");
            }
            Element element = element(f[0], source, lineNo);
            double x = Numbers.finite(f[1], source, lineNo, "x");
            double y = Numbers.finite(f[2], source, lineNo, "y");
            double z = Numbers.finite(f[3], source, lineNo, "z");
            Atom a = Atom.at(element, element.symbol(), x, y, z);
            if (atoms.isEmpty() && a.distanceAngstrom() > FeffInpParser.ORIGIN_TOLERANCE_ANGSTROM) {
                throw new StructureFormatException(source, lineNo, "expected the absorber (first atom) at the origin, found ("
                        + x + ", " + y + ", " + z + ")");
            }
            atoms.add(a);
        }
        for (int i = firstAtom + count; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                throw new StructureFormatException(source, i + 1, "expected the end of the file after " + count
                        + " atoms, found more text (a second frame or a wrong atom count)");
            }
        }
        return new Cluster(id, source, atoms.get(0), atoms.subList(1, atoms.size()));
    }

    private static Element element(String text, String source, int lineNo) throws StructureFormatException {
        try {
            return Numbers.isNumber(text) ? Element.ofAtomicNumber(Numbers.integer(text, source, lineNo, "atomic number"))
                    : Element.ofSymbol(text);
        } catch (IllegalArgumentException e) {
            throw new StructureFormatException(source, lineNo, "expected an atomic number or element symbol, found '"
                    + text + "'", e);
        }
    }
}

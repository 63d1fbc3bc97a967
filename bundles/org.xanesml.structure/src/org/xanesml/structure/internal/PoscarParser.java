/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.xanesml.core.Element;
import org.xanesml.structure.StructureFormatException;

/**
 * Reads a VASP 5 POSCAR: comment, scale (a factor, or minus the cell volume), three lattice rows, element symbols,
 * counts, optional {@code Selective dynamics}, {@code Direct}/{@code Cartesian}, positions. VASP 4 files (no symbol
 * line) are rejected because the elements could only be guessed.
 */
public final class PoscarParser {
    private PoscarParser() {
    }

    public static PeriodicStructure parse(String source, List<String> lines) throws StructureFormatException {
        int n = 0;
        if (lines.size() < 8) {
            throw new StructureFormatException(source, lines.size(), "expected at least 8 lines (comment, scale, lattice, symbols, counts, mode), found "
                    + lines.size() + " (file truncated?)");
        }
        n = 1;
        String[] scaleFields = split(lines.get(n));
        if (scaleFields.length != 1 && scaleFields.length != 3) {
            throw new StructureFormatException(source, n + 1, "expected one scale factor, found " + scaleFields.length + " fields");
        }
        if (scaleFields.length == 3) {
            throw new StructureFormatException(source, n + 1, "per-axis scale factors are not supported: expected one scale factor");
        }
        double scale = Numbers.finite(scaleFields[0], source, n + 1, "the scale factor");
        if (scale == 0) {
            throw new StructureFormatException(source, n + 1, "scale factor must not be 0");
        }
        double[][] lattice = new double[3][];
        for (int i = 0; i < 3; i++) {
            lattice[i] = vector(lines.get(2 + i), source, 3 + i, "lattice vector " + (i + 1));
        }
        double volume = Math.abs(PeriodicStructure.det(lattice));
        if (!(volume > 1e-6)) {
            throw new StructureFormatException(source, 3, "lattice vectors are degenerate (cell volume " + volume + ")");
        }
        // a negative scale is the target cell volume (VASP convention)
        double factor = scale > 0 ? scale : Math.cbrt(-scale / volume);
        for (double[] v : lattice) {
            for (int k = 0; k < 3; k++) {
                v[k] *= factor;
            }
        }
        String[] symbols = split(lines.get(5));
        if (symbols.length == 0 || Numbers.isNumber(symbols[0])) {
            throw new StructureFormatException(source, 6, "expected element symbols (VASP 5 POSCAR), found '" + lines.get(5).strip() + "'");
        }
        List<Element> species = new ArrayList<>();
        for (String s : symbols) {
            // pymatgen may write "Cu_pv" style POTCAR labels or "Cu/abc" hashes; the element is the leading letters
            String sym = s.split("[_/]")[0];
            try {
                species.add(Element.ofSymbol(sym));
            } catch (IllegalArgumentException e) {
                throw new StructureFormatException(source, 6, "expected an element symbol, found '" + s + "'", e);
            }
        }
        String[] countFields = split(lines.get(6));
        if (countFields.length != species.size()) {
            throw new StructureFormatException(source, 7, "expected " + species.size() + " counts (one per symbol), found " + countFields.length);
        }
        List<Element> siteElements = new ArrayList<>();
        for (int i = 0; i < countFields.length; i++) {
            int c = Numbers.integer(countFields[i], source, 7, "the count of " + species.get(i));
            if (c < 0) {
                throw new StructureFormatException(source, 7, "expected a count >= 0, found " + c);
            }
            for (int k = 0; k < c; k++) {
                siteElements.add(species.get(i));
            }
        }
        if (siteElements.isEmpty()) {
            throw new StructureFormatException(source, 7, "the cell holds no atoms");
        }
        int modeLine = 7;
        if (lines.get(modeLine).strip().toLowerCase(Locale.ROOT).startsWith("s")) {
            modeLine++;
        }
        if (modeLine >= lines.size()) {
            throw new StructureFormatException(source, lines.size(), "expected 'Direct' or 'Cartesian' (file truncated?)");
        }
        String mode = lines.get(modeLine).strip().toLowerCase(Locale.ROOT);
        boolean direct;
        if (mode.startsWith("d")) {
            direct = true;
        } else if (mode.startsWith("c") || mode.startsWith("k")) {
            direct = false;
        } else {
            throw new StructureFormatException(source, modeLine + 1, "expected 'Direct' or 'Cartesian', found '" + lines.get(modeLine).strip() + "'");
        }
        int firstPos = modeLine + 1;
        if (lines.size() < firstPos + siteElements.size()) {
            throw new StructureFormatException(source, lines.size(), "expected " + siteElements.size()
                    + " position rows, found " + Math.max(0, lines.size() - firstPos) + " (file truncated?)");
        }
        double[][] cartesian = new double[siteElements.size()][];
        for (int i = 0; i < siteElements.size(); i++) {
            double[] p = vector(lines.get(firstPos + i), source, firstPos + i + 1, "position of site " + i);
            if (direct) {
                cartesian[i] = PeriodicStructure.toCartesian(p, lattice);
            } else {
                cartesian[i] = new double[] { p[0] * factor, p[1] * factor, p[2] * factor };
            }
        }
        return new PeriodicStructure(source, lattice, siteElements, cartesian);
    }

    private static double[] vector(String line, String source, int lineNo, String what) throws StructureFormatException {
        String[] f = split(line);
        if (f.length < 3) {
            throw new StructureFormatException(source, lineNo, "expected three numbers for " + what + ", found " + f.length + " field(s)");
        }
        return new double[] { Numbers.finite(f[0], source, lineNo, what + " x"), Numbers.finite(f[1], source, lineNo, what + " y"),
                Numbers.finite(f[2], source, lineNo, what + " z") };
    }

    private static String[] split(String line) {
        String s = line.strip();
        return s.isEmpty() ? new String[0] : s.split("\\s+");
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link DataSet} from labelled spectra: chooses the class set, applies the rare-class policy and assigns
 * splits, either from a split table (id to role) or grouped by material and stratified by class.
 */
public final class DataSetBuilder {
    /** Name of the merged class under {@link RareClassPolicy#MERGE_INTO_OTHER}. */
    public static final String OTHER_CLASS = "other";

    private String name = "dataset";
    private Task task = Task.COORDINATION_NUMBER;
    private List<String> classes;
    private int minClassCount = 1;
    private RareClassPolicy rarePolicy = RareClassPolicy.DROP;
    private Map<String, SplitRole> splitTable;
    private double valFraction = 0.1;
    private double testFraction = 0.1;
    private long seed = 0;

    public DataSetBuilder name(String value) {
        this.name = Objects.requireNonNull(value);
        return this;
    }

    public DataSetBuilder task(Task value) {
        this.task = Objects.requireNonNull(value);
        return this;
    }

    /** Fixes the class set and its order; labels outside it follow the rare-class policy. */
    public DataSetBuilder classes(List<String> value) {
        this.classes = List.copyOf(value);
        return this;
    }

    /** Classes with fewer samples than this (over all splits) follow the rare-class policy. */
    public DataSetBuilder minClassCount(int value) {
        this.minClassCount = value;
        return this;
    }

    public DataSetBuilder rareClasses(RareClassPolicy value) {
        this.rarePolicy = Objects.requireNonNull(value);
        return this;
    }

    /** Takes splits from a table of spectrum id to role; spectra missing from it are left out. */
    public DataSetBuilder splitTable(Map<String, SplitRole> value) {
        this.splitTable = Map.copyOf(value);
        return this;
    }

    /** Makes a grouped, stratified split with these fractions instead of a split table. */
    public DataSetBuilder groupedSplit(double valFrac, double testFrac, long randomSeed) {
        if (valFrac < 0 || testFrac < 0 || valFrac + testFrac >= 1) {
            throw new IllegalArgumentException("split fractions must be >= 0 and sum below 1, got val " + valFrac
                    + " test " + testFrac);
        }
        this.splitTable = null;
        this.valFraction = valFrac;
        this.testFraction = testFrac;
        this.seed = randomSeed;
        return this;
    }

    public DataSet build(Collection<LabelledSpectrum> items) {
        List<LabelledSpectrum> kept = new ArrayList<>();
        for (LabelledSpectrum ls : items) {
            if (splitTable == null || splitTable.containsKey(ls.id())) {
                kept.add(ls);
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        kept.forEach(ls -> counts.merge(ls.label(), 1, Integer::sum));
        List<String> chosen = new ArrayList<>();
        if (classes != null) {
            for (String c : classes) {
                if (counts.getOrDefault(c, 0) >= minClassCount) {
                    chosen.add(c);
                }
            }
        } else {
            counts.forEach((c, n) -> {
                if (n >= minClassCount) {
                    chosen.add(c);
                }
            });
            chosen.sort(DataSetBuilder::naturalOrder);
        }
        boolean merge = rarePolicy == RareClassPolicy.MERGE_INTO_OTHER;
        boolean anyOther = kept.stream().anyMatch(ls -> !chosen.contains(ls.label()));
        if (merge && anyOther) {
            chosen.add(OTHER_CLASS);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < chosen.size(); i++) {
            index.put(chosen.get(i), i);
        }
        List<LabelledSpectrum> used = new ArrayList<>();
        List<Integer> classIdx = new ArrayList<>();
        for (LabelledSpectrum ls : kept) {
            Integer ci = index.get(ls.label());
            if (ci == null && merge) {
                ci = index.get(OTHER_CLASS);
            }
            if (ci != null) {
                used.add(ls);
                classIdx.add(ci);
            }
        }
        List<SplitRole> roles;
        if (splitTable != null) {
            roles = used.stream().map(ls -> splitTable.get(ls.id())).toList();
        } else {
            List<String> groups = used.stream().map(LabelledSpectrum::group).toList();
            int[] y = classIdx.stream().mapToInt(Integer::intValue).toArray();
            roles = GroupedStratifiedSplit.assign(groups, y, chosen.size(), valFraction, testFraction, seed);
        }
        List<Example> examples = new ArrayList<>(used.size());
        for (int i = 0; i < used.size(); i++) {
            examples.add(new Example(used.get(i), classIdx.get(i), roles.get(i)));
        }
        return new DataSet(name, task, chosen, examples);
    }

    /** Numeric labels sort numerically ("4" before "10"), others alphabetically. */
    static int naturalOrder(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}

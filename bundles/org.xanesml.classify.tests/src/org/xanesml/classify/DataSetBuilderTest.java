/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class DataSetBuilderTest {
    private static List<LabelledSpectrum> withRare() {
        List<LabelledSpectrum> items = new ArrayList<>(Synthetic.items(20, 2, 1));
        Random rnd = new Random(2);
        for (int i = 0; i < 3; i++) {
            items.add(new LabelledSpectrum(Synthetic.spectrum("rare" + i, 0, rnd), "8", "rg" + i));
        }
        return items;
    }

    @Test
    void dropsOrMergesRareClassesByOption() {
        DataSet dropped = new DataSetBuilder().minClassCount(5).rareClasses(RareClassPolicy.DROP)
                .groupedSplit(0.2, 0.2, 0).build(withRare());
        assertEquals(List.of("4", "5"), dropped.classes());
        assertEquals(40, dropped.examples().size());
        DataSet merged = new DataSetBuilder().minClassCount(5).rareClasses(RareClassPolicy.MERGE_INTO_OTHER)
                .groupedSplit(0.2, 0.2, 0).build(withRare());
        assertEquals(List.of("4", "5", DataSetBuilder.OTHER_CLASS), merged.classes());
        assertEquals(43, merged.examples().size());
    }

    @Test
    void groupedSplitNeverPutsAGroupInTwoSplitsAndIsStratified() {
        DataSet ds = Synthetic.dataSet();
        Map<String, SplitRole> roleOfGroup = new HashMap<>();
        for (Example e : ds.examples()) {
            SplitRole prev = roleOfGroup.putIfAbsent(e.item().group(), e.role());
            assertTrue(prev == null || prev == e.role(), "group " + e.item().group() + " straddles splits");
        }
        for (SplitRole r : SplitRole.values()) {
            int[] c = ds.classCounts(r);
            for (int v : c) {
                assertTrue(v > 0, r + " lacks a class: " + java.util.Arrays.toString(c));
            }
        }
        int test = ds.of(SplitRole.TEST).size();
        assertTrue(test >= 18 && test <= 30, "test size " + test + " of 120 for a 20% share");
    }

    @Test
    void splitTableAssignsRolesAndLeavesOutUnlistedSpectra() {
        List<LabelledSpectrum> items = Synthetic.items(4, 2, 3);
        Map<String, SplitRole> table = new HashMap<>();
        table.put(items.get(0).id(), SplitRole.TEST);
        table.put(items.get(1).id(), SplitRole.TRAIN);
        DataSet ds = new DataSetBuilder().splitTable(table).build(items);
        assertEquals(2, ds.examples().size());
        assertEquals(SplitRole.TEST, ds.examples().get(0).role());
    }

    @Test
    void groupedFoldsKeepGroupsTogether() {
        List<String> groups = List.of("a", "a", "b", "c", "c", "d", "e", "f");
        int[] y = {0, 0, 1, 0, 0, 1, 0, 1};
        int[] f = GroupedStratifiedSplit.folds(groups, y, 2, 3, 0);
        assertEquals(f[0], f[1]);
        assertEquals(f[3], f[4]);
    }
}

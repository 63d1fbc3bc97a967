/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.devtools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xanesml.classify.DataSet;
import org.xanesml.classify.DataSetBuilder;
import org.xanesml.classify.EnergyReference;
import org.xanesml.classify.FeatureRecipe;
import org.xanesml.classify.LabelledSpectrum;
import org.xanesml.classify.RareClassPolicy;
import org.xanesml.classify.SplitRole;
import org.xanesml.classify.Task;
import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;
import org.xanesml.io.collection.CollectionEntry;
import org.xanesml.io.collection.SharedSpectraTable;
import org.xanesml.io.collection.SpectrumCollection;

/**
 * The four comparison data sets of the scikit-learn baseline (Cu and Fe, CN {4,5,6} and four geometries), built from
 * the raw shared tables with the shared split files, plus the grids the recipes start from.
 */
public final class BenchmarkData {
    public static final List<String> CN_CLASSES = List.of("4", "5", "6");
    public static final List<String> GEOMETRY_CLASSES = List.of("tetrahedral", "square-planar", "square-pyramidal",
            "octahedral");

    /** Oxidation-state classes: Cu+ / Cu2+ / Cu3+ and Fe2+ / Fe3+, named by the integer state. */
    public static final List<String> CU_OXIDATION_CLASSES = List.of("1", "2", "3");
    public static final List<String> FE_OXIDATION_CLASSES = List.of("2", "3");

    /** One comparison: data set, the starting recipe, and the baseline's key ("cu/A_CN"). */
    public record Benchmark(String key, Element element, DataSet data, FeatureRecipe baseRecipe) {
    }

    /**
     * Spectra and labels of one source, loaded once and shared by its tasks.
     *
     * @param shared the shared folder it was read from (oxidation-state labels come from its structures)
     */
    public record Source(Element element, Map<String, Spectrum> spectra, List<SharedTables.Row> labels,
            Map<String, SplitRole> split, FeatureRecipe baseRecipe, Path shared) {
    }

    private BenchmarkData() {
    }

    /** Loads each element's source once, when first asked for: the tools go through the models one by one. */
    public static final class Sources {
        private final Path shared;
        private final Map<Element, Source> loaded = new java.util.EnumMap<>(Element.class);

        public Sources(Path shared) {
            this.shared = shared;
        }

        public Source of(Element element) throws IOException {
            Source s = loaded.get(element);
            if (s == null) {
                s = switch (element) {
                    case Cu -> loadCu(shared);
                    case Fe -> loadFe(shared);
                    default -> throw new IllegalArgumentException("no shared benchmark data for " + element);
                };
                loaded.put(element, s);
            }
            return s;
        }

        /** @return the benchmark of a shipped model */
        public Benchmark benchmark(ShippedModels.Spec spec) throws IOException {
            if (spec.task() == Task.OXIDATION_STATE) {
                return oxidationBenchmark(of(spec.element()), oxidationLabels(spec.element()));
            }
            return BenchmarkData.benchmark(of(spec.element()), spec.task());
        }

        private final Map<Element, Map<String, String>> oxidation = new java.util.EnumMap<>(Element.class);

        /** @return the oxidation-state training labels of an element's source, derived once */
        public Map<String, String> oxidationLabels(Element element) throws IOException {
            Map<String, String> m = oxidation.get(element);
            if (m == null) {
                m = OxidationLabels.derive(shared, element);
                oxidation.put(element, m);
            }
            return m;
        }
    }

    /** The shared files a benchmark of a task is built from (oxidation: the structures the labels come from too). */
    public static List<String> sourceFiles(Element element, Task task) {
        List<String> files = new ArrayList<>(sourceFiles(element));
        if (task == Task.OXIDATION_STATE) {
            files.add(OxidationLabels.structures(element));
        }
        return files;
    }

    /** The shared files a benchmark is built from, relative to the shared folder (checksummed into descriptors). */
    public static List<String> sourceFiles(Element element) {
        return switch (element) {
            case Cu -> List.of("data/omnixas-cu/spectra.csv.gz", "data/omnixas-cu/sites.csv",
                    "data/omnixas-cu/FEFF_Cu_xmu_POSCAR.tar.gz", "golden/splits/omnixas_cu_split.csv");
            case Fe -> List.of("data/xanesnet-fe/spectra.csv.gz", "data/xanesnet-fe/labels.csv",
                    "golden/splits/xanesnet_fe_split.csv");
            default -> List.of();
        };
    }

    public static Source loadCu(Path shared) throws IOException {
        Path dir = shared.resolve("data/omnixas-cu");
        Map<String, Double> fermi = SharedTables.readFeffFermiLevels(dir.resolve("FEFF_Cu_xmu_POSCAR.tar.gz"));
        Map<String, Spectrum> spectra = new LinkedHashMap<>();
        readTable(dir.resolve("spectra.csv.gz"), Element.Cu).forEach((id, s) -> {
            Double ef = fermi.get(id);
            spectra.put(id, ef == null ? s
                    : s.toBuilder().metadata(EnergyReference.FEFF_FERMI_LEVEL_KEY, Double.toString(ef)).build());
        });
        List<SharedTables.Row> sites = SharedTables.readCsv(dir.resolve("sites.csv"));
        Map<String, SplitRole> split = SharedTables.readSplit(shared.resolve("golden/splits/omnixas_cu_split.csv"), "id");
        double[] grid = feffRelativeGrid(spectra.values());
        return new Source(Element.Cu, spectra, sites, split, FeatureRecipe.mu(EnergyReference.FEFF_FERMI_LEVEL, grid),
                shared);
    }

    public static Source loadFe(Path shared) throws IOException {
        Path dir = shared.resolve("data/xanesnet-fe");
        Map<String, Spectrum> spectra = readTable(dir.resolve("spectra.csv.gz"), Element.Fe);
        List<SharedTables.Row> labels = SharedTables.readCsv(dir.resolve("labels.csv"));
        Map<String, SplitRole> split = SharedTables.readSplit(shared.resolve("golden/splits/xanesnet_fe_split.csv"),
                "name");
        double[] grid = commonGrid(spectra.values());
        return new Source(Element.Fe, spectra, labels, split, FeatureRecipe.mu(EnergyReference.ABSOLUTE, grid), shared);
    }

    /**
     * Reads a shared spectra table with the io bundle's reader (the one the product uses); a table with problem rows
     * is refused, because a silently smaller training set would change the benchmark.
     */
    static Map<String, Spectrum> readTable(Path table, Element element) throws IOException {
        SpectrumCollection c = SharedSpectraTable.read(table, element, Edge.K, MuScale.EDGE_NORMALIZED);
        if (!c.problems().isEmpty()) {
            throw new IOException(table + ": " + c.problems().size() + " unreadable rows, first: "
                    + c.problems().get(0));
        }
        Map<String, Spectrum> out = new LinkedHashMap<>();
        for (CollectionEntry e : c.entries()) {
            // shared tables, labels and splits name a spectrum by its raw id (OmniXAS material_site, XANESNET name)
            String id = element == Element.Cu ? e.id().toString() : e.id().material();
            out.put(id, e.spectrum().toBuilder().id(id).build());
        }
        return out;
    }

    /** Builds the data set of one task of a source with the split file; rare or unlisted classes are dropped. */
    public static Benchmark benchmark(Source src, Task task) throws IOException {
        if (task == Task.OXIDATION_STATE) {
            return oxidationBenchmark(src, OxidationLabels.derive(src.shared(), src.element()));
        }
        return labelledBenchmark(src, task);
    }

    /** The oxidation-state data set: spectra whose structure gives a training label (see {@link OxidationLabels}). */
    public static Benchmark oxidationBenchmark(Source src, Map<String, String> labels) {
        boolean cu = src.element() == Element.Cu;
        List<LabelledSpectrum> items = new ArrayList<>();
        for (SharedTables.Row r : src.labels()) {
            Spectrum s = src.spectra().get(r.get(cu ? "id" : "name"));
            String label = s == null ? null : labels.get(s.id());
            if (label == null || !src.split().containsKey(s.id())) {
                continue;
            }
            items.add(new LabelledSpectrum(s, label, r.get(cu ? "mp_id" : "csd_refcode")));
        }
        String key = (cu ? "cu" : "fe") + "/C_oxidation";
        DataSet ds = new DataSetBuilder().name(key).task(Task.OXIDATION_STATE)
                .classes(cu ? CU_OXIDATION_CLASSES : FE_OXIDATION_CLASSES).rareClasses(RareClassPolicy.DROP)
                .splitTable(src.split()).build(items);
        return new Benchmark(key, src.element(), ds, src.baseRecipe());
    }

    private static Benchmark labelledBenchmark(Source src, Task task) {
        boolean cu = src.element() == Element.Cu;
        String labelColumn = task == Task.COORDINATION_NUMBER ? (cu ? "cn_shell125" : "cn_cov115") : "geometry";
        String idColumn = cu ? "id" : "name";
        String groupColumn = cu ? "mp_id" : "csd_refcode";
        List<LabelledSpectrum> items = new ArrayList<>();
        for (SharedTables.Row r : src.labels()) {
            Spectrum s = src.spectra().get(r.get(idColumn));
            if (s == null || !src.split().containsKey(s.id())) {
                continue;
            }
            items.add(new LabelledSpectrum(s, r.get(labelColumn), r.get(groupColumn)));
        }
        List<String> classes = task == Task.COORDINATION_NUMBER ? CN_CLASSES : GEOMETRY_CLASSES;
        String key = (cu ? "cu/" : "fe/") + (task == Task.COORDINATION_NUMBER ? "A_CN" : "B_geometry");
        DataSet ds = new DataSetBuilder().name(key).task(task).classes(classes).rareClasses(RareClassPolicy.DROP)
                .splitTable(src.split()).build(items);
        return new Benchmark(key, src.element(), ds, src.baseRecipe());
    }

    /**
     * The FEFF-relative grid: per row index, the median over spectra of omega - E_Fermi, kept where every spectrum
     * has data (so no spectrum needs extrapolation). FEFF writes the same k-based grid for every site, so row medians
     * are a representative grid.
     */
    public static double[] feffRelativeGrid(Collection<Spectrum> spectra) {
        int maxLen = 0;
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        List<double[]> rel = new ArrayList<>();
        for (Spectrum s : spectra) {
            double ef = Double.parseDouble(s.metadata(EnergyReference.FEFF_FERMI_LEVEL_KEY).orElseThrow(
                    () -> new IllegalArgumentException(s.id() + ": no FEFF Fermi level to build a relative grid")));
            double[] e = s.energyEv();
            for (int i = 0; i < e.length; i++) {
                e[i] -= ef;
            }
            rel.add(e);
            maxLen = Math.max(maxLen, e.length);
            lo = Math.max(lo, e[0]);
            hi = Math.min(hi, e[e.length - 1]);
        }
        List<Double> grid = new ArrayList<>();
        for (int i = 0; i < maxLen; i++) {
            List<Double> col = new ArrayList<>();
            for (double[] e : rel) {
                if (i < e.length) {
                    col.add(e[i]);
                }
            }
            double[] v = col.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double med = v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
            double rounded = Math.round(med * 1000) / 1000.0;
            if (rounded >= lo && rounded <= hi && (grid.isEmpty() || rounded > grid.get(grid.size() - 1))) {
                grid.add(rounded);
            }
        }
        return grid.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** @return the energy grid all spectra share (the native FDMNES grid of the Fe set). */
    public static double[] commonGrid(Collection<Spectrum> spectra) {
        double[] first = null;
        for (Spectrum s : spectra) {
            double[] e = s.energyEv();
            if (first == null) {
                first = e;
            } else if (!Arrays.equals(first, e)) {
                throw new IllegalArgumentException(s.id() + ": its energy grid differs from the first spectrum's;"
                        + " a common grid needs identical grids");
            }
        }
        if (first == null) {
            throw new IllegalArgumentException("no spectra to take a grid from");
        }
        return first;
    }
}

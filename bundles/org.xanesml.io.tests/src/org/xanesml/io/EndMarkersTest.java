/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.io.EndMarkers.State;
import org.xanesml.testing.SharedData;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/**
 * Which formats carry an end mark, and that a file cut anywhere before it (as a folder watcher sees a file its writer
 * is still writing) is never taken for complete: every real Athena project of the shared data, cut at many points;
 * HDF5 files written by jHDF, cut and extended; JSON documents; gzip; and the formats without a mark.
 */
class EndMarkersTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private State state(String name, byte[] bytes) throws IOException {
        return EndMarkers.check(write(name, bytes)).state();
    }

    /** @return cut points through the whole file, denser near its end where the marks are */
    private static List<Integer> cuts(int length) {
        return Stream.concat(Stream.of(1, 7, 100, 511, 512, 600, length / 3, length / 2, length - 200, length - 40,
                length - 20, length - 10, length - 3, length - 2, length - 1), Stream.of(length * 9 / 10))
                .filter(n -> n > 0 && n < length).distinct().toList();
    }

    /**
     * Never complete; incomplete once the head shows the format (a few bytes cannot: judged by time, "none").
     */
    private static void assertIncomplete(State s, int cut, String what) {
        assertTrue(s == State.INCOMPLETE || cut < 64 && s == State.NONE, what + ": " + s);
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    private static boolean isGzip(byte[] b) {
        return b.length > 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
    }

    @Test
    void everyAthenaProjectIsCompleteWholeAndIncompleteCutAnywhere() throws IOException {
        Path folder = SharedData.require("data/experimental/larch-examples/xafsdata/AthenaProjectFiles");
        List<Path> projects;
        try (Stream<Path> s = Files.list(folder)) {
            projects = s.filter(p -> p.toString().endsWith(".prj")).sorted().toList();
        }
        assertTrue(projects.size() >= 10, projects.toString());
        int gzipped = 0;
        for (Path p : projects) {
            byte[] whole = Files.readAllBytes(p);
            EndMarkers.Result r = EndMarkers.check(p);
            assertEquals(State.COMPLETE, r.state(), p + ": " + r);
            for (int cut : cuts(whole.length)) {
                assertIncomplete(state("cut.prj", Arrays.copyOf(whole, cut)), cut, p + " cut at " + cut);
            }
            // the text cut before its closing statement, then compressed whole: the gzip ends, the project not
            byte[] text = isGzip(whole) ? gunzip(whole) : whole;
            String t = new String(text, StandardCharsets.ISO_8859_1);
            int closing = t.lastIndexOf("\n1;");
            assertTrue(closing > 0, p.toString());
            byte[] before = Arrays.copyOf(text, closing + 1);
            assertEquals(State.INCOMPLETE, state("text-cut.prj", gzip(before)), p + " text cut, gzipped");
            assertEquals(State.INCOMPLETE, state("text-cut.prj", before), p + " text cut");
            // the editor block begun but not ended
            int end = t.lastIndexOf("# End:");
            assertEquals(State.INCOMPLETE, state("block-cut.prj", Arrays.copyOf(text, end)), p + " block cut");
            gzipped += isGzip(whole) ? 1 : 0;
        }
        assertTrue(gzipped > 0 && gzipped < projects.size(), "both gzipped and plain projects are covered");
    }

    private static Path hdf5(Path f) {
        try (WritableHdfFile hdf = HdfFile.write(f)) {
            WritableGroup entry = hdf.putGroup("entry");
            entry.putAttribute("NX_class", "NXentry");
            WritableGroup data = entry.putGroup("data");
            data.putDataset("energy", new double[] {8970, 8975, 8980, 8985, 8990, 9000});
            data.putDataset("mu", new double[] {0.1, 0.12, 0.8, 1.1, 1.0, 1.02});
        }
        return f;
    }

    @Test
    void hdf5IsCompleteWhenTheSuperblocksEndOfFileAddressIsTheFileSize() throws IOException {
        Path f = hdf5(dir.resolve("scan.nxs"));
        byte[] whole = Files.readAllBytes(f);
        EndMarkers.Result r = EndMarkers.check(f);
        assertEquals(State.COMPLETE, r.state(), r.toString());
        assertEquals("HDF5", r.format());
        for (int cut : cuts(whole.length)) {
            assertIncomplete(state("cut.nxs", Arrays.copyOf(whole, cut)), cut, "cut at " + cut);
        }
        // longer than the superblock says: a writer still adding data before it closes the file
        byte[] longer = Arrays.copyOf(whole, whole.length + 4096);
        EndMarkers.Result grown = EndMarkers.check(write("longer.nxs", longer));
        assertEquals(State.INCOMPLETE, grown.state());
        assertTrue(grown.detail().contains(Integer.toString(whole.length + 4096)), grown.detail());
        // a version 3 superblock with the "open for writing" flag
        byte[] open = whole.clone();
        open[8] = 3;
        open[11] = 1;
        EndMarkers.Result writing = EndMarkers.check(write("open.nxs", open));
        assertEquals(State.INCOMPLETE, writing.state());
        assertTrue(writing.detail().contains("open for writing"), writing.detail());
        open[11] = 0;
        assertEquals(State.COMPLETE, state("closed.nxs", open));
        // behind a 512-byte user block (the superblock's base address then says 512), addresses count from it
        assertEquals(2, whole[8], "jHDF writes a version 2 superblock: base address at byte 12");
        byte[] user = new byte[512 + whole.length];
        System.arraycopy(whole, 0, user, 512, whole.length);
        user[512 + 12] = 0;
        user[512 + 13] = 2;
        assertEquals(State.COMPLETE, state("user.nxs", user));
        assertEquals(State.INCOMPLETE, state("user-cut.nxs", Arrays.copyOf(user, user.length - 1)));
    }

    @Test
    void jsonIsCompleteWhenItsTopLevelValueIsClosed() throws IOException {
        byte[] doc = Files.readAllBytes(SharedData.require("data/formats/trixs/mp-30_Cu.json"));
        assertEquals(State.COMPLETE, state("mp.json", doc));
        for (int cut : cuts(doc.length)) {
            assertIncomplete(state("cut.json", Arrays.copyOf(doc, cut)), cut, "cut at " + cut);
        }
        // brackets inside strings and escaped quotes do not close anything
        String tricky = "{\"a\": \"}]\\\"}\", \"b\": [1, 2, {\"c\": \"[\"}]}\n";
        assertEquals(State.COMPLETE, state("t.json", tricky.getBytes(StandardCharsets.UTF_8)));
        assertEquals(State.INCOMPLETE, state("t.json", tricky.substring(0, tricky.indexOf("\"b\""))
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void gzipIsCompleteWithItsTrailer() throws IOException {
        byte[] xdi = ("# XDI/1.0\n# Element.symbol: Fe\n# Element.edge: K\n#----\n# energy mu\n"
                + "7100 0.1\n7110 0.5\n7120 1.0\n").getBytes(StandardCharsets.US_ASCII);
        byte[] z = gzip(xdi);
        assertEquals(State.COMPLETE, state("scan.xdi.gz", z));
        for (int cut : cuts(z.length)) {
            assertIncomplete(state("cut.xdi.gz", Arrays.copyOf(z, cut)), cut, "cut at " + cut);
        }
    }

    @Test
    void formatsWithoutEndMarkAreJudgedByTime() throws IOException {
        for (String name : List.of("data/experimental/XASDataLibrary/data/Cu/cu_metal_rt.xdi",
                "data/formats/materials-project/xas.XANES.K.Fe.mp-13.tsv",
                "data/formats/lightshow/anatase_theory_FEFF.txt")) {
            Path p = SharedData.require(name);
            EndMarkers.Result r = EndMarkers.check(p);
            assertEquals(State.NONE, r.state(), p + ": " + r);
            byte[] whole = Files.readAllBytes(p);
            assertEquals(State.NONE, state("cut", Arrays.copyOf(whole, whole.length / 2)), p + " cut");
        }
        EndMarkers.Result missing = EndMarkers.check(dir.resolve("nope.xdi"));
        assertEquals(State.NONE, missing.state());
        assertTrue(missing.detail().contains("nope.xdi"), missing.detail());
    }
}

/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.xanesml.preprocess.EnergyControl;
import org.xanesml.preprocess.PreEdgeParameters;

/**
 * The session as a small JSON document: which files were open (with the normalisation parameters the operator set)
 * and which models were loaded. Spectra are referenced by path, not copied: the session file stays small and the
 * data stay where the beamline wrote them.
 */
public final class SessionFile {
    public static final int FORMAT_VERSION = 1;

    /** One open spectrum as saved. */
    public record SavedEntry(String key, Path source, PreEdgeParameters parameters, EnergyControl energy) {
    }

    /** The saved session. */
    public record Saved(List<SavedEntry> entries, List<String> modelOrigins) {
    }

    private SessionFile() {
    }

    public static String toJson(List<AnalysisEntry> entries, List<LoadedModel> models) {
        JsonObject root = new JsonObject();
        root.addProperty("format", "xanesml-session");
        root.addProperty("version", FORMAT_VERSION);
        JsonArray spectra = new JsonArray();
        for (AnalysisEntry e : entries) {
            JsonObject o = new JsonObject();
            o.addProperty("key", e.key());
            o.addProperty("source", e.source().toString());
            o.add("parameters", parameters(e.parameters()));
            o.add("energy", energy(e.energy()));
            spectra.add(o);
        }
        root.add("spectra", spectra);
        JsonArray ms = new JsonArray();
        models.forEach(m -> ms.add(m.origin()));
        root.add("models", ms);
        return new GsonBuilder().setPrettyPrinting().create().toJson(root);
    }

    public static void write(Path file, List<AnalysisEntry> entries, List<LoadedModel> models) throws IOException {
        Files.writeString(file, toJson(entries, models), StandardCharsets.UTF_8);
    }

    /** @throws IOException naming the file and what was expected when it is not a session file */
    public static Saved read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            JsonObject root = JsonParser.parseString(text).getAsJsonObject();
            if (!root.has("format") || !"xanesml-session".equals(root.get("format").getAsString())) {
                throw new IOException(file + ": not a xanesml session (expected \"format\": \"xanesml-session\")");
            }
            int version = root.get("version").getAsInt();
            if (version != FORMAT_VERSION) {
                throw new IOException(file + ": session format version " + version + "; this client reads "
                        + FORMAT_VERSION);
            }
            List<SavedEntry> entries = new ArrayList<>();
            for (JsonElement el : root.getAsJsonArray("spectra")) {
                JsonObject o = el.getAsJsonObject();
                entries.add(new SavedEntry(o.get("key").getAsString(), Path.of(o.get("source").getAsString()),
                        parameters(o.getAsJsonObject("parameters")), energy(o.getAsJsonObject("energy"))));
            }
            List<String> models = new ArrayList<>();
            root.getAsJsonArray("models").forEach(m -> models.add(m.getAsString()));
            return new Saved(entries, models);
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException
                | IllegalArgumentException e) {
            // Gson signals a missing member or a wrong type with these unchecked exceptions, the value types a
            // value out of range with the last
            throw new IOException(file + ": malformed session file: " + e, e);
        }
    }

    private static JsonObject parameters(PreEdgeParameters p) {
        JsonObject o = new JsonObject();
        o.addProperty("e0Ev", p.e0Ev());
        o.addProperty("edgeStep", p.edgeStep());
        o.addProperty("pre1Ev", p.pre1Ev());
        o.addProperty("pre2Ev", p.pre2Ev());
        o.addProperty("norm1Ev", p.norm1Ev());
        o.addProperty("norm2Ev", p.norm2Ev());
        o.addProperty("nnorm", p.nnorm());
        o.addProperty("nvict", p.nvict());
        o.addProperty("npre", p.npre());
        o.addProperty("calculated", p.calculated());
        return o;
    }

    private static PreEdgeParameters parameters(JsonObject o) {
        return new PreEdgeParameters(dbl(o, "e0Ev"), dbl(o, "edgeStep"), dbl(o, "pre1Ev"), dbl(o, "pre2Ev"),
                dbl(o, "norm1Ev"), dbl(o, "norm2Ev"), o.has("nnorm") && !o.get("nnorm").isJsonNull()
                        ? o.get("nnorm").getAsInt() : null,
                o.get("nvict").getAsInt(), o.get("npre").getAsInt(), o.get("calculated").getAsBoolean());
    }

    private static JsonObject energy(EnergyControl c) {
        JsonObject o = new JsonObject();
        o.addProperty("e0Mode", c.e0Mode().name());
        o.addProperty("e0Ev", c.e0Ev());
        o.addProperty("shiftEv", c.shiftEv());
        o.addProperty("calibrateReference", c.calibrateReference());
        o.addProperty("referenceEdgeEv", c.referenceEdgeEv());
        return o;
    }

    /** @return the saved energy control; a session saved before there was one gets the default */
    private static EnergyControl energy(JsonObject o) {
        if (o == null) {
            return EnergyControl.fromFile();
        }
        return new EnergyControl(EnergyControl.E0Mode.valueOf(o.get("e0Mode").getAsString()), dbl(o, "e0Ev"),
                o.get("shiftEv").getAsDouble(), o.get("calibrateReference").getAsBoolean(),
                dbl(o, "referenceEdgeEv"));
    }

    private static Double dbl(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.getAsDouble();
    }
}

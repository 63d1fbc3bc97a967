/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal.mp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xanesml.io.SpectrumReadException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/** Reading JSON documents with limits and errors that name the file and the field. */
final class JsonDocuments {
    /** Database documents are tens of kB; a larger file is not one spectrum document. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final Pattern GSON_LINE = Pattern.compile("line (\\d+)");

    private JsonDocuments() {
    }

    static JsonObject readObject(Path file) throws SpectrumReadException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw new SpectrumReadException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new SpectrumReadException(file, 0, "larger than " + MAX_BYTES + " bytes; not a spectrum document");
        }
        return parseObject(file, new String(bytes, StandardCharsets.UTF_8));
    }

    static JsonObject parseObject(Path file, String text) throws SpectrumReadException {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException | StackOverflowError e) {
            // Gson reports "line N column M" in its message; keep the line for the user.
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Matcher m = GSON_LINE.matcher(message);
            long line = m.find() ? Long.parseLong(m.group(1)) : 0;
            throw new SpectrumReadException(file, line, "not valid JSON: " + message, e);
        }
        if (!root.isJsonObject()) {
            throw new SpectrumReadException(file, 1, "expected a JSON object at the top level, found "
                    + kind(root));
        }
        return root.getAsJsonObject();
    }

    /** @return the array's numbers; error names the field and the index of the first non-number */
    static double[] numbers(Path file, JsonElement array, String field) throws SpectrumReadException {
        if (array == null || !array.isJsonArray()) {
            throw new SpectrumReadException(file, 0, "field '" + field + "' must be an array of numbers, found "
                    + kind(array));
        }
        JsonArray a = array.getAsJsonArray();
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(file, a.get(i), field + "[" + i + "]");
        }
        return out;
    }

    static double number(Path file, JsonElement e, String field) throws SpectrumReadException {
        if (e instanceof JsonPrimitive p && p.isNumber()) {
            return p.getAsDouble();
        }
        if (e instanceof JsonPrimitive p && p.isString()) {
            // Python's json writes NaN/Infinity bare, pandas sometimes quotes numbers; both end up here.
            try {
                return Double.parseDouble(p.getAsString().strip());
            } catch (NumberFormatException ex) {
                throw new SpectrumReadException(file, 0, field + " is \"" + abbreviate(p.getAsString())
                        + "\"; expected a number", ex);
            }
        }
        throw new SpectrumReadException(file, 0, field + " is " + kind(e) + "; expected a number");
    }

    /** @return column {@code column} of an array of rows ({@code [[omega, e, k, mu, mu0, chi], ...]}) */
    static double[] column(Path file, JsonElement rows, String field, int column, int minColumns)
            throws SpectrumReadException {
        if (rows == null || !rows.isJsonArray()) {
            throw new SpectrumReadException(file, 0, "field '" + field + "' must be an array of rows, found "
                    + kind(rows));
        }
        JsonArray a = rows.getAsJsonArray();
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonElement row = a.get(i);
            if (!row.isJsonArray() || row.getAsJsonArray().size() < minColumns) {
                throw new SpectrumReadException(file, 0, field + "[" + i + "] must be a row of at least "
                        + minColumns + " numbers, found " + abbreviate(String.valueOf(row)));
            }
            out[i] = number(file, row.getAsJsonArray().get(column), field + "[" + i + "][" + column + "]");
        }
        return out;
    }

    static String kind(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "nothing";
        }
        if (e.isJsonArray()) {
            return "an array";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        return "'" + abbreviate(e.getAsString()) + "'";
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    /** @return the string value of a field, or null when it is absent, null, or not a primitive */
    static String string(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }
}

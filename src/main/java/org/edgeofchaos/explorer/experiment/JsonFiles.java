package org.edgeofchaos.explorer.experiment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JacksonException;

/**
 * Reading the project's JSON files (saved runs, phase maps) with problems phrased for the user: each reader turns
 * a {@link Problem} into its own exception that names the file.
 */
public final class JsonFiles {
    private JsonFiles() {
    }

    /** What is wrong with a file, in words for the user (without the file name). */
    public static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        Problem(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Reads and parses a file as {@code type}; {@code kind} names the file type in messages ("run"). */
    public static <T> T read(Path file, Class<T> type, String kind) throws Problem {
        return parse(text(file), type, kind);
    }

    /** The same for a stream, e.g. a file shipped inside the application. */
    public static <T> T read(InputStream in, Class<T> type, String kind) throws Problem {
        return parse(text(in), type, kind);
    }

    /** A file's JSON text, inflated if it is gzip-compressed (for readers with a faster path of their own). */
    public static byte[] text(Path file) throws Problem {
        try {
            return gunzipIfCompressed(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new Problem("no such file", e);
        } catch (IOException e) {
            throw new Problem("cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** The same for a stream. */
    public static byte[] text(InputStream in) throws Problem {
        try {
            return gunzipIfCompressed(in.readAllBytes());
        } catch (IOException e) {
            throw new Problem("cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The problem in the user's terms: which field holds what kind of wrong value, or what is wrong with the JSON
     * itself. Jackson's own messages name Java classes and its internals ("Packed Binary Double Vector",
     * "java.lang.Double") and are not shown.
     */
    static String describe(JacksonException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.exc.StreamReadException parse
                    && !(t instanceof com.fasterxml.jackson.databind.JsonMappingException)) {
                return describeSyntax(parse);
            }
        }
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            String field = fieldPath(m);
            if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f) {
                return "field \"" + field + "\" holds " + quote(f.getValue()) + ", expected " + expected(f.getTargetType());
            }
            if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException f && f.getTargetType() != null) {
                return "field \"" + field + "\" has the wrong kind of value, expected " + expected(f.getTargetType());
            }
            return "field \"" + field + "\" cannot be read";
        }
        return "its structure is not what was expected";
    }

    private static String describeSyntax(com.fasterxml.jackson.core.exc.StreamReadException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Unexpected end-of-input")) {
            return "the file ends too early; it is cut short";
        }
        String token = original.startsWith("Unrecognized token '") ? original.substring(20,
                Math.max(20, original.indexOf('\'', 20))) : null;
        return token != null ? "unexpected text '" + token + "'" : "the text is not valid JSON";
    }

    private static String fieldPath(com.fasterxml.jackson.databind.JsonMappingException m) {
        StringBuilder path = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String quote(Object value) {
        String text = String.valueOf(value);
        if (text.length() > 40) {
            text = text.substring(0, 40) + "...";
        }
        return value instanceof String ? "\"" + text + "\"" : text;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    /** Parses JSON text (or gzip-compressed JSON) as {@code type}, with the problems in the user's terms. */
    public static <T> T parse(byte[] bytes, Class<T> type, String kind) throws Problem {
        if (bytes.length == 0) {
            throw new Problem("the file is empty", null);
        }
        bytes = gunzipIfCompressed(bytes);
        T value;
        try {
            value = RunFiles.MAPPER.readValue(bytes, type);
        } catch (JacksonException e) {
            String where = e.getLocation() != null
                    ? " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() : "";
            throw new Problem("not a valid " + kind + " file" + where + " (" + describe(e) + ")", e);
        } catch (IOException e) {
            throw new Problem("cannot read (" + e.getMessage() + ")", e);
        }
        if (value == null) {
            throw new Problem("the file holds no " + kind, null);
        }
        return value;
    }

    /** A gzip stream (magic bytes 1f 8b) is inflated, so any of these files may be stored compressed. */
    private static byte[] gunzipIfCompressed(byte[] bytes) throws Problem {
        if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) {
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            byte[] inflated = in.readAllBytes();
            if (inflated.length == 0) {
                throw new Problem("the compressed file is empty", null);
            }
            return inflated;
        } catch (IOException e) {
            throw new Problem("damaged gzip data (" + e.getMessage() + ")", e);
        }
    }
}

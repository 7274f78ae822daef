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
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Problem("no such file", e);
        } catch (IOException e) {
            throw new Problem("cannot read (" + e.getMessage() + ")", e);
        }
        return parse(bytes, type, kind);
    }

    /** The same for a stream, e.g. a file shipped inside the application. */
    public static <T> T read(InputStream in, Class<T> type, String kind) throws Problem {
        try {
            return parse(in.readAllBytes(), type, kind);
        } catch (IOException e) {
            throw new Problem("cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static <T> T parse(byte[] bytes, Class<T> type, String kind) throws Problem {
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
            String detail = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new Problem("not a valid " + kind + " file" + where + " (" + detail + ")", e);
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

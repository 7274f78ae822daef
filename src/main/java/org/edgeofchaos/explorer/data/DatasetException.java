package org.edgeofchaos.explorer.data;

import java.nio.file.Path;

/**
 * A data set or data option the user supplied cannot be used. The message is always a single line that names the
 * offending file (full path) or command line option, so the command line and the window can show it as is.
 * Unchecked because callers can rarely recover beyond reporting it.
 */
public class DatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(oneLine(message));
    }

    public DatasetException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** Message of the form {@code /full/path/file: problem}. */
    public DatasetException(Path file, String problem) {
        this(describe(file) + ": " + problem);
    }

    public DatasetException(Path file, String problem, Throwable cause) {
        this(describe(file) + ": " + problem, cause);
    }

    /** Absolute, normalised path: a relative name alone does not tell the user which directory was searched. */
    static String describe(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    // Messages may embed texts of lower-level exceptions, which sometimes span lines.
    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}

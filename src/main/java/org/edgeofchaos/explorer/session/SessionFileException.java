package org.edgeofchaos.explorer.session;

import java.nio.file.Path;

/**
 * A session file that cannot be opened: the message names the file, and the line and field when the problem is in
 * one ("my-class.session.json, line 7, field settings.learningRate: must be > 0, got -1").
 */
public final class SessionFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String field;
    private final String reason;

    public SessionFileException(Path file, int line, String field, String reason, Throwable cause) {
        super(describe(file, line, field, reason), cause);
        this.file = file;
        this.line = line;
        this.field = field;
        this.reason = reason;
    }

    private static String describe(Path file, int line, String field, String reason) {
        StringBuilder b = new StringBuilder(String.valueOf(file == null ? "session" : file.toAbsolutePath()));
        if (line > 0) {
            b.append(", line ").append(line);
        }
        if (field != null && !field.isEmpty()) {
            b.append(", field ").append(field);
        }
        return b.append(": ").append(reason).toString();
    }

    public Path file() {
        return file;
    }

    /** 1-based line of the problem, or 0 when it is not in one place (an empty file, an unreadable one). */
    public int line() {
        return line;
    }

    /** The field's path, e.g. {@code settings.learningRate} or {@code runs[2]}; null when not about a field. */
    public String field() {
        return field;
    }

    /** The problem without the file, line and field. */
    public String reason() {
        return reason;
    }
}

package org.edgeofchaos.explorer.lessons;

/**
 * A lesson file that cannot be used, with where and why in one line: {@code FILE line L, column C: field
 * 'steps[2].actions[0].set.lr': <problem>}.
 */
public final class LessonFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String field;
    private final String problem;

    /**
     * @param line   1-based, or -1 when unknown (the file cannot be read)
     * @param field  the field's path, e.g. {@code steps[2].actions[0].set.lr}, or null
     */
    public LessonFileException(String source, int line, int column, String field, String problem) {
        super(format(source, line, column, field, problem));
        this.source = source;
        this.line = line;
        this.column = column;
        this.field = field;
        this.problem = problem;
    }

    private static String format(String source, int line, int column, String field, String problem) {
        StringBuilder b = new StringBuilder(source);
        if (line > 0) {
            b.append(" line ").append(line);
            if (column > 0) {
                b.append(", column ").append(column);
            }
        }
        b.append(": ");
        if (field != null && !field.isEmpty()) {
            b.append("field '").append(field).append("': ");
        }
        return b.append(problem).toString();
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The field's path, or null. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}

package org.edgeofchaos.explorer.phase;

import java.nio.file.Path;

/** A phase-map file that cannot be read: the message is one line naming the file and what is wrong. */
public final class PhaseMapFileException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public PhaseMapFileException(Path file, String problem, Throwable cause) {
        super(file.toAbsolutePath() + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}

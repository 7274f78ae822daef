package org.edgeofchaos.explorer.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.edgeofchaos.explorer.experiment.RunFileException;
import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.experiment.RunRecord;

/** Reads the run files a session names; a missing or unreadable one is a problem, the others load. */
public final class SessionRuns {
    private SessionRuns() {
    }

    /** A run file and what it holds. */
    public record Loaded(Path file, RunRecord run) {
    }

    /** Reads each file in order (on a worker thread: they may be large); problems are added, never thrown. */
    public static List<Loaded> read(List<Path> files, SessionProblems problems) {
        List<Loaded> loaded = new ArrayList<>();
        for (Path file : files) {
            if (!Files.exists(file)) {
                problems.missing(file, "run file");
                continue;
            }
            try {
                loaded.add(new Loaded(file, RunFiles.read(file)));
            } catch (RunFileException e) {
                problems.add("run file " + e.getMessage());
            }
        }
        return loaded;
    }
}

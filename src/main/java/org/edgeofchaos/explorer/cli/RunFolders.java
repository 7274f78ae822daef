package org.edgeofchaos.explorer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.edgeofchaos.explorer.training.InvalidSettingException;
import org.edgeofchaos.explorer.experiment.RunFileException;
import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.laws.LawRun;

/** Reads the runs that a {@code --runs PATH...} option names: run files, or folders searched for them. */
final class RunFolders {
    private RunFolders() {
    }

    /**
     * A file named directly must be a run file (its problem is reported); inside folders, JSON files that are not
     * runs (a sweep's spec, checkpoints) are passed over.
     */
    static List<LawRun> load(List<Path> paths) throws IOException, RunFileException {
        List<LawRun> loaded = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new InvalidSettingException("--runs", path + " does not exist");
            }
            if (!Files.isDirectory(path)) {
                RunRecord run = RunFiles.read(path);
                if (run.dataset() == null) {
                    throw new InvalidSettingException("--runs", path + " records no data set, so its k "
                            + "cannot be scaled to a training-set size");
                }
                loaded.add(LawRun.of(run));
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            }
            for (Path file : files) {
                try {
                    RunRecord run = RunFiles.read(file);
                    if (run.dataset() != null) {
                        loaded.add(LawRun.of(run));
                    }
                } catch (RunFileException e) {
                    // not a run: skipped
                }
            }
        }
        return loaded;
    }
}

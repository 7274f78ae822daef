package org.edgeofchaos.explorer.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.edgeofchaos.explorer.experiment.AtomicFiles;
import org.edgeofchaos.explorer.experiment.RunLock;
import org.edgeofchaos.explorer.training.InvalidSettingException;

/**
 * The checks on {@code train --out} made before any data is loaded, so that a run that could not be saved fails in
 * a second instead of after all its epochs: not a folder, not an existing file unless replacing or continuing it,
 * not being written by another process, and a folder that takes a file of a checkpoint's size.
 */
final class RunDestination {
    /** About one checkpoint of a small network: enough to catch a full disk without wasting a slow one. */
    private static final int PROBE_BYTES = 256 * 1024;

    private RunDestination() {
    }

    static void check(Path out, boolean force, boolean resume) {
        Path file = out.toAbsolutePath();
        if (Files.isDirectory(file)) {
            throw new InvalidSettingException("--out", file + " is a folder; give a file name such as "
                    + file.resolve("run.json"));
        }
        boolean exists = Files.exists(file);
        if (resume && !exists) {
            throw new InvalidSettingException("--out", "nothing to continue: " + file + " does not exist");
        }
        if (exists && !resume && !force) {
            throw new InvalidSettingException("--out", file + " already exists; use --force to replace it or "
                    + "--resume to continue the run saved in it");
        }
        if (exists && !Files.isWritable(file)) {
            throw new InvalidSettingException("--out", "cannot write " + file + ": the file is read-only");
        }
        if (RunLock.isHeld(file)) {
            throw new InvalidSettingException("--out", file + " is being written by another process; wait for it "
                    + "to finish or stop it");
        }
        try {
            AtomicFiles.checkWritable(file.getParent(), PROBE_BYTES);
        } catch (AtomicFiles.WriteException e) {
            throw new InvalidSettingException("--out", e.getMessage());
        }
    }
}

package org.edgeofchaos.explorer.experiment;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.edgeofchaos.explorer.training.RunState;

/**
 * The folder of saved runs, one {@code <id>.json} each (with its {@code .checkpoint} and, while a process writes
 * it, its {@code .lock}). Listing never fails because of one bad file: a corrupt or unreadable file is returned as
 * an entry with its error. A run saved as running or paused whose writer is gone is listed as
 * {@link RunState#INTERRUPTED}.
 */
public final class RunStore {
    private final Path directory;

    public RunStore(Path directory) {
        this.directory = directory;
    }

    public static RunStore standard() {
        return new RunStore(AppDirectories.runsDirectory());
    }

    public Path directory() {
        return directory;
    }

    public Path fileOf(String id) {
        return directory.resolve(id + ".json");
    }

    /** One listed file: either a run or the reason it could not be read. */
    public record Entry(Path file, RunRecord run, String error) {
        public boolean readable() {
            return run != null;
        }
    }

    /** Every {@code .json} file in the folder, newest run first; a missing folder lists as empty. */
    public List<Entry> list() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
            for (Path file : files) {
                try {
                    entries.add(new Entry(file, withLiveState(file, RunFiles.read(file)), null));
                } catch (RunFileException e) {
                    entries.add(new Entry(file, null, e.getMessage()));
                }
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> e.readable() ? e.run().createdAt() : "")
                .reversed().thenComparing(e -> e.file().getFileName().toString()));
        return entries;
    }

    /**
     * The run as it stands: a file that says RUNNING or PAUSED but whose lock no live process holds was
     * interrupted (its process was killed or crashed).
     */
    public static RunRecord withLiveState(Path file, RunRecord run) {
        boolean live = run.state() == RunState.RUNNING || run.state() == RunState.PAUSED;
        if (live && !RunLock.isHeld(file)) {
            return run.withState(RunState.INTERRUPTED, run.divergedEpoch(), run.divergedBatch());
        }
        return run;
    }

    public void save(RunRecord run) throws AtomicFiles.WriteException {
        RunFiles.write(fileOf(run.id()), run);
    }

    public void delete(Path file) throws IOException {
        if (!file.toAbsolutePath().normalize().startsWith(directory.toAbsolutePath().normalize())) {
            throw new IOException("refusing to delete " + file + ": it is not in the runs folder " + directory);
        }
        if (RunLock.isHeld(file)) {
            throw new IOException("cannot delete " + file.getFileName() + ": the run is still being written");
        }
        Files.deleteIfExists(file);
        Files.deleteIfExists(CheckpointFiles.of(file));
        Files.deleteIfExists(RunLock.of(file));
    }
}

package org.edgeofchaos.explorer.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.edgeofchaos.explorer.experiment.AtomicFiles;
import org.edgeofchaos.explorer.experiment.JsonFiles;
import org.edgeofchaos.explorer.experiment.RunFileException;
import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.experiment.RunLock;
import org.edgeofchaos.explorer.experiment.RunRecord;

/**
 * The files of a sweep: {@code DIR/sweep.json} (the spec) and {@code DIR/cells/cell-CCCC-rep-R.json}, one
 * ordinary run file per cell and replicate (what {@code train --out} writes), with the run's checkpoint
 * ({@code .checkpoint}) beside it and, while a process trains it, its lock ({@code .lock}). Files that cannot be used are never
 * deleted: they are renamed to {@code NAME.corrupt-TIME} beside themselves.
 */
public final class SweepFolder {
    public static final String SPEC_FILE = "sweep.json";
    public static final String CELLS = "cells";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path root;

    public SweepFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path specFile() {
        return root.resolve(SPEC_FILE);
    }

    public Path cellsDirectory() {
        return root.resolve(CELLS);
    }

    public boolean hasSpec() {
        return Files.isRegularFile(specFile());
    }

    /** The run file of run {@code run}: {@code cells/cell-0007-rep-0.json}. */
    public Path runFile(SweepSpec spec, int run) {
        return cellsDirectory().resolve(runName(spec, run) + ".json");
    }

    /** The file name without extension, also the id inside the run file. */
    public static String runName(SweepSpec spec, int run) {
        int digits = Math.max(4, Integer.toString(spec.cellCount() - 1).length());
        return String.format(Locale.ROOT, "cell-%0" + digits + "d-rep-%d", spec.cellOf(run), spec.replicateOf(run));
    }

    /** Whether a live process holds the run's lock ({@code cell-0007-rep-0.lock}, see {@link RunLock}). */
    public boolean isLocked(SweepSpec spec, int run) {
        return RunLock.isHeld(runFile(spec, run));
    }

    public SweepSpec readSpec() throws SweepException {
        Path file = specFile();
        SweepSpec spec;
        try {
            spec = JsonFiles.read(file, SweepSpec.class, "sweep");
        } catch (JsonFiles.Problem e) {
            throw new SweepException(file + ": " + e.getMessage(), e);
        }
        if (!SweepSpec.FORMAT.equals(spec.format())) {
            throw new SweepException(file + ": not a sweep file (format is not \"" + SweepSpec.FORMAT + "\")");
        }
        if (spec.schemaVersion() > SweepSpec.SCHEMA_VERSION) {
            throw new SweepException(file + ": written by a newer version (schema " + spec.schemaVersion()
                    + ", this version reads up to " + SweepSpec.SCHEMA_VERSION + ")");
        }
        if (spec.seeds() < 1 || spec.x().size() < 1 || (spec.y() != null && spec.y().size() < 1)) {
            throw new SweepException(file + ": no runs (empty axis or seeds < 1)");
        }
        return spec;
    }

    /**
     * Writes the spec atomically. Its content depends only on the spec, so shard processes sharing one folder
     * may all write it at once without harm.
     */
    public void writeSpec(SweepSpec spec) throws AtomicFiles.WriteException {
        AtomicFiles.write(specFile(), out -> RunFiles.MAPPER.writeValue(out, spec));
    }

    /** What is on disk for one run. */
    public record Inspection(CellState state, RunRecord record, String problem) {
    }

    /**
     * Reads a run's file: MISSING without one; FAILED if it cannot be read or holds other hyperparameters than the
     * run's (problem says why); COMPLETE, DIVERGED or INTERRUPTED otherwise. Locks are not looked at here.
     */
    public Inspection inspect(SweepSpec spec, int run) {
        Path file = runFile(spec, run);
        if (!Files.exists(file)) {
            return new Inspection(CellState.MISSING, null, null);
        }
        RunRecord record;
        try {
            record = RunFiles.read(file);
        } catch (RunFileException e) {
            return new Inspection(CellState.FAILED, null, e.getMessage());
        }
        if (!spec.hyperparameters(run).equals(record.hyperparameters())) {
            return new Inspection(CellState.FAILED, record, file + ": holds a run with other hyperparameters than "
                    + "this sweep's (" + spec.describeRun(run) + ")");
        }
        if (record.dataset() == null || record.dataset().trainSize() != spec.data().trainSize()
                || record.dataset().resolution() != spec.data().resolution()) {
            return new Inspection(CellState.FAILED, record, file + ": trained on other data than this sweep's");
        }
        return new Inspection(stateOf(record, spec.fixed().epochs()), record, null);
    }

    static CellState stateOf(RunRecord record, int epochs) {
        return switch (record.state()) {
            case DIVERGED -> CellState.DIVERGED;
            case FINISHED -> record.epochs().size() >= epochs ? CellState.COMPLETE : CellState.INTERRUPTED;
            default -> CellState.INTERRUPTED;
        };
    }

    /**
     * Renames an unusable file to {@code NAME.corrupt-TIME} beside it (never deletes it); returns the new path.
     */
    public static Path moveAside(Path file) throws IOException {
        String stamp = STAMP.format(Instant.now());
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp);
        for (int k = 2; Files.exists(aside); k++) {
            aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp + "-" + k);
        }
        return Files.move(file, aside);
    }

    /**
     * Why this folder cannot take {@code sweep} as it is, or null when it can: it does not exist, is empty, or holds
     * the same sweep (which is then resumed). What {@code sweep run --out} and the window's "New sweep" both check
     * before they write anything.
     *
     * @throws SweepException when the path is a file
     */
    public String conflictWith(SweepSpec sweep) throws SweepException, IOException {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new SweepException(root + " is a file, not a folder");
        }
        if (!Files.isDirectory(root)) {
            return null;
        }
        if (hasSpec()) {
            try {
                SweepSpec existing = readSpec();
                return existing.sameExperiment(sweep) ? null : "holds a sweep with other parameters (differs in "
                        + existing.differences(sweep) + ")";
            } catch (SweepException e) {
                return "has an unreadable " + SPEC_FILE + " (" + e.getMessage() + ")";
            }
        }
        try (var entries = Files.list(root)) {
            return entries.findAny().isPresent() ? "is not empty and holds no sweep" : null;
        }
    }

    /**
     * Moves everything in the folder (earlier {@code replaced-*} folders excepted) into a new
     * {@code replaced-TIME} folder inside it, so that a new sweep starts afresh and nothing is deleted; returns
     * that folder.
     */
    public Path moveContentAside() throws IOException {
        Path aside = root.resolve("replaced-" + stamp());
        Files.createDirectories(aside);
        try (var entries = Files.list(root)) {
            for (Path p : entries.toList()) {
                if (!p.equals(aside) && !p.getFileName().toString().startsWith("replaced-")) {
                    Files.move(p, aside.resolve(p.getFileName()));
                }
            }
        }
        return aside;
    }

    /** A timestamp for folder names such as {@code replaced-TIME}. */
    public static String stamp() {
        return STAMP.format(Instant.now());
    }
}

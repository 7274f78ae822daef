package org.edgeofchaos.explorer.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.edgeofchaos.explorer.experiment.AtomicFiles;
import org.edgeofchaos.explorer.experiment.CheckpointFiles;
import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.training.EpochMetrics;

/**
 * Combines sweep folders (shards run on several machines, or into several folders) into one. All must hold the
 * same sweep; a run done in several of them must have the same numbers in each (timings aside), or the merge
 * stops and names the run; runs done nowhere are listed. Run files and their checkpoints are copied byte for
 * byte, atomically; nothing in the inputs changes.
 */
public final class SweepMerger {
    /** Relative (and absolute, near 0) tolerance for duplicates: runs on other CPUs may differ in the last bits. */
    public static final double DEFAULT_TOLERANCE = 1e-6;

    private SweepMerger() {
    }

    /**
     * @param copied  runs copied into the output
     * @param present runs that were done in the output already
     * @param duplicates runs found done in more than one folder (all equal)
     * @param missing run indices done in no folder
     */
    public record Result(SweepSpec spec, int copied, int present, int duplicates, List<Integer> missing) {
    }

    /**
     * Merges {@code inputs} into {@code out} (created if needed; it may be one of the inputs, or hold the same
     * sweep already).
     *
     * @throws SweepException if a folder is not a sweep, the sweeps differ, or duplicates disagree
     */
    public static Result merge(List<Path> inputs, Path out, double tolerance) throws SweepException, IOException {
        if (inputs.isEmpty()) {
            throw new SweepException("sweep merge: give at least one sweep folder");
        }
        List<SweepFolder> folders = new ArrayList<>();
        SweepSpec spec = null;
        Path first = null;
        for (Path in : inputs) {
            SweepFolder f = new SweepFolder(in);
            if (!f.hasSpec()) {
                throw new SweepException(f.root() + ": not a sweep folder (no " + SweepFolder.SPEC_FILE + ")");
            }
            SweepSpec s = f.readSpec();
            if (spec == null) {
                spec = s;
                first = f.root();
            } else if (!spec.sameExperiment(s)) {
                throw new SweepException(f.root() + ": holds another sweep than " + first + " (differs in "
                        + spec.differences(s) + ")");
            }
            folders.add(f);
        }
        SweepFolder target = new SweepFolder(out);
        if (Files.exists(target.root()) && !Files.isDirectory(target.root())) {
            throw new SweepException("--out: " + target.root() + " is a file, not a folder");
        }
        if (target.hasSpec()) {
            SweepSpec existing = target.readSpec();
            if (!spec.sameExperiment(existing)) {
                throw new SweepException("--out: " + target.root() + " holds another sweep (differs in "
                        + spec.differences(existing) + ")");
            }
        } else if (Files.isDirectory(target.root())) {
            try (var entries = Files.list(target.root())) {
                if (entries.findAny().isPresent()) {
                    throw new SweepException("--out: " + target.root() + " is not empty and holds no sweep; choose "
                            + "a new or empty folder");
                }
            }
        }

        // First pass: choose a source per run and check every duplicate, before anything is written.
        Path[] source = new Path[spec.runCount()];
        RunRecord[] chosen = new RunRecord[spec.runCount()];
        boolean[] inTarget = new boolean[spec.runCount()];
        int duplicates = 0;
        List<Integer> missing = new ArrayList<>();
        for (int run = 0; run < spec.runCount(); run++) {
            boolean duplicate = false;
            List<SweepFolder> candidates = new ArrayList<>();
            candidates.add(target);
            candidates.addAll(folders);
            for (SweepFolder f : candidates) {
                if (f == target && !target.hasSpec()) {
                    continue;
                }
                SweepFolder.Inspection in = f.inspect(spec, run);
                if (!in.state().isDone()) {
                    continue;
                }
                Path file = f.runFile(spec, run);
                if (chosen[run] == null) {
                    chosen[run] = in.record();
                    source[run] = file;
                    inTarget[run] = f == target;
                } else if (!file.equals(source[run])) {
                    String difference = difference(chosen[run], in.record(), tolerance);
                    if (difference != null) {
                        throw new SweepException("run " + SweepFolder.runName(spec, run) + " (" + spec.describeRun(run)
                                + ") differs between " + source[run] + " and " + file + ": " + difference);
                    }
                    duplicate = true;
                }
            }
            duplicates += duplicate ? 1 : 0;
            if (chosen[run] == null) {
                missing.add(run);
            }
        }

        target.writeSpec(spec);
        int copied = 0;
        int present = 0;
        for (int run = 0; run < spec.runCount(); run++) {
            if (chosen[run] == null) {
                continue;
            }
            if (inTarget[run]) {
                present++;
                continue;
            }
            Path dest = target.runFile(spec, run);
            if (Files.exists(dest)) {
                // an unfinished or unusable file in the output: keep it aside rather than overwrite it
                SweepFolder.moveAside(dest);
            }
            AtomicFiles.write(dest, Files.readAllBytes(source[run]));
            // the checkpoint too, so that a merged run can still be extended (train --resume --epochs ...)
            Path checkpoint = CheckpointFiles.of(source[run]);
            if (Files.isRegularFile(checkpoint)) {
                AtomicFiles.write(CheckpointFiles.of(dest), Files.readAllBytes(checkpoint));
            }
            copied++;
        }
        return new Result(spec, copied, present, duplicates, List.copyOf(missing));
    }

    /**
     * The first difference between two results of the same run beyond {@code tolerance}, or null. Timings
     * (seconds, samples per second), ids and dates are not compared.
     */
    public static String difference(RunRecord a, RunRecord b, double tolerance) {
        if (a.state() != b.state()) {
            return "state " + a.state().label() + " vs " + b.state().label();
        }
        if (!a.hyperparameters().equals(b.hyperparameters())) {
            return "hyperparameters";
        }
        if (a.epochs().size() != b.epochs().size()) {
            return a.epochs().size() + " vs " + b.epochs().size() + " epochs";
        }
        if (a.divergedEpoch() != b.divergedEpoch() || a.divergedBatch() != b.divergedBatch()) {
            return "diverged at epoch " + a.divergedEpoch() + " vs " + b.divergedEpoch();
        }
        for (int i = 0; i < a.epochs().size(); i++) {
            EpochMetrics x = a.epochs().get(i);
            EpochMetrics y = b.epochs().get(i);
            String[] names = {"trainLoss", "trainAccuracy", "testLoss", "testAccuracy", "j", "j0", "lambdaMax",
                "distance", "saturation"};
            double[] xs = {x.trainLoss(), x.trainAccuracy(), x.testLoss(), x.testAccuracy(), x.j(), x.j0(),
                x.lambdaMax(), x.distance(), x.saturation()};
            double[] ys = {y.trainLoss(), y.trainAccuracy(), y.testLoss(), y.testAccuracy(), y.j(), y.j0(),
                y.lambdaMax(), y.distance(), y.saturation()};
            for (int k = 0; k < names.length; k++) {
                if (!close(xs[k], ys[k], tolerance)) {
                    return String.format(Locale.ROOT, "epoch %d %s %s vs %s", x.epoch(), names[k], xs[k], ys[k]);
                }
            }
        }
        return null;
    }

    static boolean close(double a, double b, double tolerance) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        if (a == b) {
            return true;
        }
        return Math.abs(a - b) <= tolerance * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }
}

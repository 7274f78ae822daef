package org.edgeofchaos.explorer.phase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * Phase maps computed in shards, the contract of sweeps: shard {@code I/N} computes the cells whose index has
 * {@code index % N == I} (round-robin, so every shard gets cells from the whole plane, cheap ordered ones and
 * costly chaotic ones alike). Every cell has its own seed ({@link PhaseMapSpec#cellSeed}), so a cell's values do
 * not depend on the shard that computed it, and shard files merge into the map a single process computes.
 */
public final class PhaseMapShards {
    private PhaseMapShards() {
    }

    /** The cells of shard {@code index} of {@code count}. */
    public static IntPredicate cells(int index, int count) {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": need 0 <= I < N");
        }
        return cell -> cell % count == index;
    }

    /** How a merge went: the merged map, cells found in several files (all equal), cells computed nowhere. */
    public record Result(PhaseMap map, int duplicates, List<Integer> missing) {
    }

    /**
     * Merges phase-map files of the same parameters; a cell computed in several must have the same values in each
     * (to {@code tolerance}, relative), or the merge fails naming the cell and files.
     */
    public static Result merge(List<Path> files, double tolerance) throws PhaseMapFileException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no phase-map files to merge");
        }
        PhaseMap merged = null;
        Path[] source = null;
        int duplicates = 0;
        for (Path file : files) {
            PhaseMap map = PhaseMapFile.read(file);
            if (merged == null) {
                merged = new PhaseMap(map.spec());
                source = new Path[map.spec().cellCount()];
            } else if (!merged.spec().equals(map.spec())) {
                throw new PhaseMapFileException(file, "computed with other parameters (" + map.spec().describe()
                        + ") than " + files.get(0) + " (" + merged.spec().describe() + ")", null);
            }
            for (int cell = 0; cell < map.spec().cellCount(); cell++) {
                if (!map.isComputed(cell)) {
                    continue;
                }
                if (source[cell] == null) {
                    merged.set(cell, map.lambdaMax(cell), map.distance(cell));
                    source[cell] = file;
                } else {
                    if (!close(merged.lambdaMax(cell), map.lambdaMax(cell), tolerance)
                            || !close(merged.distance(cell), map.distance(cell), tolerance)) {
                        throw new PhaseMapFileException(file, String.format(Locale.ROOT, "cell %d (column %d, row %d)"
                                + " differs from %s: lambda_max %s vs %s, distance %s vs %s", cell,
                                map.spec().column(cell), map.spec().row(cell), source[cell],
                                merged.lambdaMax(cell), map.lambdaMax(cell), merged.distance(cell),
                                map.distance(cell)), null);
                    }
                    duplicates++;
                }
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int cell = 0; cell < merged.spec().cellCount(); cell++) {
            if (!merged.isComputed(cell)) {
                missing.add(cell);
            }
        }
        return new Result(merged, duplicates, List.copyOf(missing));
    }

    private static boolean close(double a, double b, double tolerance) {
        return a == b || Math.abs(a - b) <= tolerance * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }
}

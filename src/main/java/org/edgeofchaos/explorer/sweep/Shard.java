package org.edgeofchaos.explorer.sweep;

import org.edgeofchaos.explorer.training.InvalidSettingException;

/**
 * A fixed, disjoint share of a sweep's runs: shard {@code index} of {@code count} takes every run whose index
 * {@code r} has {@code r % count == index}. Round-robin rather than blocks, so that every shard gets a similar mix
 * of cheap and expensive cells (small batches are slower per sample). Indices are 0-based, as Slurm array task
 * ids ({@code --array=0-N}) and Kubernetes completion indices are.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": need 0 <= I < N");
        }
    }

    public boolean contains(int runIndex) {
        return runIndex % count == index;
    }

    public boolean isAll() {
        return count == 1;
    }

    /** Parses {@code I/N}; problems name {@code option}. */
    public static Shard parse(String option, String text) {
        String t = text == null ? "" : text.trim();
        String[] parts = t.split("/", -1);
        if (parts.length == 2) {
            try {
                int i = Integer.parseInt(parts[0].trim());
                int n = Integer.parseInt(parts[1].trim());
                if (n < 1 || n > 1_000_000) {
                    throw new InvalidSettingException(option, "the shard count N must be in 1..1000000, got '"
                            + text + "'");
                }
                if (i < 0 || i >= n) {
                    throw new InvalidSettingException(option, "the shard index I must be in 0.." + (n - 1)
                            + " (0-based), got '" + text + "'");
                }
                return new Shard(i, n);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new InvalidSettingException(option, "expected I/N such as 0/4 (shard I of N, 0-based), got '" + text
                + "'");
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}

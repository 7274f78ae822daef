package org.edgeofchaos.explorer.cli;

import java.util.Map;

import org.edgeofchaos.explorer.training.Hyperparameters.Field;
import org.edgeofchaos.explorer.training.InvalidSettingException;

/**
 * The command line's names for the core's settings: the core names a field ({@code learningRate}), the user typed
 * a flag ({@code --lr}). The only place where the two meet.
 */
final class SettingFlags {
    private static final Map<String, String> FLAGS = Map.of(
            Field.LEARNING_RATE.key(), "--lr",
            Field.MOMENTUM.key(), "--momentum",
            Field.BATCH_SIZE.key(), "--batch",
            Field.WEIGHT_DECAY.key(), "--weight-decay",
            Field.EPOCHS.key(), "--epochs",
            Field.SEED.key(), "--seed",
            Field.INIT_J.key(), "--init-j",
            Field.INIT_J0.key(), "--init-j0",
            "threads", "--threads");

    private SettingFlags() {
    }

    /** The flag of a core setting, e.g. {@code --lr} for {@code learningRate}; the name itself if it has none. */
    static String flagOf(String setting) {
        return FLAGS.getOrDefault(setting, setting);
    }

    /** The message as the command line shows it: the flag, then the reason. */
    static String describe(InvalidSettingException e) {
        return flagOf(e.setting()) + ": " + e.reason();
    }
}

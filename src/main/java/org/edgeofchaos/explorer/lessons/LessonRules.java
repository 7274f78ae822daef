package org.edgeofchaos.explorer.lessons;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.InvalidSettingException;

/**
 * What a lesson file may ask for beyond its shape: which setting values are allowed and which shipped folders
 * exist. The core's rules ({@link #core()}) are the training's own limits; the window adds its sliders' ranges
 * with {@link #withSettings(SettingCheck)}, so a lesson never asks a slider for a value it would clamp.
 *
 * @param settings       why a setting's value is refused, or null
 * @param shippedFolders whether a name is a folder shipped in {@code assets/}
 */
public record LessonRules(SettingCheck settings, Predicate<String> shippedFolders) {

    /** The shipped results lessons can load by name. */
    public static final List<String> SHIPPED_FOLDERS = List.of("sweep-classroom", "sweep-research-28",
            "runs-weight-decay", "runs-collapse");

    /** The settings a lesson can move besides the hyperparameters. */
    public static final String TRAIN_SIZE = "trainSize";
    public static final String RESOLUTION = "resolution";

    /** Why {@code value} is not allowed for the setting {@code key}, or null when it is. */
    @FunctionalInterface
    public interface SettingCheck {
        String problem(String key, double value);
    }

    /** The names a "set" action accepts, in panel order. */
    public static List<String> settingKeys() {
        List<String> keys = new java.util.ArrayList<>();
        for (Hyperparameters.Field f : Hyperparameters.Field.values()) {
            keys.add(f.key());
        }
        keys.add(TRAIN_SIZE);
        keys.add(RESOLUTION);
        return keys;
    }

    public static LessonRules core() {
        return new LessonRules(LessonRules::coreProblem, SHIPPED_FOLDERS::contains);
    }

    /** These rules, and then {@code more} for values the core allows. */
    public LessonRules withSettings(SettingCheck more) {
        SettingCheck first = settings;
        return new LessonRules((key, value) -> {
            String p = first.problem(key, value);
            return p != null ? p : more.problem(key, value);
        }, shippedFolders);
    }

    private static final Set<String> WHOLE = Set.of("batchSize", "epochs", "seed", TRAIN_SIZE, RESOLUTION);

    private static String coreProblem(String key, double v) {
        if (!settingKeys().contains(key)) {
            return "unknown setting '" + key + "' (known: " + String.join(", ", settingKeys()) + ")";
        }
        if (!Double.isFinite(v)) {
            return "must be a finite number";
        }
        if (WHOLE.contains(key) && v != Math.rint(v)) {
            return "must be a whole number, got " + v;
        }
        if (key.equals(RESOLUTION)) {
            return v == 14 || v == 28 ? null : "must be 14 or 28, got " + (long) v;
        }
        if (key.equals(TRAIN_SIZE)) {
            return v >= 100 && v <= 60000 ? null : "must be 100 to 60,000 training images, got " + (long) v;
        }
        Hyperparameters d = Hyperparameters.DEFAULTS;
        Hyperparameters hp = switch (key) {
            case "learningRate" -> d.withLearningRate(v);
            case "momentum" -> d.withMomentum(v);
            case "batchSize" -> d.withBatchSize((int) v);
            case "weightDecay" -> d.withWeightDecay(v);
            case "epochs" -> d.withEpochs((int) v);
            case "seed" -> d.withSeed((long) v);
            case "initJ" -> d.withInit(v, d.initJ0());
            default -> d.withInit(d.initJ(), v);
        };
        try {
            hp.validate(60000);
            return null;
        } catch (InvalidSettingException e) {
            return e.reason();
        }
    }
}

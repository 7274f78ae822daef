package org.edgeofchaos.explorer.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The five lessons that ship with the explorer, as JSON resources beside this class (the same format teachers
 * write). They only load shipped results and train at 14x14 on 6,000 images, so every step shows its result in
 * well under a minute on a 2-core laptop.
 */
public final class BuiltinLessons {
    /** In teaching order. */
    public static final List<String> IDS = List.of("order-and-chaos", "training-to-the-edge", "one-number",
            "weight-decay", "route-to-chaos");

    private BuiltinLessons() {
    }

    /** The source name of a built-in lesson, {@code builtin:id}. */
    public static String source(String id) {
        return LessonFile.BUILTIN_PREFIX + id;
    }

    /** The built-in lesson with this id, checked with {@code rules}; empty if there is none. */
    public static Optional<Lesson> load(String id, LessonRules rules) throws LessonFileException {
        if (!IDS.contains(id)) {
            return Optional.empty();
        }
        try (InputStream in = BuiltinLessons.class.getResourceAsStream(id + ".json")) {
            if (in == null) {
                throw new LessonFileException(source(id), -1, -1, null, "missing from the application");
            }
            return Optional.of(LessonFile.parse(in.readAllBytes(), source(id), null, rules));
        } catch (IOException e) {
            throw new LessonFileException(source(id), -1, -1, null, "cannot be read (" + e.getMessage() + ")");
        }
    }

    /** All built-in lessons, in order. */
    public static List<Lesson> all(LessonRules rules) throws LessonFileException {
        List<Lesson> list = new ArrayList<>();
        for (String id : IDS) {
            list.add(load(id, rules).orElseThrow());
        }
        return list;
    }
}

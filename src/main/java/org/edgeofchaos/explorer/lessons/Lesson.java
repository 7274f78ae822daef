package org.edgeofchaos.explorer.lessons;

import java.util.List;

/**
 * A guided lesson: a few steps the student goes through in order.
 *
 * @param id      short stable name, e.g. {@code order-and-chaos} (built-in lessons are opened as {@code builtin:id})
 * @param summary one or two sentences for the lesson list
 * @param minutes the time a class needs for it, as the author estimates it
 */
public record Lesson(String id, String title, String summary, int minutes, List<LessonStep> steps) {
    public Lesson {
        steps = List.copyOf(steps);
    }
}

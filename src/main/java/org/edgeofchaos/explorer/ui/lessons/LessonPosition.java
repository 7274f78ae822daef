package org.edgeofchaos.explorer.ui.lessons;

/**
 * Where a student is in a lesson, to be saved in a session and reopened later.
 *
 * @param source {@code builtin:<id>} for a lesson that ships with the explorer, otherwise the lesson file's path
 * @param step   the step shown, from 0
 */
public record LessonPosition(String source, int step) {
}

/**
 * Guided lessons for the classroom: a lesson is a short list of steps in a predict, run, observe rhythm, read from
 * a JSON file that teachers can write ({@link org.edgeofchaos.explorer.lessons.LessonFile}; the format is in
 * {@code docs/lessons-format.md}). Five lessons ship as resources ({@link
 * org.edgeofchaos.explorer.lessons.BuiltinLessons}).
 *
 * <p>A step's actions name what to do in the window's terms (a setting by its core name, a tab, a shipped result,
 * a phase-diagram cell, the logistic map's r, a training run) but this package only reads and checks them; the
 * window carries them out. No UI dependencies (JavaFX, AWT, Swing).
 */
package org.edgeofchaos.explorer.lessons;

/**
 * Guided lessons in the window: the lesson panel ({@link org.edgeofchaos.explorer.ui.lessons.LessonPanel}) and its
 * view model, which walks a lesson's steps in a predict, run, observe rhythm and acts on the window only through
 * {@link org.edgeofchaos.explorer.ui.lessons.LessonHost}; and the welcome shown at the first start.
 */
package org.edgeofchaos.explorer.ui.lessons;

/**
 * Presentation mode for classrooms: full screen, larger text and thicker chart lines, a high-contrast projector
 * theme, and the controls the teacher chose hidden. Controls are hidden by stable id ({@link
 * org.edgeofchaos.explorer.ui.presentation.HideableControl}), so which ones are hidden is data that a session file
 * keeps.
 */
package org.edgeofchaos.explorer.ui.presentation;

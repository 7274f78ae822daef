/**
 * Session files: everything a teacher had on screen (settings, loaded runs and sweep, phase-map view, hidden
 * controls, theme, presentation mode and the parts other features add through {@link
 * org.edgeofchaos.explorer.session.SessionPart}) as one versioned JSON document, written atomically and read back
 * with messages that name the file, line and field. Paths under the session's folder are stored relative to it, so
 * a folder with a session and its runs can be copied to another computer. Knows nothing of JavaFX: the window
 * side is {@code ui.session}.
 */
package org.edgeofchaos.explorer.session;

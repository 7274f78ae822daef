package org.edgeofchaos.explorer.session;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A piece of the session owned by a feature other than the window's own (the lesson and its step, ...): the
 * feature registers it in the window's {@link SessionParts} and its JSON is kept under {@code parts.<key>}.
 * Session files from a version without the feature keep opening: an unknown part is reported and skipped.
 */
public interface SessionPart {

    /** The part's name in the file, e.g. {@code lesson}; letters, digits, '-' and '_'. */
    String key();

    /**
     * The part's state as JSON, or null when there is nothing to save. Store paths with {@code paths.store}, so
     * that they are relative to the session when they lie under its folder.
     */
    JsonNode save(SessionPaths paths);

    /**
     * Puts the saved state back (on the window's thread). What cannot be restored is added to {@code problems}
     * (a missing file: {@link SessionProblems#missing}); the rest of the session opens regardless.
     */
    void restore(JsonNode node, SessionPaths paths, SessionProblems problems);
}

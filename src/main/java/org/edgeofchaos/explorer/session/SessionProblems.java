package org.edgeofchaos.explorer.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What could not be restored from a session that was otherwise opened: a run file that is missing on this
 * computer, a sweep folder that is gone, a part of a feature this version does not have. The window shows them in
 * one notice; everything else opens.
 */
public final class SessionProblems {
    private final List<String> messages = new ArrayList<>();
    private final List<Path> missingFiles = new ArrayList<>();

    /** A file or folder the session names that does not exist here. */
    public void missing(Path file, String what) {
        missingFiles.add(file);
        messages.add(what + " " + file + " is missing");
    }

    /** Any other problem, in one line. */
    public void add(String message) {
        messages.add(message);
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    public List<Path> missingFiles() {
        return List.copyOf(missingFiles);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    /** The problems in one text, e.g. for a notification: "2 things could not be restored: ...". */
    public String summary() {
        if (messages.isEmpty()) {
            return "";
        }
        if (messages.size() == 1) {
            String m = messages.get(0);
            return Character.toUpperCase(m.charAt(0)) + m.substring(1) + "; the rest of the session is open.";
        }
        return messages.size() + " things could not be restored: " + String.join("; ", messages)
                + ". The rest of the session is open.";
    }
}

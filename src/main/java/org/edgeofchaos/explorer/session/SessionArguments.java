package org.edgeofchaos.explorer.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The command line that opens the window with a session: {@code edge-of-chaos-explorer my-class.session.json} (any
 * single argument ending in {@code .json}) or {@code --session FILE} / {@code --session=FILE}. Anything else is a
 * command for the command line.
 */
public final class SessionArguments {
    private SessionArguments() {
    }

    /** The session file the arguments name, or empty when they are something else. */
    public static Optional<Path> sessionFile(List<String> args) {
        if (args.size() == 1 && args.get(0).startsWith("--session=") && args.get(0).length() > "--session=".length()) {
            return Optional.of(Path.of(args.get(0).substring("--session=".length())));
        }
        if (args.size() == 2 && args.get(0).equals("--session")) {
            return Optional.of(Path.of(args.get(1)));
        }
        if (args.size() == 1 && !args.get(0).startsWith("-")
                && args.get(0).toLowerCase(Locale.ROOT).endsWith(".json")) {
            return Optional.of(Path.of(args.get(0)));
        }
        return Optional.empty();
    }

    /** Whether the arguments ask for the window with a session ("--session" alone is an error to report). */
    public static boolean asksForSession(List<String> args) {
        return sessionFile(args).isPresent() || !args.isEmpty() && (args.get(0).equals("--session")
                || args.get(0).startsWith("--session="));
    }
}

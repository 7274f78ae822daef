package org.edgeofchaos.explorer;

import java.io.PrintWriter;
import java.nio.charset.Charset;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.edgeofchaos.explorer.cli.ExplorerCommand;
import org.edgeofchaos.explorer.session.SessionArguments;
import org.edgeofchaos.explorer.session.SessionFileException;
import org.edgeofchaos.explorer.session.SessionFiles;
import org.edgeofchaos.explorer.experiment.AppDirectories;
import org.edgeofchaos.explorer.ui.ExplorerLauncher;

/**
 * Entry point of {@code java -jar edge-of-chaos-explorer.jar}: with a command, the command line; without one,
 * the explorer window; with a session file ({@code my-class.session.json} or {@code --session FILE}), the window
 * with that session open. Deliberately not a JavaFX {@code Application}, so that it runs from the class path.
 */
public final class Main {
    /**
     * Held so that the level sticks: JavaFX warns that it was loaded from the class path, which is how this
     * application is meant to run; the warning would only puzzle users of the command line.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private Main() {
    }

    public static void main(String[] args) {
        useUserCacheForNatives();
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        if (args.length == 0) {
            ExplorerLauncher.launch(args);
            return;
        }
        Charset charset = Charset.defaultCharset();
        if (SessionArguments.asksForSession(List.of(args))) {
            // Checked before the window opens: a bad session on the command line is one line and exit code 2.
            String problem = checkSession(List.of(args));
            if (problem != null) {
                PrintWriter err = new PrintWriter(System.err, true, charset);
                err.println("error: " + problem);
                System.exit(ExplorerCommand.BAD_INPUT);
            }
            ExplorerLauncher.launch(args);
            return;
        }
        int code = ExplorerCommand.execute(args, new PrintWriter(System.out, true, charset),
                new PrintWriter(System.err, true, charset));
        System.exit(code);
    }

    /** Why the session the arguments name cannot be opened, or null if it can. */
    static String checkSession(List<String> args) {
        Optional<Path> file = SessionArguments.sessionFile(args);
        if (file.isEmpty()) {
            return "--session needs a session file: --session my-class.session.json";
        }
        try {
            SessionFiles.read(file.get());
            return null;
        } catch (SessionFileException e) {
            return e.getMessage();
        }
    }

    /**
     * JavaCPP (ND4J, OpenBLAS) and JavaFX unpack native libraries on first use; keep them in the per-user cache
     * folder instead of the working directory or the home folder's root, unless the user chose a place.
     */
    static void useUserCacheForNatives() {
        var cache = AppDirectories.cacheDirectory();
        if (System.getProperty("org.bytedeco.javacpp.cachedir") == null) {
            System.setProperty("org.bytedeco.javacpp.cachedir", cache.resolve("javacpp").toString());
        }
        if (System.getProperty("javafx.cachedir") == null) {
            System.setProperty("javafx.cachedir", cache.resolve("javafx").toString());
        }
    }
}

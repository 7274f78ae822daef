package org.edgeofchaos.explorer;

import java.io.PrintWriter;
import java.nio.charset.Charset;

import org.edgeofchaos.explorer.cli.ExplorerCommand;
import org.edgeofchaos.explorer.experiment.AppDirectories;
import org.edgeofchaos.explorer.ui.ExplorerLauncher;

/**
 * Entry point of {@code java -jar edge-of-chaos-explorer.jar}: with a command, the command line; without one,
 * the explorer window. Deliberately not a JavaFX {@code Application}, so that it runs from the class path.
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
        int code = ExplorerCommand.execute(args, new PrintWriter(System.out, true, charset),
                new PrintWriter(System.err, true, charset));
        System.exit(code);
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

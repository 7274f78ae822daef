package org.edgeofchaos.explorer.ui.common;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import javafx.application.Platform;

/**
 * The last line of defence: an exception nobody caught (a bug) is written with its stack trace to a log file in
 * the user's data folder, and the user sees a one-line dialog that names the problem and the log file, instead of
 * a stack trace on a console they may not have. The window keeps running.
 */
public final class CrashReporter implements Thread.UncaughtExceptionHandler {
    private final Path logFile;
    private final DialogService dialogs;
    private volatile long lastDialogMillis;

    private CrashReporter(Path logFile, DialogService dialogs) {
        this.logFile = logFile;
        this.dialogs = dialogs;
    }

    /** Installs the handler for every thread, the FX thread included. */
    public static CrashReporter install(Path logFile, DialogService dialogs) {
        CrashReporter reporter = new CrashReporter(logFile, dialogs);
        Thread.setDefaultUncaughtExceptionHandler(reporter);
        if (Platform.isFxApplicationThread()) {
            Thread.currentThread().setUncaughtExceptionHandler(reporter);
        }
        return reporter;
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        boolean logged = log(thread, error);
        String message = error.getMessage() == null ? error.getClass().getSimpleName()
                : error.getMessage().lines().findFirst().orElse("");
        String text = "Something went wrong in the explorer (" + message + ")."
                + (logged ? "\nThe details are in " + logFile.toAbsolutePath() + "." : "")
                + "\nThe window keeps working; please report it with that file.";
        // One dialog per burst: a bug in a redraw would otherwise open a dialog per frame.
        long now = System.currentTimeMillis();
        if (now - lastDialogMillis < 10_000) {
            return;
        }
        lastDialogMillis = now;
        Runnable show = () -> dialogs.showError("Unexpected error", text);
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            Platform.runLater(show);
        }
    }

    private boolean log(Thread thread, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        String entry = Instant.now() + " uncaught in thread " + thread.getName() + "\n" + trace + "\n";
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.writeString(logFile, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }
}

package org.edgeofchaos.explorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.edgeofchaos.explorer.ui.common.CrashReporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** An uncaught exception (a bug) becomes a log entry with the stack trace and one short dialog, not a crash. */
class CrashReporterTest {
    @TempDir
    Path dir;

    private Thread.UncaughtExceptionHandler previous;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }

    @Test
    void anUncaughtExceptionIsLoggedWithItsTraceAndShownInOneLine() throws Exception {
        previous = Thread.getDefaultUncaughtExceptionHandler();
        RecordingDialogs dialogs = new RecordingDialogs();
        Path log = dir.resolve("explorer.log");
        CrashReporter.install(log, dialogs);
        Thread worker = new Thread(() -> {
            throw new IllegalStateException("chart index 7 out of range\nsecond line");
        }, "test-worker");
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitForFxEvents();
        WindowFixture.await(10, () -> !dialogs.errors.isEmpty());
        assertEquals(1, dialogs.errors.size());
        String shown = dialogs.errors.get(0);
        assertTrue(shown.contains("(chart index 7 out of range)"), shown);
        assertTrue(shown.contains(log.toAbsolutePath().toString()), shown);
        assertTrue(!shown.contains("\tat "), "no stack trace in the dialog: " + shown);
        String logged = Files.readString(log);
        assertTrue(logged.contains("uncaught in thread test-worker"), logged);
        assertTrue(logged.contains("at org.edgeofchaos.explorer.ui.CrashReporterTest"), logged);
    }
}

package org.edgeofchaos.explorer.training;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Lets the window's threads run first when a core is contended: a worker that trains or computes calls
 * {@link #applyToCurrentThread()} when it starts, and in a process that {@link #enable() enabled} it (the window), the
 * worker is scheduled at a lower priority. Nothing changes on the command line, where the workers are the point.
 *
 * <p>Why: on a 2-core laptop, one training thread keeps a core busy; the FX thread, the render thread, the JIT
 * compiler and the garbage collector share the other. Measured with {@code -Deoc.frameGaps}, most frame gaps over
 * 50 ms were the FX thread <em>waiting for a core</em> while its own work took 10-30 ms. At a lower priority the
 * training thread yields the moment the FX thread wakes, and loses almost nothing, since the FX thread needs only
 * 10-20 % of one core.
 *
 * <p>How: Java's own thread priorities are ignored on Linux unless the JVM is started with a flag that needs root,
 * so on Linux the thread's nice value is raised with {@code renice} on its kernel thread id, which needs no
 * privilege. Threads the worker starts later (the BLAS's own threads) inherit it. Elsewhere the Java priority is
 * set, which Windows and macOS honour.
 */
public final class BackgroundPriority {
    /** The nice value given to workers on Linux: CFS then weights them about 1:9 against the window's threads. */
    static final int NICE = 10;
    private static final System.Logger LOG = System.getLogger(BackgroundPriority.class.getName());
    private static volatile boolean enabled;
    private static volatile boolean warned;

    private BackgroundPriority() {
    }

    /** From now on, workers that call {@link #applyToCurrentThread()} run at a lower priority. */
    public static void enable() {
        enabled = true;
    }

    public static boolean enabled() {
        return enabled;
    }

    /**
     * Lowers the calling thread's scheduling priority if this process {@link #enable() asked for it}; does nothing
     * otherwise. Never fails: a machine where it cannot be done just schedules the worker as before.
     */
    public static void applyToCurrentThread() {
        if (enabled) {
            lowerCurrentThread();
        }
    }

    /** The work of {@link #applyToCurrentThread()}, whether or not this process enabled it (for tests). */
    static void lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        String tid = linuxThreadId();
        if (tid == null) {
            return;
        }
        renice(List.of("renice", "-n", Integer.toString(NICE), "-p", tid));
    }

    private static void renice(List<String> command) {
        try {
            Process renice = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(5, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                warnOnce("renice did not finish in 5 s");
            } else if (renice.exitValue() != 0) {
                warnOnce("renice exited with status " + renice.exitValue());
            }
        } catch (IOException e) {
            warnOnce("cannot run renice: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Lowers the JIT's optimising compiler threads to a worker's priority, on a thread of its own (so the caller does
     * not wait for {@code renice}); on Linux only, and where the JVM names them as HotSpot does. The window calls it
     * as it starts and again when its start-up ends (HotSpot may add compiler threads as its queue grows).
     *
     * <p>Why: on a 2-core machine the C2 compiler used half a core or more through the window's first two seconds
     * (per-thread CPU from {@code /proc}; JFR: CSS matching, the renderer, number parsing), and the FX thread, which
     * needs about 0.45 s of CPU between the window appearing and the phase map being drawn, got about half a core.
     * At nice 10 the compiler yields to the FX and render threads; its code arrives a little later, and the quick
     * C1 code runs meanwhile. Measured in 8 alternating launches: the map drawn 0.65-0.85 s after the window instead
     * of 1.02-1.11 s. While training, the compiler then shares a core with the training thread instead of taking it
     * from the window.
     */
    public static void lowerOptimisingCompilerSoon() {
        Thread thread = new Thread(BackgroundPriority::lowerOptimisingCompiler, "eoc-priority");
        thread.setDaemon(true);
        thread.start();
    }

    /** HotSpot's optimising compiler threads, "C2 CompilerThread<n>", as Linux keeps them (15 characters). */
    static final String OPTIMISING_COMPILER = "C2 CompilerThre";

    /** The work of {@link #lowerOptimisingCompilerSoon()}: the kernel ids it lowered (none where there are none). */
    static List<String> lowerOptimisingCompiler() {
        List<String> tids = new ArrayList<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return tids;
        }
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) list::iterator) {
                try {
                    if (Files.readString(task.resolve("comm")).startsWith(OPTIMISING_COMPILER)) {
                        tids.add(task.getFileName().toString());
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return tids;
        }
        if (!tids.isEmpty()) {
            List<String> command = new ArrayList<>(List.of("renice", "-n",
                    Integer.toString(NICE), "-p"));
            command.addAll(tids);
            renice(command);
        }
        return tids;
    }

    /**
     * The calling thread's kernel id, from {@code /proc/thread-self} (a link to {@code <pid>/task/<tid>}); null where
     * there is no such link (not Linux).
     */
    static String linuxThreadId() {
        Path self = Path.of("/proc/thread-self");
        if (!Files.isSymbolicLink(self)) {
            return null;
        }
        try {
            String tid = Files.readSymbolicLink(self).getFileName().toString();
            return tid.chars().allMatch(Character::isDigit) ? tid : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The calling thread's nice value from {@code /proc/thread-self/stat}, or null where it cannot be read. */
    static Integer currentNice() {
        return nice(Path.of("/proc/thread-self/stat"));
    }

    /** The nice value of this process's thread with that kernel id, or null where it cannot be read. */
    static Integer niceOf(String tid) {
        return nice(Path.of("/proc/self/task", tid, "stat"));
    }

    private static Integer nice(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            // Field 19 (nice) counts from the end of the command name, which may contain spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return Integer.parseInt(fields[16]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void warnOnce(String why) {
        if (!warned) {
            warned = true;
            LOG.log(Level.INFO, "Background work runs at normal priority (" + why + "); the window may stutter "
                    + "while training on a busy machine.");
        }
    }
}

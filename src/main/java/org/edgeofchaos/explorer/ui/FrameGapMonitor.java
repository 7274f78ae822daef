package org.edgeofchaos.explorer.ui;

import java.lang.System.Logger.Level;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Measures what the user feels: how long after launch the window appears, and the gaps between JavaFX pulses while
 * it is open. Enabled with {@code -Deoc.frameGaps=true} (threshold 50 ms, or {@code -Deoc.frameGaps=30} for
 * another), it logs at INFO level (on stderr by default):
 * <ul>
 *   <li>{@code startup: window shown N ms after JVM start} and the time of the first frame after that (the
 *       start-up screen), then when the explorer itself is built and its first frame;</li>
 *   <li>every pulse gap above the threshold, with the time since launch, as {@code frame gap: N ms at T s};</li>
 *   <li>every 10 s and when the window closes, a summary: frames, the longest gap, the 99th percentile and the
 *       number of gaps over the threshold.</li>
 * </ul>
 *
 * <p>Why an {@link AnimationTimer}: while one runs, JavaFX schedules a pulse every 1/60 s, so the time between two
 * calls is exactly how long the FX thread was unable to draw: layout, CSS, chart redraws and any work that wrongly
 * runs on it all show up. Each gap also gives the FX thread's CPU time within it: a long gap with little CPU means
 * the thread was waiting for a core (a loaded machine), a long one with as much CPU means work to move off it.
 * Without the property nothing is installed, so the window pays nothing for it.
 */
public final class FrameGapMonitor {
    /** The system property that enables the monitor: {@code true} or a threshold in milliseconds. */
    public static final String PROPERTY = "eoc.frameGaps";
    private static final System.Logger LOG = System.getLogger("org.edgeofchaos.explorer.ui.frames");
    private static final long SUMMARY_NANOS = 10_000_000_000L;

    private final double thresholdMillis;
    private final long jvmStartMillis;
    private final double[] window = new double[1 << 12];
    private int windowCount;
    private long frames;
    private long overThreshold;
    private double longest;
    private long last;
    private long lastCpu;
    private GapBreakdown breakdown;
    private double longestBusy;
    private double windowLongestBusy;
    private long lastSummary;
    private boolean firstFrameLogged;
    private boolean readyFrameLogged = true;
    /** The installed monitor, if any; the start-up sequence reports to it. */
    private static FrameGapMonitor installed;

    private FrameGapMonitor(double thresholdMillis) {
        this.thresholdMillis = thresholdMillis;
        this.jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** Installs the monitor on the stage if {@value #PROPERTY} asks for it; call before {@code stage.show()}. */
    public static void installIfRequested(Stage stage) {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank() || "false".equalsIgnoreCase(value)) {
            return;
        }
        double threshold = 50;
        if (!"true".equalsIgnoreCase(value)) {
            try {
                threshold = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                LOG.log(Level.WARNING, PROPERTY + "=" + value + " is neither true nor a threshold in ms; using 50");
            }
        }
        FrameGapMonitor monitor = new FrameGapMonitor(threshold);
        LOG.log(Level.INFO, String.format(Locale.ROOT, "startup: JavaFX start() %d ms after JVM start",
                System.currentTimeMillis() - monitor.jvmStartMillis));
        monitor.attach(stage);
        installed = monitor;
        org.edgeofchaos.explorer.ui.common.StartupMilestones.listen(what -> LOG.log(Level.INFO,
                String.format(Locale.ROOT, "startup: %s %d ms after JVM start (CPU: FX thread %.0f ms)", what,
                        System.currentTimeMillis() - monitor.jvmStartMillis, fxCpuNanos() / 1e6)));
    }

    /**
     * The explorer's own window content is built (the start-up screen showed until now); logs the time and the
     * time of its first frame. Does nothing without the monitor. FX thread.
     */
    static void explorerReady(Stage stage) {
        FrameGapMonitor monitor = installed;
        if (monitor == null) {
            return;
        }
        LOG.log(Level.INFO, String.format(Locale.ROOT, "startup: explorer built %d ms after JVM start (CPU: FX "
                + "thread %.0f ms, whole process %.0f ms)", System.currentTimeMillis() - monitor.jvmStartMillis,
                fxCpuNanos() / 1e6, processCpuMillis()));
        monitor.readyFrameLogged = false;
    }

    private void attach(Stage stage) {
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse(now);
            }
        };
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            // CPU times as well as wall time: on a shared, loaded machine the wall time mostly measures the queue.
            LOG.log(Level.INFO, String.format(Locale.ROOT, "startup: window shown %d ms after JVM start (CPU: FX "
                    + "thread %.0f ms, whole process %.0f ms)", System.currentTimeMillis() - jvmStartMillis,
                    ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e6, processCpuMillis()));
            timer.start();
        });
        // CSS and layout are timed on whichever scene the stage shows (the start-up screen's, then the explorer's).
        Runnable beforeLayout = () -> {
            if (breakdown != null) {
                breakdown.layoutStarts();
            }
        };
        Runnable afterLayout = () -> {
            if (breakdown != null) {
                breakdown.layoutEnds();
            }
        };
        BiConsumer<Scene, Scene> follow = (old, scene) -> {
            if (old != null) {
                old.removePreLayoutPulseListener(beforeLayout);
                old.removePostLayoutPulseListener(afterLayout);
            }
            if (scene != null) {
                scene.addPreLayoutPulseListener(beforeLayout);
                scene.addPostLayoutPulseListener(afterLayout);
            }
        };
        follow.accept(null, stage.getScene());
        stage.sceneProperty().addListener((obs, old, scene) -> follow.accept(old, scene));
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            timer.stop();
            if (breakdown != null) {
                breakdown.stop();
            }
            summary("at close");
        });
    }

    private static long fxCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /**
     * What happened in a gap: how long CSS and layout took (wall time of the scene's layout pass, which runs after
     * the animation timers, so a pass counts in the gap that ends with the next frame), the FX thread waiting for a
     * core (Linux's schedstat; "unknown" elsewhere), the JVM stopped for garbage collection, the render thread
     * drawing, and time in which the whole process did not run ({@link ProcessStalls}). What none of these explains
     * was the FX thread waiting on something. Read on the FX thread per frame.
     */
    private static final class GapBreakdown {
        private final Thread renderer = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElse(null);
        private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        private final ProcessStalls stalls = ProcessStalls.start();
        private boolean schedstatReadable = true;
        private long queued = queuedNanos();
        private long gc = ProcessStalls.gcMillis(collectors);
        private long render = renderNanos();
        private long frameNanos = System.nanoTime();

        /** Wall time in CSS and layout passes (between the scene's pre- and post-layout pulse listeners). */
        private long layout;
        private long layoutStarted;
        private long layoutInGap;
        private long queuedInGap;
        private long gcInGap;
        private long renderInGap;
        private long stalledInGap;

        /** Takes this frame's readings; {@link #describe()} then tells what happened since the previous frame. */
        void frame() {
            long now = System.nanoTime();
            long q = queuedNanos();
            long g = ProcessStalls.gcMillis(collectors);
            long r = renderNanos();
            queuedInGap = q < 0 ? -1 : q - queued;
            gcInGap = g - gc;
            renderInGap = r - render;
            stalledInGap = stalls.stalledNanos(frameNanos, now);
            layoutInGap = layout;
            layout = 0;
            queued = q;
            gc = g;
            render = r;
            frameNanos = now;
        }

        String describe() {
            return String.format(Locale.ROOT, "; CSS and layout %.0f ms; waiting for a core %s; GC pauses %d ms; "
                    + "render thread busy %.0f ms; process stalled %.0f ms", layoutInGap / 1e6, queuedInGap < 0
                    ? "unknown" : String.format(Locale.ROOT, "%.0f ms", queuedInGap / 1e6), gcInGap,
                    renderInGap / 1e6, stalledInGap / 1e6);
        }

        void layoutStarts() {
            layoutStarted = System.nanoTime();
        }

        void layoutEnds() {
            if (layoutStarted != 0) {
                layout += System.nanoTime() - layoutStarted;
                layoutStarted = 0;
            }
        }

        void stop() {
            stalls.stop();
        }

        private long queuedNanos() {
            long queued = schedstatReadable ? ProcessStalls.queuedNanos() : -1;
            schedstatReadable = queued >= 0;
            return queued;
        }

        private long renderNanos() {
            return renderer == null ? 0 : Math.max(0, ManagementFactory.getThreadMXBean()
                    .getThreadCpuTime(renderer.getId()));
        }
    }

    private static double processCpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e6;
        }
        return Double.NaN;
    }

    private void pulse(long now) {
        if (!readyFrameLogged) {
            readyFrameLogged = true;
            LOG.log(Level.INFO, String.format(Locale.ROOT, "startup: explorer's first frame %d ms after JVM start",
                    System.currentTimeMillis() - jvmStartMillis));
            // The breakdown of gaps starts now: its bookkeeping (a /proc read per frame) must not slow start-up.
            breakdown = new GapBreakdown();
        }
        if (!firstFrameLogged) {
            firstFrameLogged = true;
            LOG.log(Level.INFO, String.format(Locale.ROOT, "startup: first frame %d ms after JVM start",
                    System.currentTimeMillis() - jvmStartMillis));
            last = now;
            lastSummary = now;
            lastCpu = fxCpuNanos();
            return;
        }
        double gap = (now - last) / 1e6;
        last = now;
        long cpu = fxCpuNanos();
        double busy = (cpu - lastCpu) / 1e6;
        lastCpu = cpu;
        if (breakdown != null) {
            breakdown.frame();
        }
        longestBusy = Math.max(longestBusy, busy);
        windowLongestBusy = Math.max(windowLongestBusy, busy);
        frames++;
        longest = Math.max(longest, gap);
        if (windowCount < window.length) {
            window[windowCount++] = gap;
        }
        if (gap > thresholdMillis) {
            overThreshold++;
            LOG.log(Level.INFO, String.format(Locale.ROOT, "frame gap: %.0f ms at %.1f s (FX thread busy %.0f ms of it%s)",
                    gap, (System.currentTimeMillis() - jvmStartMillis) / 1e3, busy,
                    breakdown == null ? "" : breakdown.describe()));
        }
        if (now - lastSummary >= SUMMARY_NANOS) {
            lastSummary = now;
            summary("last 10 s");
        }
    }

    private void summary(String label) {
        double p99 = 0;
        double max = 0;
        if (windowCount > 0) {
            double[] sorted = Arrays.copyOf(window, windowCount);
            Arrays.sort(sorted);
            p99 = sorted[Math.min(windowCount - 1, (int) Math.ceil(0.99 * windowCount) - 1)];
            max = sorted[windowCount - 1];
        }
        LOG.log(Level.INFO, String.format(Locale.ROOT, "frames %s: %d pulses, longest gap %.0f ms, 99th percentile "
                + "%.0f ms, longest FX-thread work between two frames %.0f ms; since start: %d pulses, %d gaps over "
                + "%.0f ms, longest %.0f ms, longest FX-thread work %.0f ms", label, windowCount, max, p99,
                windowLongestBusy, frames, overThreshold, thresholdMillis, longest, longestBusy));
        windowCount = 0;
        windowLongestBusy = 0;
    }
}

package org.edgeofchaos.explorer.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

import org.edgeofchaos.explorer.training.BatchProgress;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.HyperparameterChange;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunState;
import org.edgeofchaos.explorer.ui.common.Formats;

/**
 * Builds the four charts of one run, or of several overlaid (named A, B, C, ... in the legend): loss, accuracy,
 * the Lyapunov exponent λmax (its zero is the edge of chaos) and the order parameter J (its edge is J = 1), each on
 * its own axis so that both crossings can be read.
 */
public final class RunCharts {
    public static final String LOSS = "loss";
    public static final String ACCURACY = "accuracy";
    public static final String LAMBDA = "lambda";
    public static final String J = "j";
    public static final List<String> KEYS = List.of(LOSS, ACCURACY, LAMBDA, J);

    private RunCharts() {
    }

    public static List<ChartSpec> build(List<RunData> runs, XAxisMode mode) {
        return build(runs, mode, 0);
    }

    /**
     * @param smoothing 0 for the raw running means of the training loss and accuracy, up to 0.99 for an
     *                  exponential moving average with that weight on the past (the test values stay raw)
     */
    public static List<ChartSpec> build(List<RunData> runs, XAxisMode mode, double smoothing) {
        return List.of(loss(runs, mode, smoothing), accuracy(runs, mode, smoothing), lambda(runs, mode),
                j(runs, mode));
    }

    public static String title(String key) {
        return switch (key) {
            case LOSS -> "Loss";
            case ACCURACY -> "Accuracy";
            case LAMBDA -> "Lyapunov exponent λmax of the hidden map";
            default -> "Order parameter J of the hidden weights";
        };
    }

    static ChartSpec loss(List<RunData> runs, XAxisMode mode, double smoothing) {
        return trainAndTest(LOSS, "cross-entropy loss", BatchProgress::runningLoss, EpochMetrics::testLoss, runs,
                mode, smoothing);
    }

    static ChartSpec accuracy(List<RunData> runs, XAxisMode mode, double smoothing) {
        return trainAndTest(ACCURACY, "accuracy", BatchProgress::runningAccuracy, EpochMetrics::testAccuracy, runs,
                mode, smoothing);
    }

    /** The training running mean from the progress samples beside the per-epoch test value, for each run. */
    private static ChartSpec trainAndTest(String key, String yLabel, ToDoubleFunction<BatchProgress> train,
            ToDoubleFunction<EpochMetrics> test, List<RunData> runs, XAxisMode mode, double smoothing) {
        List<ChartSpec.SeriesSpec> series = new ArrayList<>();
        for (RunData run : runs) {
            String p = prefix(run, runs);
            DoubleUnaryOperator x = xMap(run, mode);
            String name = smoothing > 0 ? "train (smoothed " + Formats.number(smoothing) + ")" : "train (running mean)";
            series.add(smooth(progressSeries(p + name, run.progress(), train, x), smoothing));
            series.add(epochSeries(p + "test", run.epochs(), test, x));
        }
        return new ChartSpec(key, title(key), mode.axisLabel(), yLabel, series, List.of(), markers(runs, mode));
    }

    static ChartSpec lambda(List<RunData> runs, XAxisMode mode) {
        List<ChartSpec.SeriesSpec> series = new ArrayList<>();
        for (RunData run : runs) {
            series.add(epochSeries(prefix(run, runs) + "λmax", run.epochs(), EpochMetrics::lambdaMax,
                    xMap(run, mode)));
        }
        return new ChartSpec(LAMBDA, title(LAMBDA), mode.axisLabel(), "λmax (per step)", series,
                List.of(new ChartSpec.ReferenceLine(0, "λmax = 0: edge of chaos")), markers(runs, mode));
    }

    static ChartSpec j(List<RunData> runs, XAxisMode mode) {
        List<ChartSpec.SeriesSpec> series = new ArrayList<>();
        for (RunData run : runs) {
            ChartSpec.SeriesSpec j = epochSeries(prefix(run, runs) + "J", run.epochs(), EpochMetrics::j,
                    xMap(run, mode));
            series.add(withStart(j, run.initial() != null ? run.initial().initJ() : Double.NaN));
        }
        return new ChartSpec(J, title(J), mode.axisLabel(), "J = std(W)·√N", series,
                List.of(new ChartSpec.ReferenceLine(1, "J = 1: edge (|J0/J| < 1)")), markers(runs, mode));
    }

    /** Exponential moving average with weight {@code alpha} on the past; 0 leaves the series as it is. */
    static ChartSpec.SeriesSpec smooth(ChartSpec.SeriesSpec s, double alpha) {
        if (!(alpha > 0) || s.size() == 0) {
            return s;
        }
        double a = Math.min(alpha, 0.99);
        double[] ys = new double[s.size()];
        double value = s.y()[0];
        for (int i = 0; i < ys.length; i++) {
            value = a * value + (1 - a) * s.y()[i];
            ys[i] = value;
        }
        return new ChartSpec.SeriesSpec(s.name(), s.x(), ys, s.symbols());
    }

    private static String prefix(RunData run, List<RunData> runs) {
        return runs.size() > 1 ? run.label() + ": " : "";
    }

    private static DoubleUnaryOperator xMap(RunData run, XAxisMode mode) {
        if (mode == XAxisMode.EPOCHS || run.initial() == null) {
            return DoubleUnaryOperator.identity();
        }
        ScaledTime t = ScaledTime.of(run.initial(), run.changes(), run.trainSize());
        return t::at;
    }

    private static ChartSpec.SeriesSpec progressSeries(String name, List<BatchProgress> progress,
            ToDoubleFunction<BatchProgress> value, DoubleUnaryOperator x) {
        double[] xs = new double[progress.size()];
        double[] ys = new double[progress.size()];
        int n = 0;
        for (BatchProgress p : progress) {
            double v = value.applyAsDouble(p);
            if (Double.isFinite(v)) {
                xs[n] = x.applyAsDouble(p.epochPosition());
                ys[n++] = v;
            }
        }
        return new ChartSpec.SeriesSpec(name, java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n), false);
    }

    private static ChartSpec.SeriesSpec epochSeries(String name, List<EpochMetrics> epochs,
            ToDoubleFunction<EpochMetrics> value, DoubleUnaryOperator x) {
        double[] xs = new double[epochs.size()];
        double[] ys = new double[epochs.size()];
        int n = 0;
        for (EpochMetrics e : epochs) {
            double v = value.applyAsDouble(e);
            if (!e.diverged() && Double.isFinite(v)) {
                xs[n] = x.applyAsDouble(e.epoch());
                ys[n++] = v;
            }
        }
        return new ChartSpec.SeriesSpec(name, java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n), true);
    }

    /** Prepends the initial value at x = 0 (J is known before training starts). */
    private static ChartSpec.SeriesSpec withStart(ChartSpec.SeriesSpec s, double start) {
        if (!Double.isFinite(start)) {
            return s;
        }
        double[] xs = new double[s.size() + 1];
        double[] ys = new double[s.size() + 1];
        ys[0] = start;
        System.arraycopy(s.x(), 0, xs, 1, s.size());
        System.arraycopy(s.y(), 0, ys, 1, s.size());
        return new ChartSpec.SeriesSpec(s.name(), xs, ys, s.symbols());
    }

    private static List<ChartSpec.Marker> markers(List<RunData> runs, XAxisMode mode) {
        List<ChartSpec.Marker> markers = new ArrayList<>();
        for (RunData run : runs) {
            String p = runs.size() > 1 ? run.label() + ": " : "";
            DoubleUnaryOperator x = xMap(run, mode);
            Hyperparameters hp = run.initial();
            int batch = hp != null ? hp.batchSize() : 32;
            for (HyperparameterChange c : run.changes()) {
                int batches = (int) Math.ceil((double) Math.max(1, run.trainSize()) / batch);
                markers.add(new ChartSpec.Marker(x.applyAsDouble(c.epochPosition(batches)),
                        p + changeLabel(c)));
                if ("batchSize".equals(c.name())) {
                    batch = (int) Math.round(c.newValue());
                }
            }
            if (run.state() == RunState.DIVERGED && run.divergedEpoch() > 0) {
                markers.add(new ChartSpec.Marker(x.applyAsDouble(run.divergedEpoch()),
                        p + "diverged (epoch " + run.divergedEpoch() + ")"));
            }
        }
        return markers;
    }

    public static String changeLabel(HyperparameterChange c) {
        String name = switch (c.name()) {
            case "learningRate" -> "η";
            case "momentum" -> "α";
            case "batchSize" -> "B";
            case "weightDecay" -> "λ";
            default -> c.name();
        };
        return name + " " + Formats.number(c.oldValue()) + "→" + Formats.number(c.newValue());
    }

    /** The caption of exported images: the hyperparameters of each run. */
    public static String caption(List<RunData> runs) {
        StringBuilder b = new StringBuilder();
        for (RunData run : runs) {
            if (b.length() > 0) {
                b.append('\n');
            }
            if (runs.size() > 1) {
                b.append(run.label()).append(": ");
            }
            b.append(describe(run.initial(), run.trainSize()));
            if (!run.changes().isEmpty()) {
                b.append("; changed during the run: ");
                b.append(String.join(", ", run.changes().stream().map(c -> changeLabel(c) + " at epoch "
                        + c.epoch()).toList()));
            }
        }
        return b.toString();
    }

    public static String describe(Hyperparameters hp, int trainSize) {
        if (hp == null) {
            return "";
        }
        return "η = " + Formats.number(hp.learningRate()) + ", α = " + Formats.number(hp.momentum()) + ", B = "
                + hp.batchSize() + ", λ = " + Formats.number(hp.weightDecay()) + ", J(0) = "
                + Formats.number(hp.initJ()) + ", J0(0) = " + Formats.number(hp.initJ0()) + ", seed "
                + hp.seed() + ", S = " + String.format(java.util.Locale.ROOT, "%,d", trainSize) + " images";
    }
}

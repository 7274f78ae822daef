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

/** Builds the three charts (loss, accuracy, dynamics) of one run, or of several overlaid, from their data. */
public final class RunCharts {
    public static final String LOSS = "loss";
    public static final String ACCURACY = "accuracy";
    public static final String DYNAMICS = "dynamics";
    public static final List<String> KEYS = List.of(LOSS, ACCURACY, DYNAMICS);

    private RunCharts() {
    }

    public static List<ChartSpec> build(List<RunData> runs, XAxisMode mode) {
        return List.of(loss(runs, mode), accuracy(runs, mode), dynamics(runs, mode));
    }

    public static String title(String key) {
        return switch (key) {
            case LOSS -> "Loss";
            case ACCURACY -> "Accuracy";
            default -> "Dynamics of the hidden map";
        };
    }

    static ChartSpec loss(List<RunData> runs, XAxisMode mode) {
        return trainAndTest(LOSS, "cross-entropy loss", BatchProgress::runningLoss, EpochMetrics::testLoss, runs,
                mode);
    }

    static ChartSpec accuracy(List<RunData> runs, XAxisMode mode) {
        return trainAndTest(ACCURACY, "accuracy", BatchProgress::runningAccuracy, EpochMetrics::testAccuracy, runs,
                mode);
    }

    /** The training running mean from the progress samples beside the per-epoch test value, for each run. */
    private static ChartSpec trainAndTest(String key, String yLabel, ToDoubleFunction<BatchProgress> train,
            ToDoubleFunction<EpochMetrics> test, List<RunData> runs, XAxisMode mode) {
        List<ChartSpec.SeriesSpec> series = new ArrayList<>();
        for (RunData run : runs) {
            String p = prefix(run, runs);
            DoubleUnaryOperator x = xMap(run, mode);
            series.add(progressSeries(p + "train (running mean)", run.progress(), train, x));
            series.add(epochSeries(p + "test", run.epochs(), test, x));
        }
        return new ChartSpec(key, title(key), mode.axisLabel(), yLabel, series, List.of(), markers(runs, mode));
    }

    static ChartSpec dynamics(List<RunData> runs, XAxisMode mode) {
        List<ChartSpec.SeriesSpec> series = new ArrayList<>();
        for (RunData run : runs) {
            String p = prefix(run, runs);
            DoubleUnaryOperator x = xMap(run, mode);
            series.add(epochSeries(p + "λmax (Lyapunov exponent)", run.epochs(), EpochMetrics::lambdaMax, x));
            ChartSpec.SeriesSpec j = epochSeries(p + "J", run.epochs(), EpochMetrics::j, x);
            series.add(withStart(j, run.initial() != null ? run.initial().initJ() : Double.NaN));
        }
        return new ChartSpec(DYNAMICS, title(DYNAMICS), mode.axisLabel(), "λmax  /  J", series,
                List.of(new ChartSpec.ReferenceLine(0, "λmax = 0 (edge)"), new ChartSpec.ReferenceLine(1, "J = 1")),
                markers(runs, mode));
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

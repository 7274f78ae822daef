package org.edgeofchaos.explorer.ui.laws;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.edgeofchaos.explorer.laws.Collapse;
import org.edgeofchaos.explorer.laws.EpochWindow;
import org.edgeofchaos.explorer.laws.GrowthFit;
import org.edgeofchaos.explorer.laws.KEstimate;
import org.edgeofchaos.explorer.laws.KModel;
import org.edgeofchaos.explorer.laws.LawRun;
import org.edgeofchaos.explorer.laws.Optimum;
import org.edgeofchaos.explorer.laws.ScalingExponents;
import org.edgeofchaos.explorer.laws.ShippedScaling;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.ui.charts.ChartSpec;
import org.edgeofchaos.explorer.ui.common.BackgroundTask;
import org.edgeofchaos.explorer.ui.common.Formats;
import org.edgeofchaos.explorer.ui.common.TaskExecutor;

/**
 * The scaling collapse of saved runs (paper 1, Figs 4-5): J^2, test loss or test accuracy against epoch and against
 * scaled time epoch * eta / ((1 - alpha) B), each run's lowest test loss ringed with J there, each run's J^2 growth
 * fitted in a window (the user's, or by default the ordered phase after the first epoch) with k and its error, the
 * collapse quality on both axes and, when eta, alpha or B vary, the fitted exponents; for runs differing in the
 * weight decay only, lambda* = k / (4S) with k fitted to the runs in view. The fits run on the compute executor;
 * results arrive as properties.
 */
public final class CollapseViewModel {
    /** One row of the per-run table, formatted. */
    public record FitRow(String run, String settings, String window, String k, String optimum) {
    }

    /** What the two collapse charts plot against epoch and scaled time (paper 1: J² in Fig 4, test loss in Fig 5). */
    public enum Quantity {
        J_SQUARED("J²", "j2"), TEST_LOSS("test loss", "test-loss"), TEST_ACCURACY("test accuracy", "test-accuracy");

        private final String title;
        private final String key;

        Quantity(String title, String key) {
            this.title = title;
            this.key = key;
        }

        public String title() {
            return title;
        }

        double of(EpochMetrics e) {
            return switch (this) {
                case J_SQUARED -> e.j() * e.j();
                case TEST_LOSS -> e.testLoss();
                case TEST_ACCURACY -> e.testAccuracy();
            };
        }

        @Override
        public String toString() {
            return title;
        }
    }

    /**
     * lambda* = k / (4 S) for the runs of the weight-decay view, with k fitted to the runs in view when some reach
     * J = 1 without weight decay (else the shipped k).
     *
     * @param fittedRuns runs whose edge chords k is fitted to; 0: the shipped runs
     */
    public record CriticalWeightDecay(double lambdaStar, double lambdaStarError, double k, double kError,
            int fittedRuns, String window) {
    }

    private final TaskExecutor compute;
    private final javafx.beans.property.ObjectProperty<Quantity> quantity =
            new javafx.beans.property.SimpleObjectProperty<>(Quantity.J_SQUARED);
    private final ReadOnlyObjectWrapper<CriticalWeightDecay> criticalWeightDecay = new ReadOnlyObjectWrapper<>();
    private Analysis last;
    private String lastLabel = "";
    private final StringProperty windowFrom = new SimpleStringProperty("");
    private final StringProperty windowTo = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ChartSpec> byEpoch = new ReadOnlyObjectWrapper<>(empty("j2-epoch", false));
    private final ReadOnlyObjectWrapper<ChartSpec> byScaledTime = new ReadOnlyObjectWrapper<>(
            empty("j2-scaled", true));
    private final ReadOnlyObjectWrapper<ChartSpec> optimum = new ReadOnlyObjectWrapper<>(optimumChart(List.of()));
    private final ReadOnlyObjectWrapper<ChartSpec> weightDecay = new ReadOnlyObjectWrapper<>(
            weightDecayChart(List.of()));
    private final ReadOnlyStringWrapper weightDecayText = new ReadOnlyStringWrapper("");
    private final ObservableList<FitRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("No saved runs yet: train and save runs "
            + "with different η, α or B to see their curves collapse.");
    private final ReadOnlyStringWrapper quality = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper exponents = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private List<LawRun> runs = List.of();
    private String sourceLabel = "";
    private int generation;

    public CollapseViewModel(TaskExecutor compute) {
        this.compute = compute;
        windowFrom.addListener((o, a, b) -> refit());
        windowTo.addListener((o, a, b) -> refit());
        quantity.addListener((o, a, b) -> {
            if (last != null) {
                publish(last, lastLabel);
            }
        });
    }

    /** J², test loss or test accuracy in the two collapse charts (switching needs no refit). */
    public javafx.beans.property.ObjectProperty<Quantity> quantityProperty() {
        return quantity;
    }

    /** lambda* of the weight-decay view with its k, null while no runs differ in lambda only. */
    public ReadOnlyObjectProperty<CriticalWeightDecay> criticalWeightDecayProperty() {
        return criticalWeightDecay.getReadOnlyProperty();
    }

    /** First epoch of the fit window as typed; blank: the default window of each run. */
    public StringProperty windowFromProperty() {
        return windowFrom;
    }

    public StringProperty windowToProperty() {
        return windowTo;
    }

    public ReadOnlyObjectProperty<ChartSpec> byEpochProperty() {
        return byEpoch.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChartSpec> byScaledTimeProperty() {
        return byScaledTime.getReadOnlyProperty();
    }

    /** Across runs: best test accuracy against J at the lowest test loss (is the optimum at the edge?). */
    public ReadOnlyObjectProperty<ChartSpec> optimumProperty() {
        return optimum.getReadOnlyProperty();
    }

    /** J against epoch for the largest group of runs that differ in the weight decay only (paper 1, Fig 6). */
    public ReadOnlyObjectProperty<ChartSpec> weightDecayProperty() {
        return weightDecay.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty weightDecayTextProperty() {
        return weightDecayText.getReadOnlyProperty();
    }

    public ObservableList<FitRow> rows() {
        return rows;
    }

    /** Which runs are shown, e.g. "3 selected runs" or "all 7 saved runs". */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty qualityProperty() {
        return quality.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exponentsProperty() {
        return exponents.getReadOnlyProperty();
    }

    /** A refused window, naming the field and value; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Shows these runs (already read from disk by the run history) and fits them in the background. */
    public void show(List<LawRun> newRuns, String label) {
        runs = List.copyOf(newRuns);
        sourceLabel = label;
        refit();
    }

    private void refit() {
        Optional<EpochWindow> window;
        try {
            window = parseWindow();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        error.set("");
        List<LawRun> current = runs;
        String label = sourceLabel;
        int ticket = ++generation;
        compute.execute(BackgroundTask.wrap(() -> analyse(current, window))
                .onSuccess(a -> {
                    if (ticket == generation) {
                        publish(a, label);
                    }
                })
                .onFailure(t -> error.set("Collapse: " + t.getMessage())));
    }

    private Optional<EpochWindow> parseWindow() {
        String from = windowFrom.get().trim();
        String to = windowTo.get().trim();
        if (from.isEmpty() && to.isEmpty()) {
            return Optional.empty();
        }
        int first = parseEpoch("Fit window from", from);
        int last = parseEpoch("Fit window to", to);
        if (last <= first) {
            throw new IllegalArgumentException("Fit window to: must be after " + first + ", got " + last);
        }
        return Optional.of(new EpochWindow(first, last));
    }

    private static int parseEpoch(String field, String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException(field + ": give both ends of the window, or leave both blank");
        }
        try {
            int v = Integer.parseInt(text);
            if (v < 0) {
                throw new IllegalArgumentException(field + ": must be an epoch >= 0, got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": not a whole number: \"" + text + "\"");
        }
    }

    /** What the background work hands back. */
    record Analysis(java.util.Map<Quantity, ChartSpec> byEpoch, java.util.Map<Quantity, ChartSpec> byScaledTime,
            ChartSpec optimum, List<FitRow> rows, java.util.Map<Quantity, String> quality, String exponents,
            ChartSpec weightDecay, String weightDecayText, CriticalWeightDecay criticalWeightDecay) {
    }

    static Analysis analyse(List<LawRun> runs, Optional<EpochWindow> window) {
        java.util.Map<Quantity, List<ChartSpec.SeriesSpec>> epochSeries = new java.util.EnumMap<>(Quantity.class);
        java.util.Map<Quantity, List<ChartSpec.SeriesSpec>> scaledSeries = new java.util.EnumMap<>(Quantity.class);
        java.util.Map<Quantity, List<ChartSpec.Highlight>> epochHighlights = new java.util.EnumMap<>(Quantity.class);
        java.util.Map<Quantity, List<ChartSpec.Highlight>> scaledHighlights = new java.util.EnumMap<>(Quantity.class);
        for (Quantity q : Quantity.values()) {
            epochSeries.put(q, new ArrayList<>());
            scaledSeries.put(q, new ArrayList<>());
            epochHighlights.put(q, new ArrayList<>());
            scaledHighlights.put(q, new ArrayList<>());
        }
        List<FitRow> rows = new ArrayList<>();
        List<ChartSpec.SeriesSpec> optima = new ArrayList<>();
        List<LawRun> fitted = new ArrayList<>();
        List<GrowthFit> fits = new ArrayList<>();
        for (LawRun run : runs) {
            // every quantity against epoch and scaled time; J² also at epoch 0 (the initialisation, J = initial J)
            Optional<Optimum> best = Optimum.of(run);
            for (Quantity q : Quantity.values()) {
                List<double[]> points = new ArrayList<>();
                if (q == Quantity.J_SQUARED) {
                    double j0 = run.hyperparameters().initJ();
                    points.add(new double[] {0, j0 * j0});
                }
                for (EpochMetrics e : run.epochs()) {
                    if (e.epoch() > 0) {
                        points.add(new double[] {e.epoch(), q.of(e)});
                    }
                }
                double[] x = new double[points.size()];
                double[] xs = new double[points.size()];
                double[] y = new double[points.size()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = points.get(i)[0];
                    xs[i] = x[i] * run.scaledRate();
                    y[i] = points.get(i)[1];
                }
                int seriesIndex = epochSeries.get(q).size();
                epochSeries.get(q).add(new ChartSpec.SeriesSpec(run.name(), x, y, true));
                scaledSeries.get(q).add(new ChartSpec.SeriesSpec(run.name(), xs, y, true));
                // the epoch of the lowest test loss, ringed on every curve of the run, labelled with J there
                best.flatMap(o -> epochOf(run, o.lowestTestLossEpoch())).ifPresent(e -> {
                    String label = String.format(Locale.ROOT, "J %.2f", e.j());
                    epochHighlights.get(q).add(new ChartSpec.Highlight(seriesIndex, e.epoch(), q.of(e), label,
                            "lowest test loss"));
                    scaledHighlights.get(q).add(new ChartSpec.Highlight(seriesIndex, e.epoch() * run.scaledRate(),
                            q.of(e), label, "lowest test loss"));
                });
            }
            String settings = String.format(Locale.ROOT, "η %s, α %s, B %d, λ %s", Formats.number(
                    run.hyperparameters().learningRate()), Formats.number(run.hyperparameters().momentum()),
                    run.hyperparameters().batchSize(), Formats.number(run.hyperparameters().weightDecay()));
            String windowText;
            String kText;
            try {
                Optional<GrowthFit> fit = window.isPresent() ? Optional.of(GrowthFit.of(run, window.get()))
                        : GrowthFit.ordered(run);
                if (fit.isPresent()) {
                    GrowthFit f = fit.get();
                    windowText = f.window() + " (" + f.points() + " points)";
                    kText = Formats.number(f.k()) + " ± " + (Double.isNaN(f.kError()) ? "?"
                            : Formats.number(f.kError()));
                    if (f.slope() > 0) {
                        fitted.add(run);
                        fits.add(f);
                    }
                } else {
                    windowText = "fewer than 2 ordered epochs after the first";
                    kText = "–";
                }
            } catch (IllegalArgumentException e) {
                windowText = e.getMessage();
                kText = "–";
            }
            best.ifPresent(o -> optima.add(new ChartSpec.SeriesSpec(run.name(), new double[] {o.jAtLowestTestLoss()},
                    new double[] {o.bestTestAccuracy()}, true)));
            String optimum = best.map(o -> String.format(Locale.ROOT,
                    "min test loss %.3f at epoch %d, J %.2f; best accuracy %s", o.lowestTestLoss(),
                    o.lowestTestLossEpoch(), o.jAtLowestTestLoss(), Formats.percent(o.bestTestAccuracy())))
                    .orElse("–");
            rows.add(new FitRow(run.name(), settings, windowText, kText, optimum));
        }
        java.util.Map<Quantity, ChartSpec> a = new java.util.EnumMap<>(Quantity.class);
        java.util.Map<Quantity, ChartSpec> b = new java.util.EnumMap<>(Quantity.class);
        java.util.Map<Quantity, String> quality = new java.util.EnumMap<>(Quantity.class);
        for (Quantity q : Quantity.values()) {
            a.put(q, chart(q, false, epochSeries.get(q), epochHighlights.get(q)));
            b.put(q, chart(q, true, scaledSeries.get(q), scaledHighlights.get(q)));
            if (runs.size() >= 2) {
                Collapse.Result qe = Collapse.quality(runs, Collapse.Axis.EPOCH, q::of);
                Collapse.Result qs = Collapse.quality(runs, Collapse.Axis.SCALED_TIME, q::of);
                quality.put(q, String.format(Locale.ROOT, "Collapse quality of %s (1 = curves coincide, 0 = they "
                        + "differ as much as the curve varies): %s against epoch, %s against scaled time (%d runs). "
                        + "Rings: each run's lowest test loss, with J there.", q.title(), fixed(qe.quality()),
                        fixed(qs.quality()), runs.size()));
            } else {
                quality.put(q, "Collapse quality: select at least 2 runs.");
            }
        }
        String exponents;
        try {
            ScalingExponents.Result r = ScalingExponents.fit(fitted, fits);
            StringBuilder s = new StringBuilder("Exponents of the slope (the law says 1):");
            for (ScalingExponents.Exponent e : r.all()) {
                s.append("  ").append(e.quantity()).append(' ').append(e.varied()
                        ? String.format(Locale.ROOT, "%.2f ± %.2f", e.value(), e.error()) : "not varied");
            }
            s.append(String.format(Locale.ROOT, "  (%d runs, R² %.3f)", r.runs(), r.rSquared()));
            exponents = s.toString();
        } catch (IllegalArgumentException e) {
            exponents = "Exponents: " + e.getMessage();
        }
        List<LawRun> group = weightDecayGroup(runs);
        List<ChartSpec.SeriesSpec> wd = new ArrayList<>();
        for (LawRun run : group) {
            double[] x = new double[run.epochs().size()];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = run.epochs().get(i).epoch();
                y[i] = run.epochs().get(i).j();
            }
            String acc = Optimum.of(run).map(o -> ", best accuracy " + Formats.percent(o.bestTestAccuracy()))
                    .orElse("");
            wd.add(new ChartSpec.SeriesSpec("λ " + Formats.number(run.hyperparameters().weightDecay()) + acc, x, y,
                    true));
        }
        String wdText;
        CriticalWeightDecay critical = null;
        if (group.isEmpty()) {
            wdText = "No runs that differ in the weight decay λ only: train the same settings with λ = 0, λ* and a "
                    + "larger λ to see J saturate near 1 at λ* (paper 1, Fig 6).";
        } else {
            LawRun first = group.get(0);
            critical = criticalWeightDecay(runs, first);
            String kText = critical.fittedRuns() > 0
                    ? String.format(Locale.ROOT, "k = %s fitted to the edge chords of %d run%s in view without "
                            + "weight decay", withError(critical.k(), critical.kError()), critical.fittedRuns(),
                            critical.fittedRuns() == 1 ? "" : "s")
                    : String.format(Locale.ROOT, "the shipped k = %s (no run in view reaches J = 1 without weight "
                            + "decay at %d×%d, so none can be fitted)", withError(critical.k(), critical.kError()),
                            first.resolution(), first.resolution());
            wdText = String.format(Locale.ROOT, "%d runs at η %s, α %s, B %d, %,d images at %d×%d differing in λ "
                    + "only. λ* = k/(4S) = %s with %s, for an edge at epoch %.1f: J saturates near 1 there.",
                    group.size(), Formats.number(first.hyperparameters().learningRate()),
                    Formats.number(first.hyperparameters().momentum()), first.hyperparameters().batchSize(),
                    first.trainSize(), first.resolution(), first.resolution(),
                    withError(critical.lambdaStar(), critical.lambdaStarError()), kText, edgeFor(first));
        }
        return new Analysis(a, b, optimumChart(optima), rows, quality, exponents, weightDecayChart(wd), wdText,
                critical);
    }

    private static Optional<EpochMetrics> epochOf(LawRun run, int epoch) {
        return run.epochs().stream().filter(e -> e.epoch() == epoch).findFirst();
    }

    private static ChartSpec chart(Quantity q, boolean scaled, List<ChartSpec.SeriesSpec> series,
            List<ChartSpec.Highlight> highlights) {
        List<ChartSpec.ReferenceLine> references = q == Quantity.J_SQUARED
                ? List.of(new ChartSpec.ReferenceLine(1, "J = 1")) : List.of();
        return new ChartSpec(q.key + (scaled ? "-scaled" : "-epoch"), q.title() + (scaled ? " against scaled time"
                : " against epoch"), scaled ? "epoch · η/((1−α)B)" : "epoch", q.title(), series, references,
                List.of(), highlights);
    }

    /** The epoch whose k the weight decay balances: where the group's smallest-λ run reaches J = 1, else its end. */
    private static double edgeFor(LawRun run) {
        return Math.max(1, run.edgeEpoch().orElse(Math.max(1, run.lastEpoch())));
    }

    /**
     * lambda* = k / (4S) at the group's data, k from the edge chords of the runs in view at its resolution without
     * weight decay; the shipped k when none reaches J = 1.
     */
    static CriticalWeightDecay criticalWeightDecay(List<LawRun> runs, LawRun first) {
        List<LawRun> candidates = runs.stream().filter(r -> r.resolution() == first.resolution()
                && r.hyperparameters().weightDecay() == 0).toList();
        double edge = edgeFor(first);
        KEstimate k;
        int fitted;
        try {
            KModel model = KModel.fromRuns(candidates, "runs in view");
            k = model.at(edge, first.trainSize());
            fitted = model.chords().size();
        } catch (IllegalArgumentException noChord) {
            k = ShippedScaling.model(first.resolution()).at(edge, first.trainSize());
            fitted = 0;
        }
        return new CriticalWeightDecay(k.criticalWeightDecay(), k.criticalWeightDecayError(), k.k(), k.kError(),
                fitted, k.window());
    }

    private static String withError(double v, double error) {
        return Formats.number(v) + (Double.isFinite(error) ? " ± " + Formats.number(error) : " (too few runs for a spread)");
    }

    /** The largest set of runs (at least 2 distinct lambdas) with the same settings and data except lambda. */
    static List<LawRun> weightDecayGroup(List<LawRun> runs) {
        java.util.Map<String, List<LawRun>> groups = new java.util.LinkedHashMap<>();
        for (LawRun run : runs) {
            var hp = run.hyperparameters();
            String key = hp.learningRate() + "/" + hp.momentum() + "/" + hp.batchSize() + "/" + hp.initJ() + "/"
                    + hp.initJ0() + "/" + hp.seed() + "/" + run.trainSize() + "/" + run.resolution();
            groups.computeIfAbsent(key, x -> new ArrayList<>()).add(run);
        }
        List<LawRun> best = List.of();
        for (List<LawRun> g : groups.values()) {
            long lambdas = g.stream().mapToDouble(r -> r.hyperparameters().weightDecay()).distinct().count();
            if (lambdas >= 2 && g.size() > best.size()) {
                best = g.stream().sorted(java.util.Comparator.comparingDouble(
                        r -> r.hyperparameters().weightDecay())).toList();
            }
        }
        return best;
    }

    private static ChartSpec weightDecayChart(List<ChartSpec.SeriesSpec> series) {
        return new ChartSpec("weight-decay", "J against epoch for different weight decay λ", "epoch", "J", series,
                List.of(new ChartSpec.ReferenceLine(1, "J = 1")), List.of());
    }

    private static String fixed(double v) {
        return Double.isNaN(v) ? "– (no common range)" : String.format(Locale.ROOT, "%.3f", v);
    }

    private void publish(Analysis a, String label) {
        last = a;
        lastLabel = label;
        Quantity q = quantity.get() == null ? Quantity.J_SQUARED : quantity.get();
        byEpoch.set(a.byEpoch().get(q));
        byScaledTime.set(a.byScaledTime().get(q));
        optimum.set(a.optimum());
        weightDecay.set(a.weightDecay());
        weightDecayText.set(a.weightDecayText());
        criticalWeightDecay.set(a.criticalWeightDecay());
        rows.setAll(a.rows());
        quality.set(a.quality().get(q));
        exponents.set(a.exponents());
        source.set(label);
    }

    private static ChartSpec optimumChart(List<ChartSpec.SeriesSpec> points) {
        return new ChartSpec("optimum", "Accuracy at the optimum", "J at the lowest test loss",
                "best test accuracy", points, List.of(), List.of(new ChartSpec.Marker(1, "J = 1")));
    }

    private static ChartSpec empty(String key, boolean scaled) {
        return new ChartSpec(key, scaled ? "J² against scaled time" : "J² against epoch",
                scaled ? "epoch · η/((1−α)B)" : "epoch", "J²", List.of(), List.of(), List.of());
    }
}

package org.edgeofchaos.explorer.ui.phase;

import java.util.Locale;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;

import org.edgeofchaos.explorer.dynamics.LyapunovEstimator;
import org.edgeofchaos.explorer.dynamics.MeanFieldTheory;
import org.edgeofchaos.explorer.phase.PhaseMapSpec;
import org.edgeofchaos.explorer.ui.common.BackgroundTask;
import org.edgeofchaos.explorer.ui.common.Formats;
import org.edgeofchaos.explorer.ui.common.TaskExecutor;

/**
 * One cell of the map opened for inspection: its random network's numbers (the map's lambda_max and distance, the
 * mean-field prediction) and, computed in the background, the two trajectories behind the distance: their
 * separation against time and the return map m_t -> m_{t+1} of the mean activity, classified as a fixed point, a
 * cycle or irregular (chaotic) motion.
 */
public final class CellInspectorViewModel {
    private final PhaseMapSpec spec;
    private final PhaseMapSpec.Cell cell;
    private final double lambdaMax;
    private final double distance;
    private final double meanFieldLambda;
    private final Consumer<PhaseMapSpec.Cell> trainFromHere;
    private final SimpleStringProperty title = new SimpleStringProperty();
    private final SimpleStringProperty couplingsText = new SimpleStringProperty();
    private final SimpleStringProperty lambdaText = new SimpleStringProperty();
    private final SimpleStringProperty distanceText = new SimpleStringProperty();
    private final SimpleStringProperty meanFieldText = new SimpleStringProperty();
    private final SimpleStringProperty dynamicsText = new SimpleStringProperty("computing the trajectories…");
    private final SimpleBooleanProperty loading = new SimpleBooleanProperty(true);
    private final SimpleObjectProperty<double[]> separation = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<double[]> meanActivity = new SimpleObjectProperty<>();

    public CellInspectorViewModel(PhaseMapSpec spec, int index, double lambdaMax, double distance,
            TaskExecutor executor, Consumer<PhaseMapSpec.Cell> trainFromHere) {
        this.spec = spec;
        this.cell = spec.cell(index);
        this.lambdaMax = lambdaMax;
        this.distance = distance;
        this.trainFromHere = trainFromHere;
        this.meanFieldLambda = MeanFieldTheory.lambdaMax(cell.j0(), cell.j());
        boolean chaotic = MeanFieldTheory.isChaotic(cell.j0(), cell.j());
        title.set(String.format(Locale.ROOT, "Cell J0/J = %s, 1/J = %s", Formats.fixed(cell.ratio(), 3),
                Formats.fixed(cell.inverseJ(), 3)));
        couplingsText.set("J = " + Formats.fixed(cell.j(), 4) + ", J0 = " + Formats.fixed(cell.j0(), 4) + ", N = "
                + spec.n());
        lambdaText.set(Double.isNaN(lambdaMax) ? "not computed yet" : Formats.fixed(lambdaMax, 4));
        distanceText.set(Double.isNaN(distance) ? "not computed yet" : Formats.number(distance));
        meanFieldText.set("λmax = " + Formats.fixed(meanFieldLambda, 4) + " (" + (chaotic ? "chaotic" : "ordered")
                + ", edge at 1/J = " + edgeText(cell.ratio()) + ")");
        PhaseMapSpec s = spec;
        executor.execute(BackgroundTask.wrap(() -> new LyapunovEstimator(s.estimatorSettings(index))
                        .trajectory(s.network(index), s.steps()))
                .onSuccess(t -> {
                    separation.set(t.separation());
                    meanActivity.set(t.meanActivity());
                    dynamicsText.set(classify(t.meanActivity(), t.separation()));
                    loading.set(false);
                })
                .onFailure(e -> {
                    dynamicsText.set("cannot compute the trajectories: " + e.getMessage());
                    loading.set(false);
                }));
    }

    private static String edgeText(double ratio) {
        double edge = MeanFieldTheory.criticalInverseJ(ratio);
        return Double.isNaN(edge) ? "< 0.01" : Formats.fixed(edge, 3);
    }

    /**
     * What the mean activity does over the last quarter of the run: settles on a fixed point, repeats with a short
     * period, or wanders; and whether nearby trajectories converge or separate.
     */
    static String classify(double[] m, double[] separation) {
        int n = m.length;
        int from = Math.max(1, n - Math.max(8, n / 4));
        double scale = 0;
        for (int t = from; t < n; t++) {
            scale = Math.max(scale, Math.abs(m[t]));
        }
        double tolerance = Math.max(1e-6, 1e-4 * scale);
        String motion = null;
        for (int period = 1; period <= 8 && motion == null; period++) {
            boolean repeats = true;
            for (int t = Math.max(from, period); t < n && repeats; t++) {
                repeats = Math.abs(m[t] - m[t - period]) <= tolerance;
            }
            if (repeats) {
                motion = period == 1 ? "fixed point m* = " + Formats.fixed(m[n - 1], 4)
                        : "cycle of period " + period;
            }
        }
        double first = separation[0];
        double last = separation[n - 1];
        String trajectories = last < first * 1e-2 ? "nearby trajectories converge"
                : last > first * 10 ? "nearby trajectories separate" : "separation stays of the order of the start";
        if (motion == null) {
            motion = last > first * 10 ? "irregular (chaotic) mean activity" : "slow or quasi-periodic motion";
        }
        return motion + "; " + trajectories;
    }

    /** Starts a run whose hidden weights are initialised at this cell's (J0, J), with the panel's other settings. */
    public void trainFromHere() {
        trainFromHere.accept(cell);
    }

    public PhaseMapSpec spec() {
        return spec;
    }

    public PhaseMapSpec.Cell cell() {
        return cell;
    }

    public double lambdaMax() {
        return lambdaMax;
    }

    public double distance() {
        return distance;
    }

    public double meanFieldLambda() {
        return meanFieldLambda;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty couplingsTextProperty() {
        return couplingsText;
    }

    public ReadOnlyStringProperty lambdaTextProperty() {
        return lambdaText;
    }

    public ReadOnlyStringProperty distanceTextProperty() {
        return distanceText;
    }

    public ReadOnlyStringProperty meanFieldTextProperty() {
        return meanFieldText;
    }

    public ReadOnlyStringProperty dynamicsTextProperty() {
        return dynamicsText;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** ||x_t - x'_t|| for t = 0..steps, null until computed. */
    public ReadOnlyObjectProperty<double[]> separationProperty() {
        return separation;
    }

    /** Mean activity m_t of the unperturbed trajectory, t = 0..steps, null until computed. */
    public ReadOnlyObjectProperty<double[]> meanActivityProperty() {
        return meanActivity;
    }

    /** File name stem for exports. */
    public String fileStem() {
        return String.format(Locale.ROOT, "cell-x%.3f-y%.3f-n%d", cell.ratio(), cell.inverseJ(), spec.n());
    }
}

package org.edgeofchaos.explorer.ui.phase;

import java.util.Locale;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;

import org.edgeofchaos.explorer.dynamics.AttractorAnalyzer;
import org.edgeofchaos.explorer.dynamics.AttractorReport;
import org.edgeofchaos.explorer.dynamics.LyapunovEstimator;
import org.edgeofchaos.explorer.dynamics.TrajectoryDiagnostics;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.edgeofchaos.explorer.dynamics.MeanFieldTheory;
import org.edgeofchaos.explorer.phase.PhaseMapSpec;
import org.edgeofchaos.explorer.ui.common.BackgroundTask;
import org.edgeofchaos.explorer.ui.common.Formats;
import org.edgeofchaos.explorer.ui.common.TaskExecutor;

/**
 * One cell of the map opened for inspection: its random network's numbers (the map's lambda_max and distance, the
 * mean-field prediction) and, computed in the background, the two trajectories behind the distance: their
 * separation against time and the return map m_t -> m_{t+1} of the mean activity, and the attractor's kind (fixed
 * point, periodic, quasi-periodic, chaotic) with ||D*||_F / sqrt(N), by the same rules as a trained network's.
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
        executor.execute(BackgroundTask.wrap(() -> inspect(s, index))
                .onSuccess(r -> {
                    separation.set(r.trajectory().separation());
                    meanActivity.set(r.trajectory().meanActivity());
                    dynamicsText.set(describe(r.attractor(), r.trajectory().separation()));
                    loading.set(false);
                })
                .onFailure(e -> {
                    dynamicsText.set("cannot compute the trajectories: " + e.getMessage());
                    loading.set(false);
                }));
    }

    /** The trajectories behind the map's distance, and the attractor as the core classifies it for any network. */
    private record Inspection(TrajectoryDiagnostics trajectory, AttractorReport attractor) {
    }

    private static Inspection inspect(PhaseMapSpec spec, int index) {
        LyapunovEstimator.Settings settings = spec.estimatorSettings(index);
        try (INDArray w = spec.network(index)) {
            TrajectoryDiagnostics trajectory = new LyapunovEstimator(settings).trajectory(w, spec.steps());
            // The seed and steps of the map's own estimate; no eigenvalues needed here.
            AttractorReport report = new AttractorAnalyzer(new AttractorAnalyzer.Settings(settings.transientSteps(),
                    settings.steps(), settings.seed(), 400, false, 20_000)).analyze(w);
            return new Inspection(trajectory, report);
        }
    }

    /**
     * The attractor's kind by the core's rules (docs/science.md section 3), paper 2's order parameter
     * ||D*||_F / sqrt(N), and whether two nearby trajectories converge or separate.
     */
    static String describe(AttractorReport report, double[] separation) {
        double first = separation[0];
        double last = separation[separation.length - 1];
        String trajectories = last < first * 1e-2 ? "nearby trajectories converge"
                : last > first * 10 ? "nearby trajectories separate" : "separation stays of the order of the start";
        return report.attractor().describe() + " (λmax = " + Formats.fixed(report.lambdaMax(), 4) + " ± "
                + Formats.fixed(report.lambdaError(), 4) + ", ||D*||/√N = " + Formats.fixed(report.jacobianNorm(), 3)
                + "); " + trajectories;
    }

    private static String edgeText(double ratio) {
        double edge = MeanFieldTheory.criticalInverseJ(ratio);
        return Double.isNaN(edge) ? "< 0.01" : Formats.fixed(edge, 3);
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

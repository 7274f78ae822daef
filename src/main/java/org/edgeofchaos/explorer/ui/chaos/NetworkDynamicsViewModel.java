package org.edgeofchaos.explorer.ui.chaos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import org.edgeofchaos.explorer.experiment.RunFileException;
import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.experiment.RunStore;
import org.edgeofchaos.explorer.training.DynamicsPortrait;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.ui.common.BackgroundTask;
import org.edgeofchaos.explorer.ui.common.DialogService;
import org.edgeofchaos.explorer.ui.common.TaskExecutor;
import org.edgeofchaos.explorer.ui.charts.Painter;
import org.edgeofchaos.explorer.ui.export.ChartImages;

/**
 * The trained network's dynamics per epoch, for the live run or a saved one: the eigenvalues of W and D* against
 * the unit circle, the return map of the mean activity, lambda_max / Jacobian norm / leading eigenvalue over the
 * epochs, and a one-line summary. An epoch index (the slider) picks the epoch; while the live run is shown and the
 * last epoch is selected, each new epoch is followed.
 */
public final class NetworkDynamicsViewModel {

    /** A run to show: the live one (file null) or a saved one. */
    public record RunChoice(String label, Path file) {
        @Override
        public String toString() {
            return label;
        }

        public boolean live() {
            return file == null;
        }
    }

    public static final RunChoice LIVE = new RunChoice("Live run", null);

    private final ObservableList<EpochMetrics> live;
    private final RunStore store;
    private final TaskExecutor files;
    private final DialogService dialogs;
    private final ObservableList<RunChoice> choices = FXCollections.observableArrayList(LIVE);
    private final ObjectProperty<RunChoice> shown = new SimpleObjectProperty<>(LIVE);
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private final IntegerProperty epochIndex = new SimpleIntegerProperty(-1);
    private final ReadOnlyIntegerWrapper epochCount = new ReadOnlyIntegerWrapper(0);
    private final ObjectProperty<NetworkPictures.Spectrum> spectrum = new SimpleObjectProperty<>();
    private final ObjectProperty<NetworkPictures.ReturnMap> returnMap = new SimpleObjectProperty<>();
    private final ObjectProperty<NetworkPictures.Evolution> evolution = new SimpleObjectProperty<>();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    /**
     * @param live  the live run's epochs (appended on the FX thread as they arrive)
     * @param store the saved runs
     * @param files reads run files and writes exports (a worker)
     */
    public NetworkDynamicsViewModel(ObservableList<EpochMetrics> live, RunStore store, TaskExecutor files,
            DialogService dialogs) {
        this.live = Objects.requireNonNull(live, "live");
        this.store = Objects.requireNonNull(store, "store");
        this.files = Objects.requireNonNull(files, "files");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        live.addListener((ListChangeListener<EpochMetrics>) c -> {
            if (shown.get().live()) {
                boolean atEnd = epochIndex.get() >= epochs.size() - 1;
                setEpochs(live, atEnd);
            }
        });
        epochIndex.addListener((obs, o, n) -> update());
        setEpochs(live, true);
    }

    public ObservableList<RunChoice> choices() {
        return choices;
    }

    public ReadOnlyObjectProperty<RunChoice> shownProperty() {
        return shown;
    }

    /** The selected epoch's position in the run (0-based); the slider binds to it. */
    public IntegerProperty epochIndexProperty() {
        return epochIndex;
    }

    public ReadOnlyIntegerProperty epochCountProperty() {
        return epochCount.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<NetworkPictures.Spectrum> spectrumProperty() {
        return spectrum;
    }

    public ReadOnlyObjectProperty<NetworkPictures.ReturnMap> returnMapProperty() {
        return returnMap;
    }

    public ReadOnlyObjectProperty<NetworkPictures.Evolution> evolutionProperty() {
        return evolution;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Re-reads the list of saved runs in the background (the live run stays first). */
    public void refreshRuns() {
        files.execute(BackgroundTask.wrap(store::list).onSuccess(entries -> {
            List<RunChoice> list = new ArrayList<>();
            for (RunStore.Entry e : entries) {
                if (e.readable()) {
                    RunRecord r = e.run();
                    list.add(new RunChoice(String.format(Locale.ROOT, "%s (%d epochs, eta %s, B %d)", r.id(),
                            r.epochs().size(), r.hyperparameters().learningRate(), r.hyperparameters().batchSize()),
                            e.file()));
                }
            }
            // Keep the first item (and whatever is selected among the rest) in place: replacing the whole list
            // would clear a combo box's selection.
            choices.retainAll(list.isEmpty() ? List.of(LIVE) : concat(LIVE, list));
            for (RunChoice c : list) {
                if (!choices.contains(c)) {
                    choices.add(c);
                }
            }
        }).onFailure(e -> message.set("Could not list the saved runs: " + e.getMessage())));
    }

    private static List<RunChoice> concat(RunChoice first, List<RunChoice> rest) {
        List<RunChoice> all = new ArrayList<>(rest);
        all.add(0, first);
        return all;
    }

    /** Shows the live run, or reads a saved run in the background and shows it from its first epoch. */
    public void show(RunChoice choice) {
        if (choice == null || choice.live()) {
            shown.set(LIVE);
            setEpochs(live, true);
            return;
        }
        files.execute(BackgroundTask.wrap(() -> RunFiles.read(choice.file())).onSuccess(run -> {
            shown.set(choice);
            setEpochs(run.epochs(), false);
        }).onFailure(e -> dialogs.showError("Cannot open run", e instanceof RunFileException
                ? e.getMessage() : "Could not read " + choice.file() + ": " + e.getMessage())));
    }

    /** Shows a run already in memory (for tests and the history's "show" action). */
    public void show(RunRecord run) {
        shown.set(new RunChoice(run.id(), Path.of(run.id())));
        setEpochs(run.epochs(), false);
    }

    private void setEpochs(List<EpochMetrics> source, boolean toLast) {
        epochs.clear();
        for (EpochMetrics m : source) {
            if (!m.diverged()) {
                epochs.add(m);
            }
        }
        epochCount.set(epochs.size());
        int index = toLast ? epochs.size() - 1 : Math.min(Math.max(0, epochIndex.get()), epochs.size() - 1);
        if (epochIndex.get() == index) {
            update();
        } else {
            epochIndex.set(index);
        }
    }

    private void update() {
        int i = epochIndex.get();
        evolution.set(evolutionOf(epochs, i));
        if (i < 0 || i >= epochs.size()) {
            spectrum.set(new NetworkPictures.Spectrum("Eigenvalues (no epoch yet)", Double.NaN, new float[0],
                    new float[0], new float[0], new float[0]));
            returnMap.set(new NetworkPictures.ReturnMap("Return map (no epoch yet)", new float[0]));
            summary.set(shown.get().live() ? "Start a run: its dynamics appear here after every epoch."
                    : "This run has no finished epoch.");
            return;
        }
        EpochMetrics m = epochs.get(i);
        DynamicsPortrait p = m.portrait();
        float[] empty = new float[0];
        spectrum.set(new NetworkPictures.Spectrum(String.format(Locale.ROOT, "Eigenvalues, epoch %d (J = %.3f)",
                m.epoch(), m.j()), m.j(), p == null ? empty : p.weightRe(), p == null ? empty : p.weightIm(),
                p == null ? empty : p.jacobianRe(), p == null ? empty : p.jacobianIm()));
        returnMap.set(new NetworkPictures.ReturnMap(String.format(Locale.ROOT, "Return map, epoch %d",
                m.epoch()), p == null ? empty : p.meanActivity()));
        summary.set(summaryOf(m));
    }

    /** One line for the selected epoch. */
    static String summaryOf(EpochMetrics m) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "Epoch %d:  J = %.3f, J0 = %.3f,  lambda_max = %.5f", m.epoch(), m.j(), m.j0(), m.lambdaMax()));
        if (m.attractor() == null) {
            return s.append("  (attractor not measured in this run)").toString();
        }
        s.append(String.format(Locale.ROOT, " +- %.5f,  ||D*||/sqrt(N) = %.4f,  %s", m.lambdaError(),
                m.jacobianNorm(), m.period() == null ? m.attractor() : m.attractor() + " (period " + m.period() + ")"));
        DynamicsPortrait p = m.portrait();
        if (p != null && p.hasSpectra()) {
            float[] re = p.weightRe();
            float[] im = p.weightIm();
            s.append(String.format(Locale.ROOT, ";  |mu_1(W)| = %.4f at %.0f deg, %d of W and %d of D* outside the "
                    + "unit circle", Math.hypot(re[0], im[0]), Math.toDegrees(Math.atan2(im[0], re[0])),
                    outside(re, im), outside(p.jacobianRe(), p.jacobianIm())));
        }
        return s.toString();
    }

    static int outside(float[] re, float[] im) {
        int count = 0;
        for (int k = 0; k < re.length; k++) {
            if (Math.hypot(re[k], im[k]) > 1) {
                count++;
            }
        }
        return count;
    }

    static NetworkPictures.Evolution evolutionOf(List<EpochMetrics> epochs, int selected) {
        int n = epochs.size();
        int[] e = new int[n];
        double[] j = new double[n];
        double[] lambda = new double[n];
        double[] error = new double[n];
        double[] norm = new double[n];
        double[] leadW = new double[n];
        double[] leadD = new double[n];
        String[] kinds = new String[n];
        for (int k = 0; k < n; k++) {
            EpochMetrics m = epochs.get(k);
            e[k] = m.epoch();
            j[k] = m.j();
            lambda[k] = m.lambdaMax();
            error[k] = m.lambdaError();
            norm[k] = m.jacobianNorm();
            kinds[k] = m.attractor();
            DynamicsPortrait p = m.portrait();
            leadW[k] = p != null && p.hasSpectra() ? Math.hypot(p.weightRe()[0], p.weightIm()[0]) : Double.NaN;
            leadD[k] = p != null && p.jacobianRe().length > 0 ? Math.hypot(p.jacobianRe()[0], p.jacobianIm()[0])
                    : Double.NaN;
        }
        return new NetworkPictures.Evolution(e, j, lambda, error, norm, leadW, leadD, kinds, selected);
    }

    /** The charts of this view. */
    public enum Chart {
        SPECTRUM("spectrum"), RETURN_MAP("return-map"), EVOLUTION("dynamics-over-epochs");

        final String stem;

        Chart(String stem) {
            this.stem = stem;
        }
    }

    public Painter painter(Chart chart) {
        return switch (chart) {
            case SPECTRUM -> NetworkPainters.spectrum(spectrum.get());
            case RETURN_MAP -> NetworkPainters.returnMap(returnMap.get());
            case EVOLUTION -> NetworkPainters.evolution(evolution.get());
        };
    }

    public void export(Chart chart, boolean svg, int width, int height) {
        String ext = svg ? "svg" : "png";
        int i = epochIndex.get();
        String stem = chart.stem + (i >= 0 && i < epochs.size() && chart != Chart.EVOLUTION
                ? "-epoch-" + epochs.get(i).epoch() : "");
        dialogs.chooseSaveFile("Export chart as " + ext.toUpperCase(Locale.ROOT), stem + "." + ext,
                svg ? "SVG image" : "PNG image", ext).ifPresent(file -> exportTo(chart, svg, width, height, file));
    }

    public void exportTo(Chart chart, boolean svg, int width, int height, Path file) {
        ChartImages.writeInBackground(files, dialogs, message::set, painter(chart), svg, width, height, 2, file);
    }
}

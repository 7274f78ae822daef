package org.edgeofchaos.explorer.ui.sweep;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.edgeofchaos.explorer.data.DatasetOptions;
import org.edgeofchaos.explorer.sweep.Axis;
import org.edgeofchaos.explorer.sweep.SweepParameter;
import org.edgeofchaos.explorer.sweep.SweepRunner;
import org.edgeofchaos.explorer.sweep.SweepSpec;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.InvalidSettingException;
import org.edgeofchaos.explorer.ui.controls.RunRequest;

/**
 * The "New sweep" form: one or two axes (a hyperparameter and its values, typed as a list or as a range FROM..TO
 * with log or linear spacing and a count), epochs, seeds per cell, runs at a time and the folder; every other
 * setting comes from the controls panel. The axes are parsed by the same {@link Axis#parse} as {@code sweep run
 * --x/--y}, so the window and the command line accept and refuse the same text with the same reasons. The form is
 * checked on every change: {@link #problemProperty()} names the field and the problem, {@link #previewProperty()}
 * says what would run.
 */
public final class NewSweepViewModel {
    /** How the values of an axis are typed. */
    public enum Mode {
        LIST("list"), RANGE("range");

        private final String title;

        Mode(String title) {
            this.title = title;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    /** One axis of the form. */
    public static final class AxisForm {
        private final String name;
        private final SimpleObjectProperty<SweepParameter> parameter = new SimpleObjectProperty<>();
        private final SimpleObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.RANGE);
        private final SimpleStringProperty list = new SimpleStringProperty("");
        private final SimpleStringProperty from = new SimpleStringProperty("");
        private final SimpleStringProperty to = new SimpleStringProperty("");
        private final SimpleBooleanProperty log = new SimpleBooleanProperty(true);
        private final SimpleStringProperty count = new SimpleStringProperty("");

        AxisForm(String name, SweepParameter initial) {
            this.name = name;
            parameter.addListener((obs, o, n) -> {
                if (n != null) {
                    suggest(n);
                }
            });
            parameter.set(initial);
        }

        /** Values that make sense for the parameter (the paper's ranges), typed anew when it changes. */
        private void suggest(SweepParameter p) {
            switch (p) {
                case LEARNING_RATE -> range("0.005", "0.1", true, "5");
                case MOMENTUM -> list("0, 0.5, 0.9");
                case BATCH -> list("16, 32, 64, 128");
                case WEIGHT_DECAY -> list("0, 5e-5, 1e-4, 3e-4");
                case INIT_J -> range("0.3", "1.5", false, "5");
            }
        }

        private void range(String f, String t, boolean logSpacing, String n) {
            from.set(f);
            to.set(t);
            log.set(logSpacing);
            count.set(n);
            mode.set(Mode.RANGE);
        }

        private void list(String values) {
            list.set(values);
            mode.set(Mode.LIST);
        }

        /** The axis as {@code sweep run} writes it: {@code lr=0.005:0.1:log:5} or {@code batch=16,32}. */
        public String commandLineText() {
            SweepParameter p = parameter.get();
            String key = p == null ? "" : p.key();
            if (mode.get() == Mode.LIST) {
                return key + "=" + list.get().replace(" ", "");
            }
            return key + "=" + from.get().trim() + ":" + to.get().trim() + ":" + (log.get() ? Axis.LOG : Axis.LINEAR)
                    + ":" + count.get().trim();
        }

        Axis parse() {
            if (parameter.get() == null) {
                throw new InvalidSettingException(name, "choose a hyperparameter");
            }
            try {
                return Axis.parse(name, commandLineText());
            } catch (InvalidSettingException e) {
                throw new InvalidSettingException(name, e.reason());
            }
        }

        Observable[] dependencies() {
            return new Observable[] {parameter, mode, list, from, to, log, count};
        }

        public ObjectProperty<SweepParameter> parameterProperty() {
            return parameter;
        }

        public ObjectProperty<Mode> modeProperty() {
            return mode;
        }

        /** Comma-separated values, for {@link Mode#LIST}. */
        public StringProperty listProperty() {
            return list;
        }

        public StringProperty fromProperty() {
            return from;
        }

        public StringProperty toProperty() {
            return to;
        }

        /** Log spacing (else linear), for {@link Mode#RANGE}. */
        public BooleanProperty logProperty() {
            return log;
        }

        public StringProperty countProperty() {
            return count;
        }
    }

    /** A checked form: what to start. */
    public record Plan(SweepSpec spec, Path folder, int parallel) {
    }

    private final AxisForm x = new AxisForm("x axis", SweepParameter.LEARNING_RATE);
    private final AxisForm y = new AxisForm("y axis", SweepParameter.BATCH);
    private final SimpleBooleanProperty twoAxes = new SimpleBooleanProperty(true);
    private final SimpleStringProperty epochs = new SimpleStringProperty("10");
    private final SimpleStringProperty seeds = new SimpleStringProperty("1");
    private final SimpleStringProperty parallel = new SimpleStringProperty(
            Integer.toString(Runtime.getRuntime().availableProcessors()));
    private final SimpleStringProperty folder = new SimpleStringProperty("");
    private final SimpleStringProperty problem = new SimpleStringProperty("");
    private final SimpleStringProperty preview = new SimpleStringProperty("");
    private final RunRequest base;
    private final Path dataDirectory;

    /**
     * @param base          the controls panel's settings: everything the axes do not vary, the sweep seed, the data
     * @param dataDirectory the window's data folder
     * @param folder        the proposed output folder
     */
    public NewSweepViewModel(RunRequest base, Path dataDirectory, Path folder) {
        this.base = base;
        this.dataDirectory = dataDirectory;
        this.folder.set(folder.toString());
        epochs.set(Integer.toString(base.hyperparameters().epochs()));
        for (AxisForm a : new AxisForm[] {x, y}) {
            for (Observable o : a.dependencies()) {
                o.addListener(obs -> check());
            }
        }
        for (Observable o : new Observable[] {twoAxes, epochs, seeds, parallel, this.folder}) {
            o.addListener(obs -> check());
        }
        check();
    }

    private void check() {
        try {
            Plan plan = plan();
            SweepSpec s = plan.spec();
            problem.set("");
            preview.set(String.format(Locale.ROOT, "%s: %d run%s of %d epochs, %d at a time, on %,d images at "
                    + "%dx%d", s.y() == null ? s.xSize() + " cells" : s.xSize() + " × " + s.ySize() + " cells",
                    s.runCount(), s.runCount() == 1 ? "" : "s", s.fixed().epochs(), Math.min(plan.parallel(),
                            s.runCount()), s.data().trainSize(), s.data().resolution(), s.data().resolution()));
        } catch (InvalidSettingException e) {
            problem.set(e.setting() + ": " + e.reason());
            preview.set("");
        }
    }

    /**
     * The sweep the form describes.
     *
     * @throws InvalidSettingException naming the field (x axis, y axis, epochs, seeds, runs at a time, folder)
     */
    public Plan plan() {
        Axis xAxis = x.parse();
        Axis yAxis = twoAxes.get() ? y.parse() : null;
        if (yAxis != null && yAxis.parameter() == xAxis.parameter()) {
            throw new InvalidSettingException("y axis", xAxis.parameter().title()
                    + " is already the x axis; choose another hyperparameter");
        }
        int e = whole("epochs", epochs.get(), 1, 100_000);
        int k = whole("seeds per cell", seeds.get(), 1, SweepSpec.MAX_SEEDS);
        int p = whole("runs at a time", parallel.get(), 1, 256);
        String f = folder.get() == null ? "" : folder.get().trim();
        if (f.isEmpty()) {
            throw new InvalidSettingException("folder", "choose the folder the sweep is written to");
        }
        Path dir;
        try {
            dir = Path.of(f);
        } catch (InvalidPathException ex) {
            throw new InvalidSettingException("folder", "'" + f + "' is not a valid path");
        }
        Hyperparameters fixed = base.hyperparameters().withEpochs(e);
        int trainSize = base.trainSize();
        DatasetOptions data = new DatasetOptions(dataDirectory, trainSize,
                trainSize < DatasetOptions.DEFAULT_TRAIN_SIZE, SUBSET_SEED, base.resolution());
        SweepSpec spec;
        try {
            spec = SweepSpec.of(xAxis, yAxis, fixed, k, SweepSpec.Data.of(data));
            SweepRunner.check(spec, trainSize);
        } catch (InvalidSettingException ex) {
            throw new InvalidSettingException(fieldOf(ex.setting()), ex.reason());
        }
        return new Plan(spec, dir, p);
    }

    /** The random training subset the window's runs use (CoreTrainingService), so sweep cells match them. */
    private static final long SUBSET_SEED = 1L;

    private static String fieldOf(String setting) {
        return switch (setting) {
            case "--x" -> "x axis";
            case "--y" -> "y axis";
            case "--seeds" -> "seeds per cell";
            default -> "controls panel (" + setting + ")";
        };
    }

    private static int whole(String field, String text, int min, int max) {
        String t = text == null ? "" : text.trim().replace(",", "");
        try {
            int v = Integer.parseInt(t);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(field, "'" + t + "' is not a whole number; allowed " + min + " to "
                    + max);
        }
        throw new InvalidSettingException(field, t + " is out of range; allowed " + min + " to " + max);
    }

    /** The checked form, or empty with {@link #problemProperty()} saying why. */
    public Optional<Plan> result() {
        check();
        return problem.get().isEmpty() ? Optional.of(plan()) : Optional.empty();
    }

    public AxisForm x() {
        return x;
    }

    public AxisForm y() {
        return y;
    }

    /** Whether the y axis is used (else a one-axis sweep: a row of cells). */
    public BooleanProperty twoAxesProperty() {
        return twoAxes;
    }

    public StringProperty epochsProperty() {
        return epochs;
    }

    public StringProperty seedsProperty() {
        return seeds;
    }

    public StringProperty parallelProperty() {
        return parallel;
    }

    public StringProperty folderProperty() {
        return folder;
    }

    /** "field: problem" for the first field that is wrong, empty when the form is complete. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    /** What would run: cells, runs, epochs, parallelism, data. */
    public ReadOnlyStringProperty previewProperty() {
        return preview;
    }

    /** The fixed settings from the controls panel, in one line for the dialog. */
    public String fixedText() {
        Hyperparameters hp = base.hyperparameters();
        return String.format(Locale.ROOT, "η = %s, α = %s, B = %d, λ = %s, J(0) = %s, sweep seed %d; %,d images at "
                + "%dx%d (the controls panel's settings; the axes override theirs)",
                SweepParameter.formatNumber(hp.learningRate()), SweepParameter.formatNumber(hp.momentum()),
                hp.batchSize(), SweepParameter.formatNumber(hp.weightDecay()),
                SweepParameter.formatNumber(hp.initJ()), hp.seed(), base.trainSize(), base.resolution(),
                base.resolution());
    }
}

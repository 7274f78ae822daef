package org.edgeofchaos.explorer.ui.sweep;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;

import org.edgeofchaos.explorer.sweep.SweepParameter;

/**
 * The "New sweep" dialog over a {@link NewSweepViewModel}: per axis a hyperparameter, list or range, the values
 * (FROM, TO, log or linear, count for a range); epochs, seeds, runs at a time and the folder. The form is checked
 * as it is typed: the first problem is shown under it with its field, and Start stays disabled until there is
 * none.
 */
public final class NewSweepDialog extends Dialog<ButtonType> {
    public static final ButtonType START = new ButtonType("Start", ButtonBar.ButtonData.OK_DONE);

    /**
     * @param chooseFolder asks for a folder, starting at the given one
     */
    public NewSweepDialog(Window owner, NewSweepViewModel model, Function<Path, Optional<Path>> chooseFolder) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("New sweep");
        setHeaderText("Train a grid of runs: one or two hyperparameters varied, the rest from the controls panel");
        setResizable(true);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        int row = 0;
        grid.add(new Label("x axis"), 0, row);
        grid.add(axisRow(model.x(), "x"), 1, row++, 3, 1);
        CheckBox useY = new CheckBox("y axis");
        useY.setId("new-sweep-use-y");
        useY.selectedProperty().bindBidirectional(model.twoAxesProperty());
        HBox yRow = axisRow(model.y(), "y");
        yRow.disableProperty().bind(model.twoAxesProperty().not());
        grid.add(useY, 0, row);
        grid.add(yRow, 1, row++, 3, 1);

        TextField epochs = field("new-sweep-epochs", model.epochsProperty(), 6, "Epochs of every run");
        TextField seeds = field("new-sweep-seeds", model.seedsProperty(), 6,
                "Runs per cell with different seeds (each run's seed derives from the sweep seed, its cell and "
                        + "its replicate)");
        TextField parallel = field("new-sweep-parallel", model.parallelProperty(), 6,
                "Runs trained at once, one core each (default: the cores)");
        HBox numbers = new HBox(8, new Label("Epochs"), epochs, new Label("Seeds per cell"), seeds,
                new Label("Runs at a time"), parallel);
        numbers.setAlignment(Pos.CENTER_LEFT);
        grid.add(new Label("Runs"), 0, row);
        grid.add(numbers, 1, row++, 3, 1);

        TextField folder = field("new-sweep-folder", model.folderProperty(), 40,
                "The sweep folder: created, or resumed if it holds the same sweep");
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setId("new-sweep-choose");
        choose.setOnAction(e -> chooseFolder.apply(Path.of(model.folderProperty().get().isBlank() ? "."
                : model.folderProperty().get())).ifPresent(p -> model.folderProperty().set(p.toString())));
        HBox folderRow = new HBox(8, folder, choose);
        folderRow.setAlignment(Pos.CENTER_LEFT);
        grid.add(new Label("Folder"), 0, row);
        grid.add(folderRow, 1, row++, 3, 1);

        Label fixed = new Label("Fixed: " + model.fixedText());
        fixed.setWrapText(true);
        fixed.getStyleClass().add("hint");
        grid.add(fixed, 0, row++, 4, 1);
        Label preview = new Label();
        preview.setId("new-sweep-preview");
        preview.textProperty().bind(model.previewProperty());
        grid.add(preview, 0, row++, 4, 1);
        Label problem = new Label();
        problem.setId("new-sweep-problem");
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: #b00020;");
        problem.textProperty().bind(model.problemProperty());
        grid.add(problem, 0, row, 4, 1);
        // labels and choosers keep their width (the window manager may give the dialog less than it asks for)
        for (Node n : grid.lookupAll(".label")) {
            if (n instanceof Label l && !l.isWrapText()) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        for (Node n : grid.lookupAll(".combo-box")) {
            ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        }
        choose.setMinWidth(Region.USE_PREF_SIZE);
        getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        getDialogPane().setPrefWidth(880);

        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(START, ButtonType.CANCEL);
        Node start = getDialogPane().lookupButton(START);
        start.setId("new-sweep-start");
        start.disableProperty().bind(Bindings.isNotEmpty(model.problemProperty()));
    }

    private static HBox axisRow(NewSweepViewModel.AxisForm axis, String id) {
        ComboBox<SweepParameter> parameter = new ComboBox<>(FXCollections.observableList(
                Arrays.asList(SweepParameter.values())));
        parameter.setId("new-sweep-" + id + "-parameter");
        parameter.valueProperty().bindBidirectional(axis.parameterProperty());
        parameter.setCellFactory(l -> new ParameterCell());
        parameter.setButtonCell(new ParameterCell());
        ComboBox<NewSweepViewModel.Mode> mode = new ComboBox<>(FXCollections.observableList(
                Arrays.asList(NewSweepViewModel.Mode.values())));
        mode.setId("new-sweep-" + id + "-mode");
        mode.valueProperty().bindBidirectional(axis.modeProperty());

        TextField list = field("new-sweep-" + id + "-list", axis.listProperty(), 22,
                "Values separated by commas, e.g. 16, 32, 64");
        TextField from = field("new-sweep-" + id + "-from", axis.fromProperty(), 6, "First value");
        TextField to = field("new-sweep-" + id + "-to", axis.toProperty(), 6, "Last value");
        TextField count = field("new-sweep-" + id + "-count", axis.countProperty(), 3,
                "Number of values, both ends included");
        ComboBox<String> spacing = new ComboBox<>(FXCollections.observableArrayList("log", "linear"));
        spacing.setId("new-sweep-" + id + "-spacing");
        spacing.setValue(axis.logProperty().get() ? "log" : "linear");
        spacing.valueProperty().addListener((obs, o, n) -> axis.logProperty().set("log".equals(n)));
        axis.logProperty().addListener((obs, o, n) -> spacing.setValue(n ? "log" : "linear"));
        HBox range = new HBox(6, new Label("from"), from, new Label("to"), to, spacing, new Label("count"), count);
        range.setAlignment(Pos.CENTER_LEFT);
        HBox values = new HBox(list, range);
        values.setAlignment(Pos.CENTER_LEFT);
        for (Node n : new Node[] {list, range}) {
            boolean isList = n == list;
            n.visibleProperty().bind(Bindings.equal(axis.modeProperty(),
                    isList ? NewSweepViewModel.Mode.LIST : NewSweepViewModel.Mode.RANGE));
            n.managedProperty().bind(n.visibleProperty());
        }
        HBox row = new HBox(8, parameter, mode, values);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value, int columns, String tip) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.textProperty().bindBidirectional(value);
        f.setTooltip(new Tooltip(tip));
        return f;
    }

    private static final class ParameterCell extends ListCell<SweepParameter> {
        @Override
        protected void updateItem(SweepParameter item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.title() + " " + item.symbol());
        }
    }
}

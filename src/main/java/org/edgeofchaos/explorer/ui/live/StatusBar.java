package org.edgeofchaos.explorer.ui.live;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.edgeofchaos.explorer.training.RunState;

/** State (and "not saved" after a failed save), progress with ETA, throughput and the last export. */
public final class StatusBar extends HBox {

    public StatusBar(LiveRunViewModel live, LiveRunModel model, ObservableStringValue message) {
        getStyleClass().add("status-bar");
        setSpacing(10);
        setPadding(new Insets(3, 8, 3, 8));
        setAlignment(Pos.CENTER_LEFT);

        Label state = new Label();
        state.setId("run-state");
        state.getStyleClass().add("state-badge");
        state.textProperty().bind(live.stateTextProperty());
        live.stateProperty().addListener((obs, o, n) -> {
            state.getStyleClass().removeIf(c -> c.startsWith("state-") && !c.equals("state-badge"));
            state.getStyleClass().add("state-" + n.label());
        });
        state.getStyleClass().add("state-" + RunState.IDLE.label());

        Label status = new Label();
        status.setId("status-text");
        status.textProperty().bind(live.statusTextProperty());
        status.setMinWidth(120);
        status.setTooltip(new Tooltip());
        status.getTooltip().textProperty().bind(live.statusTextProperty());

        ProgressBar bar = new ProgressBar();
        bar.setId("run-progress");
        bar.progressProperty().bind(live.progressProperty());
        bar.setPrefWidth(140);

        Label progress = new Label();
        progress.setId("progress-text");
        progress.textProperty().bind(live.progressTextProperty());
        Label eta = new Label();
        eta.setId("eta-text");
        eta.textProperty().bind(live.etaTextProperty());
        Label rate = new Label();
        rate.setId("rate-text");
        rate.textProperty().bind(live.rateTextProperty());
        rate.setTooltip(new Tooltip("Training throughput in the current epoch (evaluation excluded)"));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label exported = new Label(message.get());
        exported.setId("export-message");
        // A notice stays for a while, then goes: an old "Exported ..." must not look like news.
        javafx.animation.PauseTransition expire = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(15));
        expire.setOnFinished(e -> exported.setText(""));
        message.addListener((obs, o, n) -> {
            exported.setText(n);
            expire.playFromStart();
        });
        expire.playFromStart();

        Label notSaved = new Label("NOT SAVED");
        notSaved.setId("not-saved");
        notSaved.getStyleClass().addAll("state-badge", "state-not-saved");
        notSaved.visibleProperty().bind(model.saveFailureProperty().isNotNull());
        notSaved.managedProperty().bind(notSaved.visibleProperty());
        Tooltip notSavedTip = new Tooltip();
        notSavedTip.textProperty().bind(Bindings.createStringBinding(() -> model.saveFailureProperty().get() == null
                ? "" : model.saveFailureProperty().get().reason(), model.saveFailureProperty()));
        notSaved.setTooltip(notSavedTip);

        getChildren().addAll(state, notSaved, status, bar, progress, eta, rate, spacer, exported);
    }
}

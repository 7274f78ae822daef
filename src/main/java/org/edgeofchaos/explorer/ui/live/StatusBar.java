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
import org.edgeofchaos.explorer.ui.common.Formats;

/** State, progress with ETA, throughput, the last export, and the longest FX stall of the run. */
public final class StatusBar extends HBox {

    public StatusBar(LiveRunViewModel live, ObservableStringValue message) {
        getStyleClass().add("status-bar");
        setSpacing(10);
        setPadding(new Insets(3, 8, 3, 8));
        setAlignment(Pos.CENTER_LEFT);

        Label state = new Label();
        state.setId("run-state");
        state.getStyleClass().add("state-badge");
        state.textProperty().bind(Bindings.createStringBinding(() -> live.loadingProperty().get() ? "LOADING"
                : live.stateProperty().get().name(), live.stateProperty(), live.loadingProperty()));
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
        Label exported = new Label();
        exported.setId("export-message");
        exported.textProperty().bind(message);

        Label stall = new Label();
        stall.setId("fx-stall");
        stall.getStyleClass().add("debug");
        stall.textProperty().bind(Bindings.createStringBinding(() -> "UI stall max "
                + Formats.fixed(live.longestStallMillisProperty().get(), 0) + " ms · chart update max "
                + Formats.fixed(live.longestDrainMillisProperty().get(), 0) + " ms",
                live.longestStallMillisProperty(), live.longestDrainMillisProperty()));
        Tooltip stallTip = new Tooltip();
        stallTip.textProperty().bind(Bindings.createStringBinding(() -> "Longest gap between two JavaFX frames "
                + "during this run: " + Formats.fixed(live.longestStallMillisProperty().get(), 1) + " ms\n"
                + "Longest batch update of the charts: " + Formats.fixed(live.longestDrainMillisProperty().get(), 1)
                + " ms\nUpdates are drained at most 25 times a second.",
                live.longestStallMillisProperty(), live.longestDrainMillisProperty()));
        stall.setTooltip(stallTip);

        getChildren().addAll(state, status, bar, progress, eta, rate, spacer, exported, stall);
    }
}

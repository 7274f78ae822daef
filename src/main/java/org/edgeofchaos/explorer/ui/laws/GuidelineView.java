package org.edgeofchaos.explorer.ui.laws;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.edgeofchaos.explorer.laws.Proposal;

/** The guideline panel: the budget fields, k with its window, and one card per proposal with its Apply button. */
public final class GuidelineView extends VBox {
    private final GuidelineViewModel model;
    private final VBox cards = new VBox(8);

    public GuidelineView(GuidelineViewModel model) {
        this.model = model;
        setSpacing(8);
        setPadding(new Insets(12));

        Label title = new Label("Guideline: hyperparameters that reach the edge of chaos in a budget of E epochs");
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 1.15em;");
        Label rule = new Label("J² grows by k·η/((1−α)B) per epoch, so η/((1−α)B) = (1 − J(0)²)/(k E) brings J to 1 "
                + "after E epochs; weight decay λ* = k/(4S), switched on after the edge, holds J there.");
        rule.setWrapText(true);

        TextField epochs = new TextField();
        epochs.setId("laws-epochs");
        epochs.setPrefColumnCount(5);
        epochs.textProperty().bindBidirectional(model.epochsTextProperty());
        epochs.setTooltip(new Tooltip("Epochs until J should first reach 1 (1 to 500)."));
        TextField momentum = new TextField();
        momentum.setId("laws-momentum");
        momentum.setPrefColumnCount(5);
        momentum.setPromptText("several");
        momentum.textProperty().bindBidirectional(model.momentumTextProperty());
        momentum.setTooltip(new Tooltip("A fixed momentum α in [0, 1); blank proposes 0.5, 0.9 and 0."));
        Label data = new Label();
        data.textProperty().bind(model.dataTextProperty());
        Label budgetLabel = new Label("Epoch budget E");
        Label momentumLabel = new Label("Fixed momentum α (optional)");
        budgetLabel.setMinWidth(Region.USE_PREF_SIZE);
        momentumLabel.setMinWidth(Region.USE_PREF_SIZE);
        CheckBox fromRuns = new CheckBox("k refitted from my saved runs");
        fromRuns.setId("laws-k-from-runs");
        fromRuns.selectedProperty().bindBidirectional(model.useSavedRunsProperty());
        fromRuns.setTooltip(new Tooltip("Instead of the shipped measurements, fit k to the edge chords of the saved "
                + "runs at this resolution (without weight decay) that reach J = 1."));
        HBox fields = new HBox(8, budgetLabel, epochs, momentumLabel, momentum, fromRuns);
        fields.setAlignment(Pos.CENTER_LEFT);
        data.setWrapText(true);

        Label k = new Label();
        k.setId("laws-k");
        k.setWrapText(true);
        k.textProperty().bind(model.kTextProperty());
        Label error = new Label();
        error.setId("laws-error");
        error.setStyle("-fx-text-fill: #c0392b;");
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label applied = new Label();
        applied.setId("laws-applied");
        applied.setWrapText(true);
        applied.setStyle("-fx-font-weight: bold;");
        applied.textProperty().bind(model.appliedProperty());

        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, rule, fields, data, k, error, scroll, applied);

        model.proposals().addListener((ListChangeListener<Proposal>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        cards.getChildren().clear();
        int i = 0;
        for (Proposal p : model.proposals()) {
            Label summary = new Label(GuidelineViewModel.summary(p));
            summary.setStyle("-fx-font-weight: bold;");
            Label explanation = new Label(p.explanation());
            explanation.setWrapText(true);
            VBox text = new VBox(2, summary, explanation);
            HBox.setHgrow(text, Priority.ALWAYS);
            Button apply = new Button("Apply");
            apply.setId("apply-proposal-" + i);
            apply.setTooltip(new Tooltip("Sets η, α and B on the sliders, weight decay 0 and 2E epochs."));
            apply.setOnAction(e -> model.apply(p));
            apply.setMinWidth(70);
            HBox card = new HBox(12, text, apply);
            card.setAlignment(Pos.CENTER_LEFT);
            card.setPadding(new Insets(8));
            card.setStyle("-fx-border-color: -color-border-default, #c8c8c8; -fx-border-radius: 4;");
            cards.getChildren().add(card);
            i++;
        }
    }
}

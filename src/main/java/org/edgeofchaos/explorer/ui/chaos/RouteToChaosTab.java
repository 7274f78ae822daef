package org.edgeofchaos.explorer.ui.chaos;

import javafx.collections.ObservableList;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import org.edgeofchaos.explorer.experiment.RunStore;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.ui.common.DialogService;
import org.edgeofchaos.explorer.ui.common.TaskExecutor;

/** The window's "Route to chaos" tab: the trained network's dynamics and the logistic-map companion. */
public final class RouteToChaosTab {
    public static final String TAB_ID = "route-to-chaos-tab";

    private RouteToChaosTab() {
    }

    /**
     * @param liveEpochs the live run's epochs
     * @param files      a worker for file work and the logistic-map sweeps
     */
    public static Tab create(ObservableList<EpochMetrics> liveEpochs, RunStore store, TaskExecutor files,
            DialogService dialogs) {
        NetworkDynamicsViewModel network = new NetworkDynamicsViewModel(liveEpochs, store, files, dialogs);
        LogisticMapViewModel logistic = new LogisticMapViewModel(files, files, dialogs);
        Tab networkTab = new Tab("Trained network", new NetworkDynamicsView(network));
        networkTab.setClosable(false);
        networkTab.setId("network-dynamics-tab");
        Tab logisticTab = new Tab("Logistic map", new LogisticMapView(logistic));
        logisticTab.setClosable(false);
        logisticTab.setId("logistic-map-tab");
        TabPane inner = new TabPane(networkTab, logisticTab);
        Tab tab = new Tab("Route to chaos", inner);
        tab.setClosable(false);
        tab.setId(TAB_ID);
        return tab;
    }
}

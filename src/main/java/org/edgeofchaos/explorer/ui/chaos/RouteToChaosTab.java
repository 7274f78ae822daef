package org.edgeofchaos.explorer.ui.chaos;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import org.edgeofchaos.explorer.ui.common.InnerTabs;
import org.edgeofchaos.explorer.ui.ExplorerContext;
import org.edgeofchaos.explorer.ui.FeatureTab;

/**
 * The window's "Route to chaos" tab: the trained network's dynamics (live run or a saved one) and the logistic-map
 * companion, as two inner tabs. Ctrl+E / Ctrl+Alt+E export the main chart of the inner tab shown.
 */
public final class RouteToChaosTab implements FeatureTab {
    public static final String ID = "route-to-chaos-tab";
    /** The tab's title. */
    public static final String TITLE = "Route to chaos";

    private final NetworkDynamicsViewModel network;
    private final LogisticMapViewModel logistic;
    private final NetworkDynamicsView networkView;
    private final LogisticMapView logisticView;
    private final TabPane inner;

    public RouteToChaosTab(ExplorerContext context) {
        var services = context.services();
        network = new NetworkDynamicsViewModel(context.liveModel().epochs(), services.runStore(), services.files(),
                services.dialogs());
        logistic = new LogisticMapViewModel(services.compute(), services.files(), services.dialogs());
        networkView = new NetworkDynamicsView(network);
        logisticView = new LogisticMapView(logistic);
        Tab networkTab = new Tab("Trained network", networkView);
        networkTab.setClosable(false);
        networkTab.setId("network-dynamics-tab");
        Tab logisticTab = new Tab("Logistic map", logisticView);
        logisticTab.setClosable(false);
        logisticTab.setId("logistic-map-tab");
        inner = new TabPane(networkTab, logisticTab);
    }

    /** Brings an inner tab to the front by its node id (e.g. {@code logistic-map-tab}); false if there is none. */
    public boolean selectInner(String tabId) {
        return InnerTabs.select(inner, tabId);
    }

    /** The node id of the inner tab shown. */
    public String shownInner() {
        return InnerTabs.shown(inner);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public Node view() {
        return inner;
    }

    private boolean logisticShown() {
        return inner.getSelectionModel().getSelectedIndex() == 1;
    }

    /** The spectrum, or the bifurcation diagram with lambda(r) and the states, as PNG. */
    @Override
    public void exportFigure() {
        export(false);
    }

    @Override
    public boolean exportsVector() {
        return true;
    }

    @Override
    public void exportVector() {
        export(true);
    }

    private void export(boolean svg) {
        if (logisticShown()) {
            logistic.export(LogisticMapViewModel.Chart.BIFURCATION, svg, 900, 720);
        } else {
            network.export(NetworkDynamicsViewModel.Chart.SPECTRUM, svg, 640, 640);
        }
    }

    public NetworkDynamicsViewModel network() {
        return network;
    }

    public LogisticMapViewModel logistic() {
        return logistic;
    }
}

package io.modeldeploy.gui.main;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * The banner across the top of the main window while the server is not reachable
 * ({@code OfflineBannerView.fxml}, included by {@code MainView.fxml}): since when, that the
 * console keeps trying, and how old the data shown is. It leaves once the stream is live again.
 */
public final class OfflineBannerView {

    @FXML
    private HBox banner;
    @FXML
    private Label offlineLabel;

    void bind(MainViewModel viewModel) {
        banner.setId("offlineBanner");
        offlineLabel.textProperty().bind(viewModel.offlineTextProperty());
        banner.visibleProperty().bind(viewModel.staleProperty());
        banner.managedProperty().bind(banner.visibleProperty());
    }
}

package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.gui.style.ThemeManager;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * File ▸ Connect to server…: the URL of another ModelDeploy server (recent ones in the drop-down)
 * and its token, hidden unless asked. Connect checks the server first and closes the dialog with
 * the new connection only when it answers; why it did not shows above the form. The built-in
 * server is one button away. Cancel stops waiting for a check at any time.
 */
public final class ConnectToServerDialog extends Dialog<ConnectionInfo> {

    public static final ButtonType CONNECT = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);

    private final ConnectToServerViewModel viewModel;

    @FXML
    private Label errorBanner;
    @FXML
    private Label explanation;
    @FXML
    private ComboBox<String> urlField;
    @FXML
    private Label urlMessage;
    @FXML
    private Hyperlink urlHintLink;
    @FXML
    private PasswordField tokenField;
    @FXML
    private TextField shownTokenField;
    @FXML
    private ToggleButton showTokenButton;
    @FXML
    private HBox progressBox;
    @FXML
    private Label progressLabel;
    @FXML
    private Button builtInServerButton;
    @FXML
    private Label builtInServerLabel;

    public ConnectToServerDialog(Window owner, ThemeManager themes, ConnectToServerViewModel viewModel) {
        this.viewModel = viewModel;
        DialogSupport.loadPane(this, this);
        setTitle("Connect to server");
        getDialogPane().getButtonTypes().setAll(CONNECT, ButtonType.CANCEL);
        DialogSupport.prepare(this, owner, themes);
        Button connect = (Button) getDialogPane().lookupButton(CONNECT);
        connect.setDefaultButton(true);
        connect.getStyleClass().add("accent");
        connect.disableProperty().bind(viewModel.canConnectProperty().not());
        connect.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            viewModel.connect(this::connected);
        });
        setResultConverter(button -> null);
        setOnCloseRequest(event -> viewModel.cancel());
        setOnShown(event -> Platform.runLater(() -> urlField.getEditor().requestFocus()));
    }

    @FXML
    private void initialize() {
        explanation.setText("Now: " + ErrorTexts.server(viewModel.current()) + ". After connecting, the console "
                + "shows the other server's deployments and follows its changes.");
        urlField.getItems().setAll(viewModel.recentServers());
        FormField.bind(urlField, urlField.getEditor().textProperty(), urlMessage, viewModel.url(),
                "The server's base URL, such as https://models.example.com or http://10.0.0.5:8080.");
        tokenField.textProperty().bindBidirectional(viewModel.tokenProperty());
        shownTokenField.textProperty().bindBidirectional(viewModel.tokenProperty());
        showTokenButton.selectedProperty().bindBidirectional(viewModel.tokenShownProperty());
        shownTokenField.visibleProperty().bind(viewModel.tokenShownProperty());
        tokenField.visibleProperty().bind(viewModel.tokenShownProperty().not());
        showTokenButton.textProperty().bind(Bindings.when(viewModel.tokenShownProperty()).then("Hide").otherwise("Show"));
        showTokenButton.graphicProperty().bind(Bindings.when(viewModel.tokenShownProperty())
                .then(new FontIcon("mdmz-visibility_off")).otherwise(new FontIcon("mdmz-visibility")));
        DialogSupport.bindBanner(this, errorBanner, viewModel.errorProperty());
        DialogSupport.bindProgress(progressBox, viewModel.busyProperty());
        progressLabel.textProperty().bind(viewModel.progressProperty());
        urlField.disableProperty().bind(viewModel.busyProperty());
        tokenField.disableProperty().bind(viewModel.busyProperty());
        shownTokenField.disableProperty().bind(viewModel.busyProperty());
        showTokenButton.disableProperty().bind(viewModel.busyProperty());
        builtInServerButton.disableProperty().bind(viewModel.canUseBuiltInServerProperty().not());
        builtInServerLabel.setText(viewModel.builtInServerText());
        InvalidationListener growLater = observable -> Platform.runLater(() -> DialogSupport.growToFit(this));
        viewModel.busyProperty().addListener(growLater);
        urlMessage.textProperty().addListener(growLater);
        urlHintLink.textProperty().bind(viewModel.urlHintProperty());
        urlHintLink.visibleProperty().bind(viewModel.urlHintProperty().isNotNull());
        urlHintLink.managedProperty().bind(urlHintLink.visibleProperty());
        urlHintLink.setOnAction(event -> viewModel.useSuggestedUrl());
        viewModel.urlHintProperty().addListener(growLater);
    }

    @FXML
    private void useBuiltInServer() {
        viewModel.useBuiltInServer(this::connected);
    }

    private void connected(ConnectionInfo connection) {
        setResult(connection);
        close();
    }
}

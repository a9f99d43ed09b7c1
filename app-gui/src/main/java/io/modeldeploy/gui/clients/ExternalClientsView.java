package io.modeldeploy.gui.clients;

import io.modeldeploy.gui.style.ThemeManager;
import javafx.animation.PauseTransition;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Help ▸ Connect external clients: a non-modal window (so its examples can be copied while the
 * console is used) showing {@link ExternalClientsViewModel}'s facts and examples, each with a Copy button,
 * and a button that opens the API docs in the system browser.
 */
public final class ExternalClientsView extends Dialog<Void> {

    private static final double PREF_WIDTH = 880;

    private final ExternalClientsViewModel viewModel;
    private final Consumer<String> browser;

    @FXML
    private TextField baseUrlField;
    @FXML
    private Button copyBaseUrlButton;
    @FXML
    private Label authLabel;
    @FXML
    private Label tokenFileLabel;
    @FXML
    private HBox tokenRow;
    @FXML
    private TextField tokenField;
    @FXML
    private ToggleButton showTokenButton;
    @FXML
    private Button copyTokenButton;
    @FXML
    private Label moreTokensLabel;
    @FXML
    private Label targetLabel;
    @FXML
    private TabPane examplesPane;

    /**
     * @param browser opens a URL in the system browser ({@code HostServices::showDocument})
     */
    public ExternalClientsView(Window owner, ThemeManager themes, ExternalClientsViewModel viewModel, Consumer<String> browser) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.browser = Objects.requireNonNull(browser, "browser");
        FXMLLoader loader = new FXMLLoader(ExternalClientsView.class.getResource("ExternalClientsView.fxml"));
        DialogPane pane = new DialogPane();
        loader.setRoot(pane);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load ExternalClientsView.fxml", e);
        }
        setDialogPane(pane);
        pane.setPrefWidth(PREF_WIDTH);
        pane.setMinWidth(640);
        setTitle("Connect external clients");
        if (owner != null) {
            initOwner(owner);
        }
        initModality(Modality.NONE);
        setResizable(true);
        if (themes != null) {
            themes.style(pane);
        }
    }

    @FXML
    private void initialize() {
        baseUrlField.setText(viewModel.baseUrl());
        baseUrlField.setId("connectBaseUrl");
        authLabel.setText(viewModel.authenticationText());
        tokenFileLabel.setText(viewModel.localTokenText());
        tokenFileLabel.setId("connectTokenFile");
        moreTokensLabel.setText(viewModel.moreTokensText());
        targetLabel.setText(viewModel.targetDescription());
        targetLabel.setId("connectTarget");

        tokenRow.setVisible(viewModel.canShowToken());
        tokenRow.setManaged(viewModel.canShowToken());
        tokenField.setId("connectToken");
        tokenField.textProperty().bind(viewModel.tokenTextProperty());
        showTokenButton.setId("connectShowToken");
        viewModel.tokenShownProperty().bindBidirectional(showTokenButton.selectedProperty());
        showTokenButton.textProperty().bind(javafx.beans.binding.Bindings.when(showTokenButton.selectedProperty())
                .then("Hide token").otherwise("Show token"));
        copyTokenButton.setTooltip(new Tooltip("Copies the secret, even while it is hidden"));

        for (ExternalClientsViewModel.Example example : viewModel.examples()) {
            examplesPane.getTabs().add(exampleTab(example));
        }
    }

    private Tab exampleTab(ExternalClientsViewModel.Example example) {
        TextArea code = new TextArea(example.code());
        code.setEditable(false);
        code.setWrapText(false);
        code.getStyleClass().add("connect-code");
        code.setId("example-" + example.id());
        Button copy = new Button("Copy", new FontIcon("mdal-content_copy"));
        copy.setId("copy-" + example.id());
        copy.setOnAction(e -> copy(example.code(), copy));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, spacer, copy);
        bar.getStyleClass().add("connect-example-bar");
        BorderPane content = new BorderPane(code);
        content.setBottom(bar);
        BorderPane.setMargin(bar, new javafx.geometry.Insets(6, 0, 0, 0));
        Tab tab = new Tab(example.title(), content);
        tab.setId("tab-" + example.id());
        return tab;
    }

    @FXML
    private void copyBaseUrl() {
        copy(viewModel.baseUrl(), copyBaseUrlButton);
    }

    @FXML
    private void copyToken() {
        if (viewModel.token() != null) {
            copy(viewModel.token(), copyTokenButton);
        }
    }

    @FXML
    private void openApiDocs() {
        browser.accept(viewModel.apiDocsUrl());
    }

    /** Puts {@code text} on the clipboard and says so on the button for a moment. */
    private static void copy(String text, Button button) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        button.setText("Copied");
        PauseTransition back = new PauseTransition(Duration.seconds(1.5));
        back.setOnFinished(e -> button.setText("Copy"));
        back.play();
    }

    public ExternalClientsViewModel viewModel() {
        return viewModel;
    }
}

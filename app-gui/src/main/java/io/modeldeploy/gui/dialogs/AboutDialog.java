package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.gui.util.AppInfo;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;


/** Help ▸ About: version, the server the console talks to, where its data lives, runtime versions. */
public final class AboutDialog extends Dialog<Void> {

    public AboutDialog(Window owner, ThemeManager themes, ConnectionInfo connection) {
        setTitle("About ModelDeploy Console");
        getDialogPane().setHeaderText("ModelDeploy Console " + version());
        FontIcon icon = new FontIcon(Material2MZ.ROCKET);
        icon.getStyleClass().add("dialog-header-icon");
        getDialogPane().setGraphic(icon);

        GridPane facts = new GridPane();
        facts.getStyleClass().add("about-facts");
        facts.setHgap(14);
        facts.setVgap(6);
        int row = 0;
        facts.addRow(row++, key("Server"), copyable(connection.baseUrl().toString()));
        facts.addRow(row++, key("Mode"), new Label(connection.embedded()
                ? "Started by this console; stops when the window closes"
                : "External server (--server)"));
        if (connection.dataDir() != null) {
            facts.addRow(row++, key("Data directory"), copyable(connection.dataDir().toString()));
        }
        facts.addRow(row++, key("API"), copyable(connection.baseUrl() + "/apis/models/v2/workspaces/-/deployments"));
        facts.addRow(row++, key("Java"), new Label(System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + ")"));
        facts.addRow(row, key("JavaFX"), new Label(System.getProperty("javafx.runtime.version", "unknown")));

        Label blurb = new Label("A desktop console for model deployments: create, version, watch and delete "
                + "them, over the same HTTP API every other client uses.");
        blurb.setWrapText(true);
        blurb.getStyleClass().add("about-blurb");
        VBox content = new VBox(14, blurb, facts);
        content.setPrefWidth(520);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        if (owner != null) {
            initOwner(owner);
        }
        initModality(Modality.WINDOW_MODAL);
        if (themes != null) {
            themes.style(getDialogPane());
        }
    }

    private static Label key(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("about-key");
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    /** A value that copies itself to the clipboard when clicked. */
    private static Hyperlink copyable(String text) {
        Hyperlink link = new Hyperlink(text);
        link.getStyleClass().add("about-value");
        link.setTooltip(new javafx.scene.control.Tooltip("Click to copy"));
        link.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
            link.setVisited(false);
        });
        return link;
    }

    /** The console's version, from the build. */
    public static String version() {
        return AppInfo.version();
    }
}

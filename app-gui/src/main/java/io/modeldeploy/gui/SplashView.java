package io.modeldeploy.gui;

import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.gui.util.AppInfo;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The small window shown while the server starts: name, what is happening, a progress bar. */
final class SplashView extends VBox {

    @FXML
    private StackPane iconHolder;
    @FXML
    private Label title;
    @FXML
    private Label message;

    private final Stage stage = new Stage(StageStyle.UNDECORATED);

    SplashView(ThemeManager themes) {
        FXMLLoader loader = new FXMLLoader(SplashView.class.getResource("SplashView.fxml"));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load SplashView.fxml", e);
        }
        iconHolder.getChildren().setAll(AppIcon.node(56));
        title.setText(AppInfo.NAME);
        Scene scene = new Scene(this);
        themes.style(scene);
        stage.setScene(scene);
        stage.setTitle(AppInfo.NAME);
        stage.getIcons().setAll(AppIcon.images());
        stage.centerOnScreen();
    }

    void show() {
        stage.show();
        stage.centerOnScreen();
    }

    void setMessage(String text) {
        message.setText(text);
    }

    void close() {
        stage.close();
    }
}

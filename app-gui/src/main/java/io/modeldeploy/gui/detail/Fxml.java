package io.modeldeploy.gui.detail;

import javafx.fxml.FXMLLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/** Loads the same-named FXML of a view that is both its root ({@code fx:root}) and its controller. */
final class Fxml {

    private Fxml() {
    }

    static void loadInto(Object view) {
        Class<?> type = view.getClass();
        String file = type.getSimpleName() + ".fxml";
        URL location = type.getResource(file);
        if (location == null) {
            throw new IllegalStateException("Missing " + file + " next to " + type.getName());
        }
        FXMLLoader loader = new FXMLLoader(location);
        loader.setRoot(view);
        loader.setController(view);
        loader.setClassLoader(type.getClassLoader());
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + file, e);
        }
    }
}

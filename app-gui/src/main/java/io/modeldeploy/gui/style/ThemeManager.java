package io.modeldeploy.gui.style;

import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;

import java.util.List;
import java.util.Objects;

/**
 * Applies the current {@link Theme}: the AtlantaFX user-agent stylesheet for the whole application,
 * and the theme's colours plus {@code app.css} on every scene and dialog the console opens. Changing
 * {@link #themeProperty()} restyles every open window at once.
 */
public final class ThemeManager {

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");

    public ThemeManager(Theme initial) {
        theme.set(Objects.requireNonNull(initial, "initial"));
        Application.setUserAgentStylesheet(initial.userAgentStylesheet());
        theme.addListener((obs, old, now) -> {
            if (now == null) {
                theme.set(old);
                return;
            }
            Application.setUserAgentStylesheet(now.userAgentStylesheet());
            for (Window window : List.copyOf(Window.getWindows())) {
                Scene scene = window.getScene();
                if (scene != null) {
                    swap(scene.getStylesheets(), old, now);
                    if (scene.getRoot() != null) {
                        swap(scene.getRoot().getStylesheets(), old, now);
                    }
                }
            }
        });
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Theme getTheme() {
        return theme.get();
    }

    public void setTheme(Theme value) {
        theme.set(value);
    }

    /** Adds the theme colours and the app stylesheet to a scene. */
    public void style(Scene scene) {
        install(scene.getStylesheets());
    }

    /** Adds the theme colours and the app stylesheet to the root of a dialog or popup. */
    public void style(Parent root) {
        install(root.getStylesheets());
    }

    private void install(ObservableList<String> sheets) {
        for (Theme t : Theme.values()) {
            sheets.remove(t.coloursStylesheet());
        }
        sheets.remove(Theme.appStylesheet());
        sheets.add(0, theme.get().coloursStylesheet());
        sheets.add(1, Theme.appStylesheet());
    }

    private static void swap(ObservableList<String> sheets, Theme old, Theme now) {
        int index = old == null ? -1 : sheets.indexOf(old.coloursStylesheet());
        if (index >= 0) {
            sheets.set(index, now.coloursStylesheet());
        }
    }
}

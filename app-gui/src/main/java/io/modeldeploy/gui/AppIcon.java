package io.modeldeploy.gui;

import io.modeldeploy.gui.style.Theme;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.ArrayList;
import java.util.List;

/** The window icon, drawn once at start-up from the icon font (no image files to keep in sync). */
final class AppIcon {

    private static List<Image> images;

    private AppIcon() {
    }

    /** Icons in the usual sizes; call on the FX thread. */
    static List<Image> images() {
        if (images == null) {
            List<Image> list = new ArrayList<>();
            for (int size : SIZES) {
                list.add(render(size));
            }
            images = List.copyOf(list);
        }
        return images;
    }

    /** Sizes with a glyph size rule in app.css ({@code .app-icon-glyph.app-icon-N}). */
    static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    private static StackPane node(double size) {
        FontIcon glyph = new FontIcon(Material2MZ.ROCKET);
        glyph.getStyleClass().addAll("app-icon-glyph", "app-icon-" + (int) size);
        StackPane tile = new StackPane(glyph);
        tile.setAlignment(Pos.CENTER);
        tile.setMinSize(size, size);
        tile.setPrefSize(size, size);
        tile.setMaxSize(size, size);
        tile.getStyleClass().add("app-icon");
        double radius = size * 0.22;
        tile.setBackground(new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(
                new javafx.scene.paint.LinearGradient(0, 0, 1, 1, true, javafx.scene.paint.CycleMethod.NO_CYCLE,
                        new javafx.scene.paint.Stop(0, Color.web("#2f81f7")),
                        new javafx.scene.paint.Stop(1, Color.web("#8250df"))),
                new javafx.scene.layout.CornerRadii(radius), javafx.geometry.Insets.EMPTY)));
        return tile;
    }

    private static Image render(int size) {
        StackPane tile = node(size);
        Scene scene = new Scene(tile, Color.TRANSPARENT);
        scene.getStylesheets().add(Theme.appStylesheet());
        tile.applyCss();
        tile.layout();
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.TRANSPARENT);
        return tile.snapshot(parameters, null);
    }
}

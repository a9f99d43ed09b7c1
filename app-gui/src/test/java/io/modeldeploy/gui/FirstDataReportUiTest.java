package io.modeldeploy.gui;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(ApplicationExtension.class)
class FirstDataReportUiTest {

    private final ObservableList<String> rows = FXCollections.observableArrayList();
    private final AtomicInteger afterReportRuns = new AtomicInteger();
    private Scene scene;

    @Start
    void start(Stage stage) {
        scene = new Scene(new ListView<>(rows), 300, 200);
        FirstDataReport.install(scene, rows, afterReportRuns::incrementAndGet);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void runsTheActionAfterReportingOnlyOnceTheFirstRowsAreLaidOut() {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, afterReportRuns.get(), "no rows yet: nothing reported");

        WaitForAsyncUtils.asyncFx(() -> {
            rows.add("first");
            scene.getRoot().requestLayout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            rows.add("second");
            scene.getRoot().requestLayout();
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, afterReportRuns.get());
    }
}

package io.modeldeploy.gui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SoftwareRenderingTest {

    private String prismOrder;
    private String rendering;

    @BeforeEach
    void saveProperties() {
        prismOrder = System.getProperty("prism.order");
        rendering = System.getProperty(SoftwareRendering.PROPERTY);
        System.clearProperty("prism.order");
    }

    @AfterEach
    void restoreProperties() {
        restore("prism.order", prismOrder);
        restore(SoftwareRendering.PROPERTY, rendering);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void softwareRenderingChoosesJavaFxsSoftwarePipeline() {
        System.setProperty(SoftwareRendering.PROPERTY, "software");
        SoftwareRendering.applyIfChosen();
        assertEquals("sw", System.getProperty("prism.order"));
    }

    @Test
    void thePipelineOfTheUsersOwnWins() {
        System.setProperty(SoftwareRendering.PROPERTY, "software");
        System.setProperty("prism.order", "es2");
        SoftwareRendering.applyIfChosen();
        assertEquals("es2", System.getProperty("prism.order"));
    }

    @Test
    void withoutTheChoiceJavaFxChoosesAsUsual() {
        System.clearProperty(SoftwareRendering.PROPERTY);
        SoftwareRendering.applyIfChosen();
        assertNull(System.getProperty("prism.order"));
    }
}

package io.modeldeploy.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SpreadsheetCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tcell", "\rcell"})
    void formulaLeadingCellsBecomeText(String cell) {
        assertEquals("'" + cell, SpreadsheetCells.safe(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ready", "a=b", "pod-1 lost", "'quoted", "\uD83D\uDE80 launched", " =spaced"})
    void otherCellsAreUnchanged(String cell) {
        assertEquals(cell, SpreadsheetCells.safe(cell));
    }

    @Test
    void emptyAndMissingCellsStaySo() {
        assertEquals("", SpreadsheetCells.safe(""));
        assertNull(SpreadsheetCells.safe(null));
    }
}

package io.modeldeploy.server.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LostWriteCheckTest {

    @Test
    void equalCountsPass() {
        LostWriteCheck check = new LostWriteCheck(38_000, 38_000, 0);
        assertTrue(check.passed());
        assertEquals("history rows added = 38,000, PATCH 2xx = 38,000, lost = 0 (ok)", check.summary());
    }

    @Test
    void fewerRowsThanAnswersFail() {
        LostWriteCheck check = new LostWriteCheck(99, 100, 0);
        assertFalse(check.passed());
        assertEquals(1, check.lost());
        assertTrue(check.summary().contains("FAILED"), check.summary());
    }

    @Test
    void moreRowsThanAnswersPassOnlyWhenClientSideFailuresExplainThem() {
        assertTrue(new LostWriteCheck(102, 100, 2).passed());
        LostWriteCheck unexplained = new LostWriteCheck(103, 100, 2);
        assertFalse(unexplained.passed());
        assertEquals(-3, unexplained.lost());
        assertTrue(unexplained.summary().contains("FAILED"), unexplained.summary());
    }
}

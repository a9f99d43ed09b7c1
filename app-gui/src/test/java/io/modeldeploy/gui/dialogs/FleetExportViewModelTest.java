package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.api.HistoryExportQuery;
import io.modeldeploy.gui.api.ServerCapabilities;
import io.modeldeploy.model.DeploymentStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fleet export's range, statuses and workspace, read in the zone the console shows times in. */
class FleetExportViewModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T23:30:00Z"), ZoneId.of("UTC"));
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void startsWithTheLastSevenDaysAndTodayInTheShownZoneAndTheListsWorkspace() {
        FleetExportViewModel model = new FleetExportViewModel(ServerCapabilities.ALL, "team-a", BERLIN, CLOCK);

        // 23:30 UTC is already 5 December in Berlin.
        assertEquals(LocalDate.of(2026, 11, 28), model.sinceDateProperty().get());
        assertEquals(LocalDate.of(2026, 12, 6), model.untilDateProperty().get());
        HistoryExportQuery query = model.query().orElseThrow();
        assertEquals(Instant.parse("2026-11-27T23:00:00Z"), query.since());
        assertEquals(Instant.parse("2026-12-05T23:00:00Z"), query.until());
        assertEquals("team-a", query.workspace());
        assertEquals(Set.of(), query.statuses());
        assertEquals("", model.serverNote());
    }

    @Test
    void timesAreReadInUtcWhenTheConsoleShowsUtcWithStatusesAndAllWorkspaces() {
        FleetExportViewModel model = new FleetExportViewModel(ServerCapabilities.ALL, "team-a", ZoneId.of("UTC"),
                CLOCK);
        model.sinceTimeProperty().set("9:30");
        model.untilDateProperty().set(LocalDate.of(2026, 12, 4));
        model.untilTimeProperty().set("17:05:30");
        model.statuses().addAll(Set.of(DeploymentStatus.ERROR, DeploymentStatus.LOST));
        model.onlyListWorkspaceProperty().set(false);

        HistoryExportQuery query = model.query().orElseThrow();

        assertEquals(Instant.parse("2026-11-27T09:30:00Z"), query.since());
        assertEquals(Instant.parse("2026-12-04T17:05:30Z"), query.until());
        assertEquals("-", query.workspace());
        assertEquals(Set.of(DeploymentStatus.ERROR, DeploymentStatus.LOST), query.statuses());
        assertTrue(model.zoneText().startsWith("Times in UTC")
                && new FleetExportViewModel(ServerCapabilities.ALL, null, ZoneId.of("Etc/UTC"), CLOCK).zoneText()
                .startsWith("Times in UTC"));
    }

    @Test
    void aBadTimeOrAnEndBeforeTheStartIsSaidAndNothingCanBeExported() {
        FleetExportViewModel model = new FleetExportViewModel(ServerCapabilities.ALL, null, ZoneId.of("UTC"), CLOCK);
        assertEquals("-", model.query().orElseThrow().workspace(), "the list shows every workspace");

        model.sinceTimeProperty().set("25:00");
        assertFalse(model.validProperty().get());
        assertEquals("Enter the start time as HH:mm, e.g. 09:30.", model.problemProperty().get());
        assertTrue(model.query().isEmpty());

        model.sinceTimeProperty().set("10:00");
        model.sinceDateProperty().set(LocalDate.of(2026, 12, 10));
        assertEquals("The start must be before the end.", model.problemProperty().get());

        model.sinceDateProperty().set(null);
        assertEquals("Choose the date to start from.", model.problemProperty().get());

        model.sinceDateProperty().set(LocalDate.of(2026, 12, 1));
        assertTrue(model.validProperty().get());
        assertEquals("", model.problemProperty().get());
    }

    @Test
    void onAServerWithoutTheStreamedExportTheDialogSaysNemoKeepsOnlyTheNewest100EntriesPerVersion() {
        FleetExportViewModel model = new FleetExportViewModel(ServerCapabilities.NONE, null, ZoneId.of("UTC"), CLOCK);

        assertTrue(model.serverNote().contains("newest 100 entries of each version"), model.serverNote());
    }
}

package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.api.HistoryExportQuery;
import io.modeldeploy.gui.api.ServerCapabilities;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.DeploymentStatus;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * File ▸ Export ▸ Fleet history…: the time range (since inclusive, until exclusive; date and time in the
 * zone the console shows times in), the statuses (none chosen: all) and the workspace (the list's
 * choice, or all). It starts with the last seven days and today.
 */
public final class FleetExportViewModel {

    /** Shown in the dialog where the server has no streamed export (a NeMo Platform). */
    public static final String NEMO_HISTORY_NOTE = "This server has no history export: the console reads each "
            + "version's history instead. A NeMo Platform keeps only the newest 100 entries of each version, "
            + "so older changes are missing.";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm[:ss]");

    private final ZoneId zone;
    private final String listWorkspace;
    private final boolean streamed;
    private final ObjectProperty<LocalDate> sinceDate = new SimpleObjectProperty<>(this, "sinceDate");
    private final StringProperty sinceTime = new SimpleStringProperty(this, "sinceTime", "00:00");
    private final ObjectProperty<LocalDate> untilDate = new SimpleObjectProperty<>(this, "untilDate");
    private final StringProperty untilTime = new SimpleStringProperty(this, "untilTime", "00:00");
    private final ObservableSet<DeploymentStatus> statuses = FXCollections.observableSet(
            EnumSet.noneOf(DeploymentStatus.class));
    private final BooleanProperty onlyListWorkspace = new SimpleBooleanProperty(this, "onlyListWorkspace");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");

    /**
     * @param offered       what the server offers (without a streamed export the dialog says what is missing)
     * @param listWorkspace the workspace the list shows, null when it shows all
     * @param zone          the zone times are entered in: the local one, or UTC with View ▸ Times in UTC
     */
    public FleetExportViewModel(ServerCapabilities offered, String listWorkspace, ZoneId zone, Clock clock) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.listWorkspace = listWorkspace;
        this.streamed = offered.historyExport();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        sinceDate.set(today.minusDays(7));
        untilDate.set(today.plusDays(1));
        onlyListWorkspace.set(listWorkspace != null);
        for (Observable input : new Observable[]{sinceDate, sinceTime, untilDate, untilTime}) {
            input.addListener(o -> check());
        }
        check();
    }

    private void check() {
        Optional<Instant> since = instant(sinceDate.get(), sinceTime.get());
        Optional<Instant> until = instant(untilDate.get(), untilTime.get());
        String found;
        if (since.isEmpty()) {
            found = sinceDate.get() == null ? "Choose the date to start from." : "Enter the start time as HH:mm, e.g. 09:30.";
        } else if (until.isEmpty()) {
            found = untilDate.get() == null ? "Choose the date to end at." : "Enter the end time as HH:mm, e.g. 17:00.";
        } else if (!since.get().isBefore(until.get())) {
            found = "The start must be before the end.";
        } else {
            found = "";
        }
        problem.set(found);
        valid.set(found.isEmpty());
    }

    private Optional<Instant> instant(LocalDate date, String time) {
        if (date == null || time == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(date.atTime(LocalTime.parse(time.strip(), TIME)).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** What to export; empty while the input is not valid. */
    public Optional<HistoryExportQuery> query() {
        if (!valid.get()) {
            return Optional.empty();
        }
        String workspace = onlyListWorkspace.get() && listWorkspace != null ? listWorkspace : ApiLimits.ALL_WORKSPACES;
        return Optional.of(new HistoryExportQuery(workspace, instant(sinceDate.get(), sinceTime.get()).orElseThrow(),
                instant(untilDate.get(), untilTime.get()).orElseThrow(), statuses));
    }

    /** "Times in UTC" or "Times in local time (CET)": how the entered times are read. */
    public String zoneText() {
        return zone.normalized().equals(ZoneOffset.UTC)
                ? "Times in UTC; the start is included, the end is not."
                : "Times in local time (" + zone.getDisplayName(TextStyle.SHORT, Locale.getDefault())
                + "); the start is included, the end is not.";
    }

    /** The list's workspace, for "Only <workspace>"; null when the list shows every workspace. */
    public String listWorkspace() {
        return listWorkspace;
    }

    /** Why older entries may be missing on this server; empty where the server streams the whole history. */
    public String serverNote() {
        return streamed ? "" : NEMO_HISTORY_NOTE;
    }

    public ObjectProperty<LocalDate> sinceDateProperty() {
        return sinceDate;
    }

    public StringProperty sinceTimeProperty() {
        return sinceTime;
    }

    public ObjectProperty<LocalDate> untilDateProperty() {
        return untilDate;
    }

    public StringProperty untilTimeProperty() {
        return untilTime;
    }

    /** The statuses to export; none: every status. */
    public ObservableSet<DeploymentStatus> statuses() {
        return statuses;
    }

    /** True: only the list's workspace; false: every workspace. */
    public BooleanProperty onlyListWorkspaceProperty() {
        return onlyListWorkspace;
    }

    /** What is wrong with the input, in words; empty when it is valid. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }
}

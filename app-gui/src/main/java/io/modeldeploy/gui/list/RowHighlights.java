package io.modeldeploy.gui.list;

import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Rows changed by someone else, with when, so that the table can flash them for a while. */
final class RowHighlights {

    private final Clock clock;
    private final Duration duration;
    private final ObservableMap<String, Instant> marks = FXCollections.observableHashMap();
    private final ObservableMap<String, Instant> view = FXCollections.unmodifiableObservableMap(marks);

    RowHighlights(Clock clock, Duration duration) {
        this.clock = clock;
        this.duration = duration;
    }

    void mark(String key) {
        marks.put(key, clock.instant());
    }

    void forget(String key) {
        marks.remove(key);
    }

    /** Forgets marks older than the duration. */
    void prune() {
        Instant now = clock.instant();
        marks.values().removeIf(at -> !Duration.between(at, now).minus(duration).isNegative());
    }

    /** How long ago the row was marked, while it is highlighted. */
    Optional<Duration> age(String key) {
        Instant at = marks.get(key);
        if (at == null) {
            return Optional.empty();
        }
        Duration age = Duration.between(at, clock.instant());
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        return age.compareTo(duration) < 0 ? Optional.of(age) : Optional.empty();
    }

    ObservableMap<String, Instant> view() {
        return view;
    }
}

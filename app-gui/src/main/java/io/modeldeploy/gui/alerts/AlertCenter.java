package io.modeldeploy.gui.alerts;

import io.modeldeploy.gui.session.AttentionRule;
import io.modeldeploy.gui.session.AttentionRule.Attention;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentKey;
import io.modeldeploy.gui.session.DeploymentStore.Change;
import io.modeldeploy.gui.session.DeploymentStore.Origin;
import io.modeldeploy.gui.session.VersionKey;
import io.modeldeploy.gui.util.TimeFormat;
import io.modeldeploy.model.AttentionReason;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The console's alerts for one server, derived in one place from the session's store: a version
 * known to the console that moves into a watched status (by a streamed or polled change, made
 * anywhere, or found by a read such as the resync after a reconnect: a failure while the stream was
 * down is still a failure), and a version that becomes stuck by the one {@link AttentionRule} (the
 * server's limits), in the watched workspaces. A version read for the first time (the first load,
 * another server's first load) and this console's own writes raise none: they only set what later
 * changes are measured from, so nothing from before the console started is replayed. Stuck is raised once per
 * stay in a status; time alone makes a version stuck, so {@link #recheckStuck()} runs on a tick.
 *
 * <p>Alerts are kept newest first with an unread count; new ones go to the {@link ToastQueue}, and
 * its toasts to the desktop too when the rules say so. For the FX thread.
 */
public final class AlertCenter implements ConsoleSession.Observer {

    /** How often the view calls {@link #recheckStuck()}. */
    public static final Duration STUCK_CHECK_INTERVAL = Duration.ofSeconds(10);
    /** How many alerts are kept; older ones drop off. */
    public static final int KEPT = 500;

    private final ConsoleSession session;
    private final ToastQueue toasts;
    private final ObjectProperty<AlertRules> rules;
    private final ObservableList<DeploymentAlert> alerts = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper unread = new ReadOnlyIntegerWrapper(this, "unread");
    /** Versions not stuck yet, with the moment they become stuck if their status stays. */
    private final Map<VersionKey, Instant> stuckDue = new HashMap<>();
    /** Versions stuck in their current stay (alerted, or found so by a read). */
    private final Set<VersionKey> stuckNow = new HashSet<>();
    /**
     * Alerts of streamed changes, until the session says which events it applied: the store keeps
     * the event's history entry (who made the change) only when it held the version's history.
     */
    private final List<DeploymentAlert> awaitingEvents = new ArrayList<>();

    public AlertCenter(ConsoleSession session, AlertRules rules, ToastQueue toasts, DesktopNotifier desktop) {
        this.session = Objects.requireNonNull(session, "session");
        this.toasts = Objects.requireNonNull(toasts, "toasts");
        this.rules = new SimpleObjectProperty<>(this, "rules", Objects.requireNonNull(rules, "rules"));
        Objects.requireNonNull(desktop, "desktop");
        toasts.addListener(toast -> {
            if (this.rules.get().desktop()) {
                desktop.notify(toast.title(), toast.body());
            }
        });
        session.store().addListener(this::storeChanged);
        session.addObserver(this);
        // Limits that arrive (or change) judge every version again, silently: what is stuck by them
        // was stuck before the console knew.
        session.attentionRuleProperty().addListener((obs, old, now) -> judgeAllQuietly());
    }

    private void storeChanged(List<Change> changes) {
        List<DeploymentAlert> raised = new ArrayList<>();
        AttentionRule rule = session.attentionRuleProperty().get();
        Instant now = session.clock().instant();
        for (Change change : changes) {
            VersionKey key = change.key();
            ModelDeployment before = change.before();
            ModelDeployment after = change.after();
            if (after == null) {
                stuckDue.remove(key);
                stuckNow.remove(key);
                continue;
            }
            boolean live = change.origin() == Origin.EVENT || change.origin() == Origin.POLL;
            boolean newStay = before == null || before.status() != after.status()
                    || !Objects.equals(AttentionRule.statusSince(before), AttentionRule.statusSince(after));
            if (newStay) {
                stuckNow.remove(key);
            }
            boolean seenChange = live || change.origin() == Origin.LOAD;
            if (seenChange && before != null && before.status() != after.status() && watched(after)
                    && rules.get().watches(after.status())) {
                raised.add(transition(key, after, now));
            }
            judge(key, after, rule, now, live, raised);
        }
        if (changes.stream().anyMatch(change -> change.origin() == Origin.EVENT)) {
            awaitingEvents.addAll(raised);
        } else {
            raise(raised);
        }
    }

    /** The streamed changes just put in the store: their alerts name who made them, and are raised. */
    @Override
    public void eventsApplied(List<DeploymentEvent> events) {
        if (awaitingEvents.isEmpty()) {
            return;
        }
        List<DeploymentAlert> raised = new ArrayList<>(awaitingEvents.size());
        for (DeploymentAlert alert : awaitingEvents) {
            raised.add(alert.stuck() ? alert : withActorOf(alert, events));
        }
        awaitingEvents.clear();
        raise(raised);
    }

    /** {@code alert} with the actor and time of the newest of {@code events} that moved its version into its status. */
    private static DeploymentAlert withActorOf(DeploymentAlert alert, List<DeploymentEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            ModelDeployment copy = events.get(i).deployment();
            if (copy != null && VersionKey.of(copy).equals(alert.key()) && copy.status() == alert.status()) {
                StatusHistoryEntry entry = newestEntry(copy);
                String actor = entry == null ? alert.actor() : blankToNull(entry.actor());
                Instant at = entry != null && entry.timestamp() != null ? entry.timestamp() : alert.at();
                return new DeploymentAlert(alert.key(), alert.status(), false, alert.what(), at,
                        actor == null ? alert.actor() : actor);
            }
        }
        return alert;
    }

    /** Judges the versions whose stuck moment has passed (time moved on without a change). */
    public void recheckStuck() {
        if (stuckDue.isEmpty()) {
            return;
        }
        AttentionRule rule = session.attentionRuleProperty().get();
        Instant now = session.clock().instant();
        List<DeploymentAlert> raised = new ArrayList<>();
        for (Map.Entry<VersionKey, Instant> due : List.copyOf(stuckDue.entrySet())) {
            if (now.isAfter(due.getValue())) {
                ModelDeployment copy = session.store().get(due.getKey()).orElse(null);
                if (copy == null) {
                    stuckDue.remove(due.getKey());
                } else {
                    judge(due.getKey(), copy, rule, now, true, raised);
                }
            }
        }
        raise(raised);
    }

    private void judgeAllQuietly() {
        AttentionRule rule = session.attentionRuleProperty().get();
        Instant now = session.clock().instant();
        stuckDue.clear();
        List<DeploymentAlert> none = new ArrayList<>();
        for (ModelDeployment latest : session.store().latestOfEach()) {
            for (ModelDeployment version : session.store().versions(DeploymentKey.of(latest))) {
                judge(VersionKey.of(version), version, rule, now, false, none);
            }
        }
    }

    /** Notes whether {@code copy} is stuck now or when it will be; a version newly stuck is alerted if {@code announce}. */
    private void judge(VersionKey key, ModelDeployment copy, AttentionRule rule, Instant now, boolean announce,
                       List<DeploymentAlert> raised) {
        if (stuckNow.contains(key)) {
            stuckDue.remove(key);
            return;
        }
        Attention attention = rule.judge(copy, now);
        if (attention != null && attention.reason() == AttentionReason.STUCK) {
            stuckNow.add(key);
            stuckDue.remove(key);
            if (announce && rules.get().stuck() && watched(copy)) {
                raised.add(stuck(key, copy, attention, now));
            }
            return;
        }
        Instant stuckAt = rule.stuckAt(copy);
        if (stuckAt == null) {
            stuckDue.remove(key);
        } else {
            stuckDue.put(key, stuckAt);
        }
    }

    private boolean watched(ModelDeployment copy) {
        return rules.get().watchesWorkspace(copy.workspace());
    }

    private static DeploymentAlert transition(VersionKey key, ModelDeployment after, Instant now) {
        StatusHistoryEntry entry = newestEntry(after);
        String message = after.statusMessage() == null || after.statusMessage().isBlank() ? ""
                : ": " + after.statusMessage();
        Instant at = entry != null && entry.timestamp() != null ? entry.timestamp()
                : after.updatedAt() != null ? after.updatedAt() : now;
        return new DeploymentAlert(key, after.status(), false, after.status().name() + message, at,
                entry == null ? null : blankToNull(entry.actor()));
    }

    private static DeploymentAlert stuck(VersionKey key, ModelDeployment copy, Attention attention, Instant now) {
        Instant since = attention.since();
        String what = "stuck in " + copy.status().name() + " for " + TimeFormat.elapsed(Duration.between(since, now));
        return new DeploymentAlert(key, copy.status(), true, what, since.plus(attention.limit()), null);
    }

    /** The history entry of the current status, when the copy carries it. */
    private static StatusHistoryEntry newestEntry(ModelDeployment copy) {
        List<StatusHistoryEntry> history = copy.statusHistory();
        if (history == null || history.isEmpty()) {
            return null;
        }
        StatusHistoryEntry newest = history.get(history.size() - 1);
        return newest.status() == copy.status() ? newest : null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private void raise(List<DeploymentAlert> raised) {
        if (raised.isEmpty()) {
            return;
        }
        for (DeploymentAlert alert : raised) {
            alerts.add(0, alert);
        }
        if (alerts.size() > KEPT) {
            alerts.remove(KEPT, alerts.size());
        }
        unread.set(Math.min(KEPT, unread.get() + raised.size()));
        toasts.offer(raised);
    }

    // ------------------------------------------------------------------ for the views

    /** Every alert kept, newest first. */
    public ObservableList<DeploymentAlert> alerts() {
        return FXCollections.unmodifiableObservableList(alerts);
    }

    /** How many alerts arrived since the panel was last opened (the first ones of {@link #alerts()}). */
    public ReadOnlyIntegerProperty unreadProperty() {
        return unread.getReadOnlyProperty();
    }

    public void markAllRead() {
        unread.set(0);
    }

    public void clear() {
        alerts.clear();
        unread.set(0);
    }

    /** The rules new alerts are raised by (alerts already raised stay). */
    public ObjectProperty<AlertRules> rulesProperty() {
        return rules;
    }

    public ToastQueue toasts() {
        return toasts;
    }

    /** Now by the session's clock, for "3 min ago". */
    public Instant now() {
        return session.clock().instant();
    }
}

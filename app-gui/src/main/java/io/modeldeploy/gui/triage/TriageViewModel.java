package io.modeldeploy.gui.triage;

import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.list.DeploymentRow;
import io.modeldeploy.gui.session.AttentionRule.Attention;
import io.modeldeploy.model.AttentionReason;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Triage of what needs attention: the latest versions that need it (by the list's rows, so by the one
 * attention rule, live with events and the clock tick), grouped by reason and by the
 * {@linkplain MessagePattern shape} of their message, the largest group first. Selecting a group
 * selects its deployments in the list, ready for one change of them all; the list's filters are
 * cleared first when they hide any of them.
 */
public final class TriageViewModel {

    private static final Comparator<TriageGroup> LARGEST_FIRST = Comparator
            .comparingInt(TriageGroup::count).reversed()
            .thenComparing(TriageGroup::reason)
            .thenComparing(TriageGroup::firstSeen, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(TriageGroup::pattern);

    private final DeploymentListViewModel list;
    private final ObservableList<TriageGroup> groups = FXCollections.observableArrayList();
    private final ObjectProperty<TriageGroup> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    /** While the groups are replaced: the selection follows its group without selecting again in the list. */
    private boolean regrouping;

    public TriageViewModel(DeploymentListViewModel list) {
        this.list = Objects.requireNonNull(list, "list");
        list.rows().addListener((ListChangeListener<DeploymentRow>) change -> regroup());
        selected.addListener((obs, old, group) -> {
            if (!regrouping && group != null) {
                selectInList(group);
            }
        });
        regroup();
    }

    /** Groups the rows that need attention again (the list's rows changed). */
    private void regroup() {
        Map<String, List<DeploymentRow>> byGroup = new LinkedHashMap<>();
        int count = 0;
        for (DeploymentRow row : list.rows()) {
            Attention attention = row.attention();
            if (attention != null) {
                byGroup.computeIfAbsent(attention.reason().wireName() + "\n" + MessagePattern.of(row.message()),
                        id -> new ArrayList<>()).add(row);
                count++;
            }
        }
        List<TriageGroup> next = new ArrayList<>(byGroup.size());
        for (List<DeploymentRow> members : byGroup.values()) {
            next.add(groupOf(members));
        }
        next.sort(LARGEST_FIRST);
        String selectedId = selected.get() == null ? null : selected.get().id();
        regrouping = true;
        try {
            groups.setAll(next);
            selected.set(next.stream().filter(g -> g.id().equals(selectedId)).findFirst().orElse(null));
        } finally {
            regrouping = false;
        }
        total.set(count);
    }

    private static TriageGroup groupOf(List<DeploymentRow> members) {
        List<DeploymentRow> longestFirst = new ArrayList<>(members);
        longestFirst.sort(Comparator.comparing(row -> row.attention().since(),
                Comparator.nullsLast(Comparator.naturalOrder())));
        DeploymentRow first = longestFirst.get(0);
        AttentionReason reason = first.attention().reason();
        TreeSet<String> workspaces = new TreeSet<>();
        longestFirst.forEach(row -> workspaces.add(row.workspace()));
        Instant firstSeen = first.attention().since();
        return new TriageGroup(reason, MessagePattern.of(first.message()), List.copyOf(longestFirst),
                java.util.Collections.unmodifiableSortedSet(workspaces), firstSeen, first.message());
    }

    private void selectInList(TriageGroup group) {
        boolean hidden = group.members().stream().anyMatch(row -> list.viewIndexOf(row.key()) < 0);
        if (hidden) {
            list.clearFilters();
        }
        list.selectKeys(group.keys());
    }

    /** Selects {@code group}'s deployments in the list again (e.g. after the admin selected others there). */
    public void selectAgain() {
        if (selected.get() != null) {
            selectInList(selected.get());
        }
    }

    /** The groups, the largest first. */
    public ObservableList<TriageGroup> groups() {
        return FXCollections.unmodifiableObservableList(groups);
    }

    /** The chosen group; choosing one selects its deployments in the list. */
    public ObjectProperty<TriageGroup> selectedProperty() {
        return selected;
    }

    /** How many deployments need attention (their latest version). */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Now by the session's clock, for "for 47 min". */
    public Instant now() {
        return list.now();
    }
}

package io.modeldeploy.gui.list;

import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The workspace filter's choices: "All workspaces" first, then every workspace that has
 * deployments, alphabetically, each with its count, kept up to date row by row. The chosen
 * workspace stays chosen, even when its last deployment is gone.
 */
final class WorkspaceChoices {

    private final ObjectProperty<WorkspaceOption> chosen;
    private final ObservableList<WorkspaceOption> options = FXCollections.observableArrayList(WorkspaceOption.all(0));
    private final ObservableList<WorkspaceOption> view = FXCollections.unmodifiableObservableList(options);
    private final Map<String, Integer> counts = new HashMap<>();
    private boolean changed;
    private boolean rebuilding;

    WorkspaceChoices(ObjectProperty<WorkspaceOption> chosen) {
        this.chosen = chosen;
    }

    void count(String workspace, int delta) {
        counts.merge(workspace, delta, (a, b) -> a + b == 0 ? null : a + b);
        changed = true;
    }

    void recount(List<DeploymentRow> rows) {
        counts.clear();
        rows.forEach(row -> counts.merge(row.workspace(), 1, Integer::sum));
        changed = true;
    }

    /** True while the options are replaced (the chosen option is set again then, with the same workspace). */
    boolean isRebuilding() {
        return rebuilding;
    }

    /** Rebuilds the options if counts changed; answers whether the chosen workspace changed with them. */
    boolean publish(int total) {
        if (!changed) {
            return false;
        }
        changed = false;
        List<WorkspaceOption> next = build(counts, total, chosen.get());
        if (next.equals(options)) {
            return false;
        }
        String selected = chosen.get() == null ? null : chosen.get().workspace();
        rebuilding = true;
        try {
            options.setAll(next);
            chosen.set(next.stream().filter(o -> Objects.equals(o.workspace(), selected)).findFirst()
                    .orElse(next.get(0)));
        } finally {
            rebuilding = false;
        }
        return !Objects.equals(selected, chosen.get().workspace());
    }

    static List<WorkspaceOption> build(Map<String, Integer> perWorkspace, int total, WorkspaceOption selected) {
        Map<String, Integer> counts = new HashMap<>(perWorkspace);
        if (selected != null && !selected.isAll()) {
            counts.putIfAbsent(selected.workspace(), 0);
        }
        List<String> names = new ArrayList<>(counts.keySet());
        names.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
        List<WorkspaceOption> options = new ArrayList<>(names.size() + 1);
        options.add(WorkspaceOption.all(total));
        for (String name : names) {
            options.add(new WorkspaceOption(name, counts.get(name)));
        }
        return options;
    }

    WorkspaceOption first() {
        return options.get(0);
    }

    ObservableList<WorkspaceOption> options() {
        return view;
    }

    /** Every workspace that has deployments, alphabetically. */
    List<String> names() {
        return options.stream().filter(o -> !o.isAll() && o.count() > 0).map(WorkspaceOption::workspace).toList();
    }
}

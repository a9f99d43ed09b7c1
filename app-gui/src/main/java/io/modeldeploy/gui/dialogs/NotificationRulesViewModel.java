package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.alerts.AlertRules;
import io.modeldeploy.model.DeploymentStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.Observable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * View ▸ Notification rules…: which statuses raise an alert, in which workspaces, whether stuck
 * deployments do, and whether alerts also go to the desktop. A note says when the choice turns
 * alerts off; choosing "only these workspaces" with none of them ticked can't be saved.
 */
public final class NotificationRulesViewModel {

    /** The error shown while "only these workspaces" has none ticked. */
    public static final String NO_WORKSPACE = "Choose at least one workspace, or All workspaces.";
    /** The note shown while nothing can raise an alert. */
    public static final String ALERTS_OFF = "Alerts are off: no status is chosen and stuck deployments are not "
            + "watched. Nothing will appear under the bell.";

    private final Map<DeploymentStatus, BooleanProperty> statuses = new EnumMap<>(DeploymentStatus.class);
    private final BooleanProperty allWorkspaces = new SimpleBooleanProperty(this, "allWorkspaces");
    private final Map<String, BooleanProperty> workspaces = new LinkedHashMap<>();
    private final BooleanProperty stuck = new SimpleBooleanProperty(this, "stuck");
    private final BooleanProperty desktop = new SimpleBooleanProperty(this, "desktop");
    private final boolean desktopOffered;
    private final StringBinding error;
    private final StringBinding note;
    private final BooleanBinding valid;

    /**
     * @param current         the rules in force
     * @param knownWorkspaces the workspaces the console knows of (the ones chosen before are offered too)
     * @param desktopOffered  whether this desktop shows notifications (else the choice is kept but has no effect)
     */
    public NotificationRulesViewModel(AlertRules current, Collection<String> knownWorkspaces, boolean desktopOffered) {
        this.desktopOffered = desktopOffered;
        List<Observable> dependencies = new ArrayList<>();
        for (DeploymentStatus status : DeploymentStatus.values()) {
            BooleanProperty chosen = new SimpleBooleanProperty(this, status.name(), current.watches(status));
            statuses.put(status, chosen);
            dependencies.add(chosen);
        }
        allWorkspaces.set(current.allWorkspaces());
        Set<String> offered = new TreeSet<>(knownWorkspaces);
        offered.addAll(current.workspaces());
        for (String workspace : offered) {
            BooleanProperty chosen = new SimpleBooleanProperty(this, workspace,
                    !current.allWorkspaces() && current.workspaces().contains(workspace));
            workspaces.put(workspace, chosen);
            dependencies.add(chosen);
        }
        stuck.set(current.stuck());
        desktop.set(current.desktop());
        dependencies.add(allWorkspaces);
        dependencies.add(stuck);
        Observable[] all = dependencies.toArray(Observable[]::new);
        error = Bindings.createStringBinding(() -> !allWorkspaces.get() && chosenWorkspaces().isEmpty()
                ? NO_WORKSPACE : "", all);
        note = Bindings.createStringBinding(() -> chosenStatuses().isEmpty() && !stuck.get() ? ALERTS_OFF : "", all);
        valid = error.isEmpty();
    }

    private Set<DeploymentStatus> chosenStatuses() {
        EnumSet<DeploymentStatus> chosen = EnumSet.noneOf(DeploymentStatus.class);
        statuses.forEach((status, property) -> {
            if (property.get()) {
                chosen.add(status);
            }
        });
        return chosen;
    }

    private Set<String> chosenWorkspaces() {
        Set<String> chosen = new TreeSet<>();
        workspaces.forEach((workspace, property) -> {
            if (property.get()) {
                chosen.add(workspace);
            }
        });
        return chosen;
    }

    /** The rules as chosen (only while {@link #validProperty()}). */
    public AlertRules rules() {
        boolean all = allWorkspaces.get();
        return new AlertRules(chosenStatuses(), all, all ? Set.of() : chosenWorkspaces(), stuck.get(), desktop.get());
    }

    public BooleanProperty status(DeploymentStatus status) {
        return statuses.get(status);
    }

    public BooleanProperty allWorkspacesProperty() {
        return allWorkspaces;
    }

    /** The workspaces offered, alphabetically, each with whether it is chosen. */
    public Map<String, BooleanProperty> workspaces() {
        return java.util.Collections.unmodifiableMap(workspaces);
    }

    public BooleanProperty stuckProperty() {
        return stuck;
    }

    public BooleanProperty desktopProperty() {
        return desktop;
    }

    public boolean desktopOffered() {
        return desktopOffered;
    }

    /** Why the rules can't be saved; empty when they can. */
    public StringBinding errorProperty() {
        return error;
    }

    /** A note on what the rules do (alerts off); empty when there is nothing to note. */
    public StringBinding noteProperty() {
        return note;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}

package io.modeldeploy.gui.alerts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One toast (and one desktop notification) for the alerts that arrived together: {@code title}
 * says what happened ("team-nlp/llama v3: ERROR: CUDA out of memory", "12 deployments LOST",
 * "5 alerts: 3 LOST, 2 ERROR"), {@code body} which deployments.
 */
public record Toast(String title, String body, List<DeploymentAlert> alerts) {

    /** How many deployments the body names before "and N more". */
    static final int NAMED = 3;

    public Toast {
        alerts = List.copyOf(alerts);
    }

    /** The toast for {@code alerts} (at least one), oldest first. */
    public static Toast of(List<DeploymentAlert> alerts) {
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("a toast needs an alert");
        }
        if (alerts.size() == 1) {
            DeploymentAlert alert = alerts.get(0);
            return new Toast(alert.deployment() + ": " + alert.what(),
                    alert.actor() == null ? "" : "by " + alert.actor(), alerts);
        }
        Map<String, Integer> byKind = new LinkedHashMap<>();
        alerts.forEach(alert -> byKind.merge(alert.kind(), 1, Integer::sum));
        String title;
        if (byKind.size() == 1) {
            title = alerts.size() + " deployments " + byKind.keySet().iterator().next();
        } else {
            List<Map.Entry<String, Integer>> largestFirst = new ArrayList<>(byKind.entrySet());
            largestFirst.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()));
            List<String> parts = largestFirst.stream().map(e -> e.getValue() + " " + e.getKey()).toList();
            title = alerts.size() + " alerts: " + String.join(", ", parts);
        }
        List<String> names = alerts.stream().map(DeploymentAlert::deployment).distinct().toList();
        String body = String.join(", ", names.subList(0, Math.min(NAMED, names.size())));
        if (names.size() > NAMED) {
            body += " and " + (names.size() - NAMED) + " more";
        }
        return new Toast(title, body, alerts);
    }
}

package io.modeldeploy.server.service;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded history windows of recently used versions, so that answering with a deployment
 * does not read its newest 100 history entries from the database each time. Only committed
 * states are put here, and an entry is used only for a row whose {@code updated_at} it matches
 * (see {@link HistorySnapshot#isCurrentFor}); so an entry can be outdated but never wrong, also
 * when other servers change the same database. Bounded by the number of history entries held,
 * least recently used first out.
 */
@Singleton
public class HistoryWindowCache {
    private final int maxEntries;
    private final LinkedHashMap<String, HistorySnapshot> byVersion = new LinkedHashMap<>(256, 0.75f, true);
    private int entries;

    public HistoryWindowCache(@Value("${modeldeploy.history-cache.max-entries:100000}") int maxEntries) {
        this.maxEntries = Math.max(0, maxEntries);
    }

    /** The last snapshot put for a version, current or not: check with {@link HistorySnapshot#isCurrentFor}. */
    public synchronized HistorySnapshot get(String versionId) {
        return byVersion.get(versionId);
    }

    public synchronized void put(HistorySnapshot snapshot) {
        if (snapshot.newest().size() > maxEntries) {
            return;
        }
        HistorySnapshot replaced = byVersion.put(snapshot.versionId(), snapshot);
        entries += snapshot.newest().size() - (replaced == null ? 0 : replaced.newest().size());
        Iterator<Map.Entry<String, HistorySnapshot>> eldest = byVersion.entrySet().iterator();
        while (entries > maxEntries && eldest.hasNext()) {
            entries -= eldest.next().getValue().newest().size();
            eldest.remove();
        }
    }
}

package io.modeldeploy.server.bench;

import io.micronaut.json.JsonMapper;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentEventType;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.server.persistence.DeploymentVersionRow;
import io.modeldeploy.server.persistence.StatusEventRow;
import io.modeldeploy.server.service.DeploymentIds;
import io.modeldeploy.server.service.DeploymentService;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes "a year in operation" straight into a built-in H2 database whose schema the server has
 * already created (started once on the data directory and stopped): deployments with 1 to 3
 * versions, a skewed number of status-history entries per version (a few with tens of thousands)
 * at times spread over the past year, and the event log the server would have kept of them (the
 * events of the last {@code eventRetention}). Rows are what DeploymentService writes: a version's
 * first entry is its creation (CREATED, or PENDING for a later version), status_since follows
 * {@link DeploymentVersionRow#withStatus}, DELETING is followed only by DELETED, history and event
 * ids increase with time, and event_sequence and the history identity continue after them.
 */
final class CompressedYear {
    static final String[] WORKSPACES = {"default", "vision", "speech", "search", "ranking"};
    /** Statuses of ordinary changes (DELETING and DELETED only end a version's life). */
    private static final DeploymentStatus[] CHANGES = {DeploymentStatus.PENDING, DeploymentStatus.READY,
            DeploymentStatus.READY, DeploymentStatus.READY, DeploymentStatus.READY, DeploymentStatus.ERROR,
            DeploymentStatus.UNKNOWN, DeploymentStatus.LOST};
    private static final Duration YEAR = Duration.ofDays(365);
    private static final int VERSION_BITS = 18;
    private static final int BATCH = 2_000;
    private static final int COMMIT_EVERY = 50_000;

    private CompressedYear() {
    }

    /** What was generated; {@code latestHistory[i]} and {@code latestVersion[i]} are those of deployment i. */
    record Summary(int deployments, int versions, long entries, long events, int[] latestVersion,
                   int[] latestHistory, boolean[] latestDeleting, Instant now, Duration elapsed) {
        /** The deployments with the longest latest-version histories, longest first. */
        int[] longest(int count) {
            Integer[] order = new Integer[deployments];
            for (int i = 0; i < deployments; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(latestHistory[b], latestHistory[a]));
            return Arrays.stream(order).limit(count).mapToInt(Integer::intValue).toArray();
        }
    }

    static String workspace(int deployment) {
        return WORKSPACES[deployment % WORKSPACES.length];
    }

    static String name(int deployment) {
        return String.format(Locale.ROOT, "soak-%05d", deployment);
    }

    static int versionCount(int deployment) {
        return 1 + (deployment % 10 == 3 ? 1 : 0) + (deployment % 40 == 3 ? 1 : 0);
    }

    /**
     * Generates into the data directory's database (the server must not be running on it).
     *
     * @param now the end of the year; entries lie in the year before it
     */
    static Summary generate(Path dataDir, int deployments, long entries, Duration eventRetention, Instant now,
                            long seed) throws SQLException, IOException {
        return generate(SoakDatabase.h2(dataDir), deployments, entries, eventRetention, now, seed);
    }

    /** Generates into {@code database}, which holds the server's schema and nothing else. */
    static Summary generate(SoakDatabase database, int deployments, long entries, Duration eventRetention,
                            Instant now, long seed) throws SQLException, IOException {
        long started = System.nanoTime();
        now = now.truncatedTo(ChronoUnit.MICROS);
        int versions = 0;
        for (int d = 0; d < deployments; d++) {
            versions += versionCount(d);
        }
        if (versions >= 1 << VERSION_BITS || entries < versions || entries > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("need " + versions + " <= entries <= " + (Integer.MAX_VALUE - 1)
                    + " and fewer than " + (1 << VERSION_BITS) + " versions, got " + entries + " entries");
        }
        SplittableRandom random = new SplittableRandom(seed);
        Instant start = now.minus(YEAR);
        long yearMicros = YEAR.toNanos() / 1000;

        // versions: owner deployment, number, creation time (micros after start)
        int[] ownerOf = new int[versions];
        int[] numberOf = new int[versions];
        long[] createdOf = new long[versions];
        int[] latestVersion = new int[deployments];
        int[] latestIndex = new int[deployments];
        int v = 0;
        for (int d = 0; d < deployments; d++) {
            int count = versionCount(d);
            long created = (long) (random.nextDouble() * 0.4 * yearMicros);
            for (int n = 1; n <= count; n++) {
                ownerOf[v] = d;
                numberOf[v] = n;
                createdOf[v] = created;
                latestIndex[d] = v;
                v++;
                created += (long) (random.nextDouble() * (yearMicros - created) * 0.5) + 1;
            }
            latestVersion[d] = count;
        }

        // entries per version: one each, the rest by a Zipf-like weight over a shuffled rank
        int[] entriesOf = distribute(entries, versions, random);
        long[] packed = new long[(int) entries];
        int e = 0;
        for (int i = 0; i < versions; i++) {
            packed[e++] = (createdOf[i] << VERSION_BITS) | i;
            long from = createdOf[i] + 1;
            long span = yearMicros - 1_000_000 - from;
            for (int k = 1; k < entriesOf[i]; k++) {
                packed[e++] = ((from + (long) (random.nextDouble() * span)) << VERSION_BITS) | i;
            }
        }
        Arrays.sort(packed);

        boolean[] endsDeleting = new boolean[versions];
        boolean[] endsDeleted = new boolean[versions];
        for (int i = 0; i < versions; i++) {
            boolean latest = numberOf[i] == latestVersion[ownerOf[i]];
            if (entriesOf[i] >= 3 && latest && latestVersion[ownerOf[i]] == 1 && mix(seed, i, -1) % 50 == 0) {
                endsDeleting[i] = true;
            } else if (entriesOf[i] >= 3 && !latest && mix(seed, i, -2) % 5 < 2) {
                endsDeleted[i] = true;
            }
        }

        JsonMapper json = JsonMapper.createDefault();
        long cutoffMicros = Math.max(0, yearMicros - eventRetention.toNanos() / 1000);
        String[] ids = new String[versions];
        DeploymentVersionRow[] rows = new DeploymentVersionRow[versions];
        int[] written = new int[versions];
        long events = 0;
        try (Connection db = database.connect()) {
            requireEmptySchema(db);
            db.setAutoCommit(false);
            insertWorkspaces(db, start, database.postgres());
            // versions as created; their final state is written after the history
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO deployment_version (id, workspace, name,"
                    + " entity_version, project, config, config_version, status, status_message, model_provider_id,"
                    + " created_by, created_at, updated_at, status_since) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < versions; i++) {
                    int d = ownerOf[i];
                    Instant created = start.plusNanos(createdOf[i] * 1000);
                    ids[i] = DeploymentIds.next();
                    boolean first = numberOf[i] == 1;
                    rows[i] = new DeploymentVersionRow(ids[i], workspace(d), name(d), numberOf[i],
                            d % 3 == 0 ? null : "project-" + d % 17, "config-" + d + "-v" + numberOf[i], numberOf[i],
                            first ? DeploymentStatus.CREATED : DeploymentStatus.PENDING,
                            first ? "Deployment created" : "Deployment update pending", null,
                            actor(seed, i, 0), created, created, created);
                    bindVersion(insert, rows[i]);
                    insert.addBatch();
                    if ((i + 1) % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement history = db.prepareStatement("INSERT INTO status_event (id, deployment_id, status,"
                    + " status_message, actor, source, recorded_at, model_provider_id) VALUES (?,?,?,?,?,?,?,?)");
                 PreparedStatement event = db.prepareStatement("INSERT INTO deployment_event (id, event_type,"
                         + " workspace, name, entity_version, recorded_at, payload) VALUES (?,?,?,?,?,?,?)")) {
                int pendingEvents = 0;
                for (int g = 0; g < packed.length; g++) {
                    long id = g + 1L;
                    int i = (int) (packed[g] & ((1 << VERSION_BITS) - 1));
                    long atMicros = packed[g] >>> VERSION_BITS;
                    Instant at = start.plusNanos(atMicros * 1000);
                    int k = written[i]++;
                    DeploymentEventType type;
                    if (k == 0) {
                        type = numberOf[i] == 1 ? DeploymentEventType.CREATED : DeploymentEventType.VERSION_CREATED;
                    } else {
                        DeploymentVersionRow before = rows[i];
                        DeploymentStatus status;
                        String message;
                        type = DeploymentEventType.STATUS_CHANGED;
                        int left = entriesOf[i] - k;
                        if ((endsDeleting[i] && left == 1) || (endsDeleted[i] && left == 2)) {
                            status = DeploymentStatus.DELETING;
                            message = "Deployment deletion requested";
                            type = DeploymentEventType.DELETED;
                        } else if (endsDeleted[i] && left == 1) {
                            status = DeploymentStatus.DELETED;
                            message = "Deployment deleted";
                        } else {
                            long r = mix(seed, i, k);
                            // one change in ten keeps the status with a new message
                            status = r % 10 == 0 ? before.status() : CHANGES[(int) ((r >>> 8) % CHANGES.length)];
                            if (status == DeploymentStatus.CREATED) {
                                status = DeploymentStatus.PENDING;
                            }
                            message = message(status, k, r);
                        }
                        String provider = mix(seed, i, -3) % 10 < 7
                                ? workspace(ownerOf[i]) + "/model-" + ownerOf[i] % 50 : null;
                        rows[i] = before.withStatus(status, message, provider, at);
                    }
                    DeploymentVersionRow row = rows[i];
                    String actor = k == 0 ? row.createdBy() : actor(seed, i, k);
                    ChangeSource source = actor.startsWith("ops-bot") ? ChangeSource.API : ChangeSource.GUI;
                    history.setLong(1, id);
                    history.setString(2, row.id());
                    history.setString(3, row.status().name());
                    history.setString(4, row.statusMessage());
                    history.setString(5, actor);
                    history.setString(6, source.wireName());
                    history.setTimestamp(7, Timestamp.from(at));
                    history.setString(8, row.modelProviderId());
                    history.addBatch();
                    if (atMicros >= cutoffMicros) {
                        StatusEventRow entry = new StatusEventRow(id, row.id(), row.status(), row.statusMessage(),
                                row.modelProviderId(), actor, source.wireName(), at);
                        ModelDeployment after = DeploymentService.toResource(row, List.of(entry));
                        DeploymentEvent payload = new DeploymentEvent(id, type, row.workspace(), row.name(),
                                row.entityVersion(), at, after);
                        event.setLong(1, id);
                        event.setString(2, type.wireName());
                        event.setString(3, row.workspace());
                        event.setString(4, row.name());
                        event.setInt(5, row.entityVersion());
                        event.setTimestamp(6, Timestamp.from(at));
                        event.setString(7, json.writeValueAsString(payload));
                        event.addBatch();
                        pendingEvents++;
                        events++;
                    }
                    if (id % BATCH == 0) {
                        history.executeBatch();
                        if (pendingEvents > 0) {
                            event.executeBatch();
                            pendingEvents = 0;
                        }
                    }
                    if (id % COMMIT_EVERY == 0) {
                        db.commit();
                    }
                }
                history.executeBatch();
                event.executeBatch();
            }
            try (PreparedStatement update = db.prepareStatement("UPDATE deployment_version SET status = ?,"
                    + " status_message = ?, model_provider_id = ?, updated_at = ?, status_since = ? WHERE id = ?")) {
                for (int i = 0; i < versions; i++) {
                    DeploymentVersionRow row = rows[i];
                    update.setString(1, row.status().name());
                    update.setString(2, row.statusMessage());
                    update.setString(3, row.modelProviderId());
                    update.setTimestamp(4, Timestamp.from(row.updatedAt()));
                    update.setTimestamp(5, Timestamp.from(row.statusSince()));
                    update.setString(6, row.id());
                    update.addBatch();
                    if ((i + 1) % BATCH == 0) {
                        update.executeBatch();
                    }
                }
                update.executeBatch();
            }
            try (Statement statement = db.createStatement()) {
                statement.executeUpdate("UPDATE event_sequence SET last_id = " + entries + " WHERE id = 1");
                statement.executeUpdate("ALTER TABLE status_event ALTER COLUMN id RESTART WITH " + (entries + 1));
            }
            db.commit();
            try (Statement statement = db.createStatement()) {
                // PostgreSQL plans by the statistics of what it holds; H2 writes its file out on shutdown
                statement.execute(database.postgres() ? "ANALYZE" : "SHUTDOWN");
            }
        }
        int[] latestHistory = new int[deployments];
        boolean[] latestDeleting = new boolean[deployments];
        for (int d = 0; d < deployments; d++) {
            latestHistory[d] = entriesOf[latestIndex[d]];
            latestDeleting[d] = endsDeleting[latestIndex[d]];
        }
        return new Summary(deployments, versions, entries, events, latestVersion, latestHistory, latestDeleting, now,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** At least one entry per version; the rest in proportion to 1/rank^0.8 over a random order of the versions. */
    private static int[] distribute(long entries, int versions, SplittableRandom random) {
        int[] rank = new int[versions];
        for (int i = 0; i < versions; i++) {
            rank[i] = i + 1;
        }
        for (int i = versions - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = rank[i];
            rank[i] = rank[j];
            rank[j] = swap;
        }
        double total = 0;
        for (int i = 0; i < versions; i++) {
            total += Math.pow(rank[i], -0.8);
        }
        long rest = entries - versions;
        int[] counts = new int[versions];
        long given = 0;
        for (int i = 0; i < versions; i++) {
            counts[i] = 1 + (int) (rest * Math.pow(rank[i], -0.8) / total);
            given += counts[i];
        }
        // what rounding left over goes to the versions in turn
        for (int i = 0; given < entries; i = (i + 1) % versions) {
            counts[i]++;
            given++;
        }
        return counts;
    }

    private static void requireEmptySchema(Connection db) throws SQLException {
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM deployment_version")) {
            rows.next();
            if (rows.getLong(1) != 0) {
                throw new IllegalStateException("the database already holds deployments: generate into a new one");
            }
        } catch (SQLException e) {
            if (e.getMessage().contains("not found") || e.getMessage().contains("does not exist")) {
                throw new IllegalStateException("no schema in the database: start the server on the data directory "
                        + "once before generating", e);
            }
            throw e;
        }
    }

    private static void insertWorkspaces(Connection db, Instant start, boolean postgres) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(postgres
                ? "INSERT INTO workspace (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING"
                : "MERGE INTO workspace (name, created_at) KEY (name) VALUES (?, ?)")) {
            for (String workspace : WORKSPACES) {
                insert.setString(1, workspace);
                insert.setTimestamp(2, Timestamp.from(start));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void bindVersion(PreparedStatement insert, DeploymentVersionRow row) throws SQLException {
        insert.setString(1, row.id());
        insert.setString(2, row.workspace());
        insert.setString(3, row.name());
        insert.setInt(4, row.entityVersion());
        insert.setString(5, row.project());
        insert.setString(6, row.config());
        insert.setInt(7, row.configVersion());
        insert.setString(8, row.status().name());
        insert.setString(9, row.statusMessage());
        insert.setString(10, row.modelProviderId());
        insert.setString(11, row.createdBy());
        insert.setTimestamp(12, Timestamp.from(row.createdAt()));
        insert.setTimestamp(13, Timestamp.from(row.updatedAt()));
        insert.setTimestamp(14, Timestamp.from(row.statusSince()));
    }

    private static String actor(long seed, int version, int k) {
        return mix(seed, version, k + 1_000_000) % 10 == 0 ? "alice@example.com" : "ops-bot";
    }

    private static String message(DeploymentStatus status, int k, long r) {
        return switch (status) {
            case READY -> "Serving: " + (1 + r % 8) + "/" + (1 + r % 8) + " replicas ready (change " + k + ")";
            case PENDING -> "Rolling out: pulling image, " + (r % 100) + "% done (change " + k + ")";
            case ERROR -> "CrashLoopBackOff: container exited with code " + (1 + r % 137) + " (change " + k + ")";
            case LOST -> "No heartbeat from the model server for " + (60 + r % 600) + " s (change " + k + ")";
            default -> "Controller restarted; state not yet known (change " + k + ")";
        };
    }

    /** A non-negative pseudo-random number of (seed, version, k): splitmix64's finalizer. */
    private static long mix(long seed, int version, int k) {
        long z = seed + 0x9E3779B97F4A7C15L * (version * 0x100000001L + k + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 1;
    }
}

package io.modeldeploy.server.service;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.modeldeploy.server.error.DiskFull;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Makes every committed change durable before it is acknowledged. H2 writes committed data to its
 * file from a background thread within WRITE_DELAY (that thread also compacts the file, which
 * WRITE_DELAY=0 would switch off: the file then grows by every commit). So after each writing
 * transaction commits, a CHECKPOINT writes everything committed so far to the file before the
 * request is answered; concurrent commits share one write. The file write reaches the operating
 * system, so an acknowledged change survives a crash of the process (kill -9).
 * Only then are the new events announced to subscribers. (PostgreSQL makes a commit durable
 * itself; see {@link PostgresEventNotifications}.)
 *
 * <p>The checkpoint runs on a connection of its own, outside the pool and kept for the life of the
 * server: a committing transaction still holds its pooled connection here, and asking the pool for
 * a second one exhausts it under load (every connection held by a transaction waiting for one).
 *
 * <p>When a checkpoint fails (a full disk: H2 then closes the database and drops what was not yet
 * written), the write is answered as not saved, and {@link #ready()} turns false: writes are refused
 * until a background task has the database open again, shared by this connection and the pool, and
 * a checkpoint succeeds.
 */
@Singleton
@Requires(property = "datasources.default.dialect", value = "H2")
public class DurableCommits {
    private static final Logger LOG = LoggerFactory.getLogger(DurableCommits.class);
    private static final Duration REOPEN_PAUSE = Duration.ofSeconds(1);
    private final HikariDataSource pool;
    private final ApplicationEventPublisher<EventsReadable> publisher;
    private final ScheduledExecutorService reopener = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "modeldeploy-database-reopen");
        thread.setDaemon(true);
        return thread;
    });
    private Connection connection;
    /** Set when a checkpoint failed: writes are refused until {@link #reopen} has the database back. */
    private volatile boolean broken;
    private ScheduledFuture<?> reopening;

    public DurableCommits(DataSource dataSource, ApplicationEventPublisher<EventsReadable> publisher) {
        this.pool = (HikariDataSource) DelegatingDataSource.unwrapDataSource(dataSource);
        this.publisher = publisher;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onCommit(DeploymentEventLog.EventsCommitted committed) {
        checkpoint();
        publisher.publishEvent(EventsReadable.INSTANCE);
    }

    /** Writes everything committed so far to the database file. */
    public synchronized void checkpoint() {
        try {
            execute();
        } catch (SQLException first) {
            closeConnection();
            if (DiskFull.isCause(first)) {
                // H2 closes the database when it cannot write: what was committed since the last
                // checkpoint is not in the file, and is gone when the database is opened again.
                startReopening("no space left on its disk");
                throw DiskFull.unavailable("The disk of the data directory is full: the change could not be written"
                        + " to the database and was not saved. Retry once space is freed; reads go on.");
            }
            try {
                execute();
            } catch (SQLException e) {
                e.addSuppressed(first);
                startReopening(e.getMessage());
                throw new IllegalStateException("Could not write committed changes to the database file", e);
            }
        }
    }

    /**
     * Whether a write may begin: false from a failed checkpoint until the database is open and
     * writable again. Asked before each write (without blocking), so that a write is refused rather
     * than committed and then not made durable.
     */
    public boolean ready() {
        return !broken;
    }

    private void execute() throws SQLException {
        if (connection == null) {
            connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
    }

    private void startReopening(String why) {
        if (!broken) {
            LOG.error("Writing to the database file failed ({}); writes are refused until it is open and writable again",
                    why);
        }
        broken = true;
        if (reopening == null || reopening.isDone()) {
            reopening = reopener.scheduleWithFixedDelay(this::reopen, REOPEN_PAUSE.toMillis(), REOPEN_PAUSE.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * After a failed write H2 has closed the database; the pool's next connections open it again in
     * an instance of their own, which the checkpoint connection cannot join (the file is locked). So
     * the pool's connections are replaced until the checkpoint connection and a pooled one are
     * sessions of one database, and a checkpoint succeeds: then writes are accepted again.
     */
    private synchronized void reopen() {
        closeConnection();
        try (Connection pooled = pool.getConnection()) {
            long pooledSession;
            try (Statement statement = pooled.createStatement();
                 ResultSet session = statement.executeQuery("SELECT SESSION_ID()")) {
                session.next();
                pooledSession = session.getLong(1);
            }
            execute();
            try (Statement statement = connection.createStatement();
                 ResultSet shared = statement.executeQuery(
                         "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = " + pooledSession)) {
                shared.next();
                if (shared.getLong(1) != 1) {
                    throw new SQLException("the pool holds another instance of the database");
                }
            }
        } catch (SQLException e) {
            closeConnection();
            pool.getHikariPoolMXBean().softEvictConnections();
            LOG.debug("The database is not writable yet: {}", e.getMessage());
            return;
        }
        broken = false;
        reopening.cancel(false);
        LOG.info("The database file is writable again: writes are accepted");
    }

    @PreDestroy
    void stop() {
        reopener.shutdownNow();
        closeConnection();
    }

    synchronized void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the pool is closing anyway
            }
            connection = null;
        }
    }
}

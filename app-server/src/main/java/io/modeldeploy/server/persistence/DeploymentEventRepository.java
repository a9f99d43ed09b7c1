package io.modeldeploy.server.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.H2)
public interface DeploymentEventRepository extends GenericRepository<DeploymentEventRow, Long> {

    /** Takes the next {@code count} event ids; the row lock it leaves is held until the transaction ends. */
    @Query("UPDATE event_sequence SET last_id = last_id + :count WHERE id = 1")
    void advanceSequence(int count);

    @Query("SELECT last_id FROM event_sequence WHERE id = 1")
    long lastId();

    List<DeploymentEventRow> saveAll(Iterable<DeploymentEventRow> events);

    @Query("SELECT * FROM deployment_event WHERE id > :afterId ORDER BY id LIMIT :limit")
    List<DeploymentEventRow> findAfter(long afterId, int limit);

    /** The oldest event kept; empty when none is. */
    @Query("SELECT MIN(id) FROM deployment_event")
    Optional<Long> oldestId();

    /** The newest event recorded before {@code cutoff}; empty when none was. */
    @Query("SELECT MAX(id) FROM deployment_event WHERE recorded_at < :cutoff")
    Optional<Long> newestIdBefore(Instant cutoff);

    @Query("DELETE FROM deployment_event WHERE id >= :fromId AND id <= :toId")
    int deleteRange(long fromId, long toId);
}

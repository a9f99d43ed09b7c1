package io.modeldeploy.server.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** Status events are only ever inserted and read; they go away with their version (ON DELETE CASCADE). */
@JdbcRepository(dialect = Dialect.H2)
public interface StatusEventRepository extends GenericRepository<StatusEventRow, Long> {

    StatusEventRow save(StatusEventRow event);

    /** The newest {@code limit} entries, newest first. */
    @Query("SELECT * FROM status_event WHERE deployment_id = :deploymentId ORDER BY id DESC LIMIT :limit")
    List<StatusEventRow> findNewest(String deploymentId, int limit);

    @Query("SELECT * FROM status_event WHERE deployment_id = :deploymentId ORDER BY id LIMIT :limit OFFSET :offset")
    List<StatusEventRow> findPage(String deploymentId, long offset, int limit);

    long countByDeploymentId(String deploymentId);
}

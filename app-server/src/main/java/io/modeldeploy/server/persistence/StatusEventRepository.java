package io.modeldeploy.server.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/** Status events are only ever inserted and read; they go away with their version (ON DELETE CASCADE). */
@JdbcRepository(dialect = Dialect.H2)
public interface StatusEventRepository extends GenericRepository<StatusEventRow, Long> {

    StatusEventRow save(StatusEventRow event);

    long countByDeploymentId(String deploymentId);
}

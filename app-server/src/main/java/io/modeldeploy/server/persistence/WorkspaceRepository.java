package io.modeldeploy.server.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

/** Workspaces exist implicitly: a deployment creates its workspace; 'default' always exists. */
@JdbcRepository(dialect = Dialect.H2)
public interface WorkspaceRepository extends GenericRepository<WorkspaceRow, String> {

    @Query("SELECT COUNT(*) > 0 FROM workspace WHERE name = :name")
    boolean exists(String name);

    @Query("INSERT INTO workspace (name, created_at) VALUES (:name, :createdAt)")
    void insert(String name, Instant createdAt);

    /** Serializes creating deployments and versions within one workspace. */
    @Query("SELECT * FROM workspace WHERE name = :name FOR UPDATE")
    Optional<WorkspaceRow> lock(String name);
}

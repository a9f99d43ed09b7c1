package io.modeldeploy.server.persistence;

/** The database was migrated by a newer release than this one; it is left as it is. */
public final class NewerSchemaException extends RuntimeException {

    public NewerSchemaException(String databaseVersion, String newestKnown) {
        super("it was written by a newer ModelDeploy release (its schema is at version " + databaseVersion
                + ", this release knows versions up to " + newestKnown + ") and is left untouched. Run that"
                + " release on it, or restore a backup made with this one");
    }
}

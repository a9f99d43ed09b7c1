package io.modeldeploy.server.service;

/**
 * New deployment events may be in the event table: published once a commit of this server is
 * durable, and (on PostgreSQL) when another server instance announces a commit. Listeners read the
 * table; this event carries nothing.
 */
public enum EventsReadable {
    INSTANCE
}

-- The change log behind the event stream: one row per committed change, replayed by id.
-- event_sequence hands out the ids: its single row stays locked until the writing transaction
-- commits, so ids increase in commit order and a reader never sees id N+1 before N.
CREATE TABLE event_sequence (
    id      INTEGER NOT NULL PRIMARY KEY,
    last_id BIGINT  NOT NULL,
    CONSTRAINT event_sequence_single_row CHECK (id = 1)
);

INSERT INTO event_sequence (id, last_id) VALUES (1, 0);

CREATE TABLE deployment_event (
    id             BIGINT        NOT NULL PRIMARY KEY,
    event_type     VARCHAR(20)   NOT NULL,
    workspace      VARCHAR(255)  NOT NULL,
    name           VARCHAR(255)  NOT NULL,
    entity_version INTEGER       NOT NULL,
    recorded_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    payload        VARCHAR(20000) NOT NULL,
    CONSTRAINT deployment_event_type CHECK (event_type IN
        ('created', 'status_changed', 'version_created', 'deleted', 'purged'))
);

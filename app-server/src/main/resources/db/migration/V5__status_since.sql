-- When the current status of a version began: the time of the history entry that set it (a change
-- of message alone does not move it). Existing versions take it from their history: the first entry
-- after the newest one in another status; a version without history, its creation time.
ALTER TABLE deployment_version ADD COLUMN status_since TIMESTAMP(6) WITH TIME ZONE;

UPDATE deployment_version d SET status_since = (
    SELECT MIN(e.recorded_at) FROM status_event e
    WHERE e.deployment_id = d.id
      AND e.id > COALESCE((SELECT MAX(o.id) FROM status_event o
                           WHERE o.deployment_id = d.id AND o.status <> d.status), 0));

UPDATE deployment_version SET status_since = created_at WHERE status_since IS NULL;

ALTER TABLE deployment_version ALTER COLUMN status_since SET NOT NULL;

-- The attention query: versions in a status since before that status's limit.
CREATE INDEX deployment_version_by_status_since ON deployment_version (status, status_since);

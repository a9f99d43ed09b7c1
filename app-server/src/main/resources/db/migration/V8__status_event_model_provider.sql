-- The model provider reference as it was when each history entry was recorded, for the history
-- export. Entries recorded before this column existed take their version's current reference, the
-- best that is known of them.
ALTER TABLE status_event ADD COLUMN model_provider_id VARCHAR(510);

UPDATE status_event e SET model_provider_id = (
    SELECT d.model_provider_id FROM deployment_version d WHERE d.id = e.deployment_id)
WHERE e.deployment_id IN (SELECT id FROM deployment_version WHERE model_provider_id IS NOT NULL);

-- The fleet's history export reads every entry in time order, a page after the last one read.
CREATE INDEX status_event_by_time ON status_event (recorded_at, id);

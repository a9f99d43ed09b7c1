-- Old events are pruned by age (modeldeploy.events.retention).
CREATE INDEX deployment_event_by_time ON deployment_event (recorded_at);

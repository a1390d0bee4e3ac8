-- Retention (issue 14): the pruning job deletes finished deliveries, webhook attempts and digests older
-- than their periods; these indexes let it find them without reading the whole tables.
CREATE INDEX delivery_created_idx ON notifier.delivery (created_at) WHERE status IN ('sent', 'failed', 'suppressed');
CREATE INDEX webhook_attempt_attempted_idx ON notifier.webhook_attempt (attempted_at);
CREATE INDEX digest_created_idx ON notifier.digest (created_at) WHERE status IN ('sent', 'failed', 'suppressed');

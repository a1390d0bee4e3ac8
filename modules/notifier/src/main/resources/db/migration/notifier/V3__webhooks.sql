-- Webhooks partners can rely on: rotation with an overlap, endpoint health, a rate limit per endpoint and
-- the log of every attempt. Every statement names the schema.

ALTER TABLE notifier.partner
    -- messages per second; NULL: herald.notifier.webhooks.rate-limit
    ADD COLUMN rate_limit                 integer CHECK (rate_limit BETWEEN 1 AND 10000),
    -- the secret before the last rotation, sealed like secret_sealed, still signed with until it expires
    ADD COLUMN previous_secret_sealed     bytea,
    ADD COLUMN previous_secret_expires_at timestamptz,
    -- the first failed attempt since the last success; NULL while the endpoint is healthy
    ADD COLUMN failing_since              timestamptz,
    ADD COLUMN last_success_at            timestamptz;

-- One row per HTTP attempt of a webhook (deferrals by the rate limit are not attempts).
CREATE TABLE notifier.webhook_attempt (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id  uuid        NOT NULL REFERENCES notifier.delivery (id) ON DELETE CASCADE,
    partner_id   uuid        NOT NULL,
    attempt      integer     NOT NULL,
    attempted_at timestamptz NOT NULL DEFAULT now(),
    status_code  integer,
    latency_ms   integer     NOT NULL,
    error        text
);

CREATE INDEX webhook_attempt_partner_idx ON notifier.webhook_attempt (partner_id, attempted_at DESC, id DESC);
CREATE INDEX webhook_attempt_delivery_idx ON notifier.webhook_attempt (delivery_id);
CREATE INDEX delivery_failed_idx ON notifier.delivery (channel, recipient_id, created_at) WHERE status = 'failed';

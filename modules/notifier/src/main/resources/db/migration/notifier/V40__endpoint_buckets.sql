-- Per-endpoint webhook limits shared by every notifier instance (ADR 7): a token bucket per partner,
-- taken from in the claim's transaction under the row's lock. The requests under way to an endpoint are
-- its claimed ('sending') webhook deliveries, counted in the same transaction. Every statement names the schema.

CREATE TABLE notifier.endpoint_bucket (
    partner_id  uuid             PRIMARY KEY REFERENCES notifier.partner (id) ON DELETE CASCADE,
    -- tokens left, up to the endpoint's rate limit (a second's worth of burst)
    tokens      double precision NOT NULL,
    refilled_at timestamptz      NOT NULL
);

CREATE INDEX delivery_sending_recipient_idx ON notifier.delivery (channel, recipient_id) WHERE status = 'sending';

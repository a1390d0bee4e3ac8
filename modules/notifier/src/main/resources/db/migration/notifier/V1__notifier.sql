-- The notifier's tables. Every statement names the schema, so the notifier can share a database (and a
-- connection pool) with the other services.

CREATE TABLE notifier.member (
    id           uuid         PRIMARY KEY,
    email        varchar(254) NOT NULL,
    name         varchar(200),
    organisation varchar(200),
    created_at   timestamptz  NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX member_email_key ON notifier.member (lower(email));

CREATE TABLE notifier.subscription (
    id            uuid        PRIMARY KEY,
    position      bigint      GENERATED ALWAYS AS IDENTITY, -- the order they were given in
    member_id     uuid        NOT NULL REFERENCES notifier.member (id) ON DELETE CASCADE,
    tags          text[]      NOT NULL,
    match_mode    varchar(3)  NOT NULL CHECK (match_mode IN ('any', 'all')),
    min_relevance smallint    NOT NULL CHECK (min_relevance BETWEEN 0 AND 3),
    frequency     varchar(9)  NOT NULL CHECK (frequency IN ('immediate', 'daily', 'weekly')),
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX subscription_member_idx ON notifier.subscription (member_id);
CREATE INDEX subscription_tags_idx ON notifier.subscription USING gin (tags);

CREATE TABLE notifier.partner (
    id              uuid          PRIMARY KEY,
    name            varchar(200)  NOT NULL,
    url             varchar(2048) NOT NULL,
    contact_email   varchar(254)  NOT NULL,
    tags            text[]        NOT NULL,
    match_mode      varchar(3)    NOT NULL CHECK (match_mode IN ('any', 'all')),
    min_relevance   smallint      NOT NULL CHECK (min_relevance BETWEEN 0 AND 3),
    -- AES-256-GCM of the signing secret: version byte, 12-byte nonce, ciphertext and tag; the partner's
    -- id is the associated data, so a sealed secret copied to another row does not open.
    secret_sealed   bytea         NOT NULL,
    enabled         boolean       NOT NULL DEFAULT true,
    disabled_reason text,
    created_at      timestamptz   NOT NULL DEFAULT now()
);

-- The tagged announcements the notifier has taken in, as received (the AnnouncementTagged JSON).
CREATE TABLE notifier.announcement (
    id          uuid        PRIMARY KEY,
    payload     jsonb       NOT NULL,
    relevance   smallint    NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);

-- The delivery ledger: one row per (announcement, channel, recipient), written before anything is sent.
-- pending -> sending (claimed, committed before the send) -> sent | pending (retry) | failed.
CREATE TABLE notifier.delivery (
    id              uuid          PRIMARY KEY,
    announcement_id uuid          NOT NULL REFERENCES notifier.announcement (id),
    channel         varchar(7)    NOT NULL CHECK (channel IN ('email', 'webhook')),
    recipient_id    uuid          NOT NULL,
    recipient       varchar(2048) NOT NULL,
    matched_tags    text[]        NOT NULL,
    status          varchar(7)    NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts        integer       NOT NULL DEFAULT 0,
    last_error      text,
    next_attempt_at timestamptz   NOT NULL,
    claimed_at      timestamptz,
    claim_token     uuid,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    CONSTRAINT delivery_once UNIQUE (announcement_id, channel, recipient_id)
);

CREATE INDEX delivery_due_idx ON notifier.delivery (channel, next_attempt_at) WHERE status = 'pending';
CREATE INDEX delivery_claimed_idx ON notifier.delivery (channel, claimed_at) WHERE status = 'sending';
CREATE INDEX delivery_recipient_idx ON notifier.delivery (channel, recipient_id);

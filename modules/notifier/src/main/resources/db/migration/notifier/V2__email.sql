-- Email that members want (issue 5): suppressed addresses, suppressed deliveries, digests.

-- A permanent SMTP failure (5xx for the recipient) suppresses the member's address until an admin clears it.
ALTER TABLE notifier.member ADD COLUMN suppressed_at timestamptz;
ALTER TABLE notifier.member ADD COLUMN suppressed_reason text;

-- 'suppressed': not sent on purpose (the recipient allowlist of a non-production system, or a suppressed
-- address). Widened check; the column grows for the longer name.
ALTER TABLE notifier.delivery DROP CONSTRAINT delivery_status_check;
ALTER TABLE notifier.delivery ALTER COLUMN status TYPE varchar(10);
ALTER TABLE notifier.delivery ADD CONSTRAINT delivery_status_check
    CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'suppressed'));

-- A digest: one email per (member, frequency, period), the period named by the scheduled time that ends it.
-- The unique key is the claim: whichever run inserts the row sends it; every other run (a second instance, a
-- repeat) inserts nothing. Retries of a digest whose send failed for now work like the delivery ledger's.
CREATE TABLE notifier.digest (
    id              uuid        PRIMARY KEY,
    member_id       uuid        NOT NULL REFERENCES notifier.member (id) ON DELETE CASCADE,
    frequency       varchar(6)  NOT NULL CHECK (frequency IN ('daily', 'weekly')),
    period_end      timestamptz NOT NULL,
    recipient       varchar(254) NOT NULL,
    status          varchar(10) NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'suppressed')),
    attempts        integer     NOT NULL DEFAULT 0,
    last_error      text,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claimed_at      timestamptz,
    claim_token     uuid,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    CONSTRAINT digest_once UNIQUE (member_id, frequency, period_end)
);

CREATE INDEX digest_due_idx ON notifier.digest (next_attempt_at) WHERE status IN ('pending', 'sending');

-- Matches waiting for a digest, recorded at intake in the same transaction as the announcement. One per
-- (member, announcement): an announcement reaches a member once, at the most frequent of the frequencies of
-- their matching subscriptions. digest_id is set when a digest takes the item.
CREATE TABLE notifier.digest_item (
    member_id       uuid        NOT NULL REFERENCES notifier.member (id) ON DELETE CASCADE,
    announcement_id uuid        NOT NULL REFERENCES notifier.announcement (id),
    frequency       varchar(6)  NOT NULL CHECK (frequency IN ('daily', 'weekly')),
    matched_tags    text[]      NOT NULL,
    digest_id       uuid        REFERENCES notifier.digest (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (member_id, announcement_id)
);

CREATE INDEX digest_item_waiting_idx ON notifier.digest_item (frequency, member_id) WHERE digest_id IS NULL;

-- Announcement revisions (ADR 6): a delivery is one event about an announcement — published (revision 0),
-- updated (revision n) or commented (commentary n) — to one recipient over one channel. Every existing row is
-- the published, 0 event it was. Every statement names the schema.

ALTER TABLE notifier.delivery
    ADD COLUMN event_kind     varchar(9) NOT NULL DEFAULT 'published'
        CHECK (event_kind IN ('published', 'updated', 'commented')),
    ADD COLUMN event_revision integer    NOT NULL DEFAULT 0 CHECK (event_revision >= 0);
ALTER TABLE notifier.delivery DROP CONSTRAINT delivery_once;
ALTER TABLE notifier.delivery ADD CONSTRAINT delivery_once
    UNIQUE (announcement_id, event_kind, event_revision, channel, recipient_id);

-- notifier.announcement keeps the latest revision taken in (what a digest and commentary render); each
-- revision as received is kept here, so a delivery renders the revision it carries even after a later one came.
ALTER TABLE notifier.announcement ADD COLUMN revision integer NOT NULL DEFAULT 0;
UPDATE notifier.announcement SET revision = COALESCE((payload ->> 'revision')::integer, 0);

CREATE TABLE notifier.announcement_revision (
    announcement_id uuid        NOT NULL REFERENCES notifier.announcement (id),
    revision        integer     NOT NULL CHECK (revision >= 0),
    payload         jsonb       NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (announcement_id, revision)
);
INSERT INTO notifier.announcement_revision (announcement_id, revision, payload, received_at)
    SELECT id, revision, payload, received_at FROM notifier.announcement;

-- A digest item is an event too: a major update or a commentary waits for the next digest like the
-- announcement did; the digest shows the announcement once, at its latest revision.
ALTER TABLE notifier.digest_item
    ADD COLUMN event_kind     varchar(9) NOT NULL DEFAULT 'published'
        CHECK (event_kind IN ('published', 'updated', 'commented')),
    ADD COLUMN event_revision integer    NOT NULL DEFAULT 0 CHECK (event_revision >= 0);
ALTER TABLE notifier.digest_item DROP CONSTRAINT digest_item_pkey;
ALTER TABLE notifier.digest_item ADD PRIMARY KEY (member_id, announcement_id, event_kind, event_revision);

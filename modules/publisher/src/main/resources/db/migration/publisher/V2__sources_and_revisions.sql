-- Revisions: the latest revision written of each announcement (0 = as first published), the source and a
-- SHA-256 of that revision's content (a post from the same source with other content is an update), and
-- the time the source gave for it (GOV.UK's public time: an update from any source is published once).
ALTER TABLE publisher.published_announcement
    ADD COLUMN revision       integer     NOT NULL DEFAULT 0,
    ADD COLUMN content_source text,
    ADD COLUMN content_hash   text,
    ADD COLUMN changed_at     timestamptz,
    ADD COLUMN revised_at     timestamptz;

-- The sources polled for announcements (GOV.UK Atom feeds, the GOV.UK Search API, other RSS/Atom feeds),
-- managed through /api/v1/sources, with their polling state and status.
CREATE TABLE publisher.source (
    id                   uuid        PRIMARY KEY,
    name                 text        NOT NULL UNIQUE,
    kind                 text        NOT NULL,
    url                  text        NOT NULL,
    poll_interval_ms     bigint      NOT NULL,
    enabled              boolean     NOT NULL,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    -- When the next poll is due; a poller claims a source by moving it forward (one poller per source).
    next_poll_at         timestamptz NOT NULL,
    last_poll_at         timestamptz,
    last_success_at      timestamptz,
    last_error           text,
    last_error_at        timestamptz,
    consecutive_failures integer     NOT NULL DEFAULT 0,
    entries_seen         bigint      NOT NULL DEFAULT 0,
    -- The newest entry time seen: how far back a Search API source pages after an outage.
    last_entry_at        timestamptz,
    possible_gap         text,
    possible_gap_at      timestamptz,
    -- The validators of the last document read, for a conditional GET.
    etag                 text,
    last_modified        text
);

-- Every entry a source has listed, by the source's own key for it (GOV.UK Atom: the entry id, which
-- carries the page's update time; Search API: link and public timestamp; other feeds: id and updated
-- time): an entry seen is never announced again, after a restart too; a new key for an announcement
-- this source listed before is an update of it.
CREATE TABLE publisher.source_entry (
    source_id       uuid        NOT NULL REFERENCES publisher.source (id) ON DELETE CASCADE,
    entry_key       text        NOT NULL,
    announcement_id uuid        NOT NULL,
    entry_at        timestamptz,
    outcome         text        NOT NULL,
    seen_at         timestamptz NOT NULL,
    PRIMARY KEY (source_id, entry_key)
);

CREATE INDEX source_entry_by_announcement ON publisher.source_entry (source_id, announcement_id);

-- The ids of the announcements the publisher has written to the announcements topic: a row exists
-- exactly when the broker acknowledged the record (see PublishedAnnouncements).
CREATE TABLE publisher.published_announcement (
    id            uuid        PRIMARY KEY,
    canonical_url text        NOT NULL,
    source        text        NOT NULL,
    external_id   text,
    received_at   timestamptz NOT NULL
);

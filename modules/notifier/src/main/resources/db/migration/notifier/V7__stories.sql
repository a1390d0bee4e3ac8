-- Follow a story (issue 13): a member follows an announcement from a signed link in an email and hears about
-- every announcement that follows it up, whatever their tags. A follow-up is itself followed by the followers
-- of what it follows up, so they hear of the follow-ups of the follow-ups too. Unsubscribing from everything
-- ends every story followed.
CREATE TABLE notifier.story_follower (
    member_id       uuid        NOT NULL REFERENCES notifier.member (id) ON DELETE CASCADE,
    announcement_id uuid        NOT NULL REFERENCES notifier.announcement (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (member_id, announcement_id)
);

CREATE INDEX story_follower_announcement_idx ON notifier.story_follower (announcement_id);

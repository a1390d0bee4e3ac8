-- Tags that imply tags (issue 13): the tagger marks a tag implied when it follows from another tag
-- through the taxonomy (critical-minerals implies aluminium). A subscription or a partner's filter
-- counts implied tags unless it says otherwise.
ALTER TABLE notifier.subscription ADD COLUMN include_implied boolean NOT NULL DEFAULT true;
ALTER TABLE notifier.partner ADD COLUMN include_implied boolean NOT NULL DEFAULT true;

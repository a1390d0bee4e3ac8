-- Consent (issue 14, UK GDPR / PECR): when a member agreed to be emailed, how the agreement was taken
-- ('admin-api', 'import' or 'form') and the version of the wording they agreed to. Members added before
-- this column existed have none recorded (NULL): they were added through the admin API, at created_at.
ALTER TABLE notifier.member
    ADD COLUMN consent_at      timestamptz,
    ADD COLUMN consent_method  varchar(9) CHECK (consent_method IN ('admin-api', 'import', 'form')),
    ADD COLUMN consent_wording varchar(100);

UPDATE notifier.member SET consent_at = created_at, consent_method = 'admin-api' WHERE consent_at IS NULL;

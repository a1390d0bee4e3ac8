-- The association's commentary (issue 13, ADR 6): "what this means for members", markdown, every version kept,
-- numbered per announcement. A version added after the fan-out is the ledger's event 'commented' of that number.
CREATE TABLE notifier.commentary (
    announcement_id uuid        NOT NULL REFERENCES notifier.announcement (id),
    seq             integer     NOT NULL CHECK (seq >= 1),
    text            text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (announcement_id, seq)
);

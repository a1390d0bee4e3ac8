-- The console's gates (issue 17): an announcement's fan-out held for staff, and a global pause of sending.
-- Neither changes the ledger: the dispatcher's claim and the digest run skip what a gate holds, so
-- lifting the gate sends everything that waited.

-- One row per announcement that met the hold threshold at intake. 'held': its deliveries and digest items
-- wait; 'approved': they go; 'cancelled': they never go (its pending deliveries are marked suppressed).
CREATE TABLE notifier.announcement_hold (
    announcement_id uuid        PRIMARY KEY REFERENCES notifier.announcement (id),
    state           varchar(9)  NOT NULL CHECK (state IN ('held', 'approved', 'cancelled')),
    reason          text        NOT NULL,
    recipients      integer     NOT NULL,
    held_at         timestamptz NOT NULL DEFAULT now(),
    decided_at      timestamptz
);

CREATE INDEX announcement_hold_waiting_idx ON notifier.announcement_hold (announcement_id)
    WHERE state IN ('held', 'cancelled');

-- The global pause: one row, true while sending is paused.
CREATE TABLE notifier.sending_state (
    only_row   boolean     PRIMARY KEY DEFAULT true CHECK (only_row),
    paused     boolean     NOT NULL DEFAULT false,
    changed_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO notifier.sending_state (only_row, paused) VALUES (true, false);

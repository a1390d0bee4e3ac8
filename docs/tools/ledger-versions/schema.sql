-- The delivery ledger's claim and sent mark in four schemas, to count what each costs PostgreSQL per
-- email (docs/performance.md, "The ledger's row versions, measured apart"). Loaded by run.sh.
DROP SCHEMA IF EXISTS a CASCADE; DROP SCHEMA IF EXISTS b CASCADE; DROP SCHEMA IF EXISTS c CASCADE; DROP SCHEMA IF EXISTS d CASCADE;
CREATE SCHEMA a; CREATE SCHEMA b; CREATE SCHEMA c; CREATE SCHEMA d;
-- a: today's ledger (V1, V3, V11, V40 indexes)
CREATE TABLE a.delivery (
    id uuid PRIMARY KEY, announcement_id uuid NOT NULL, channel varchar(7) NOT NULL, recipient_id uuid NOT NULL,
    recipient varchar(2048) NOT NULL, matched_tags text[] NOT NULL, status varchar(10) NOT NULL, attempts integer NOT NULL DEFAULT 0,
    last_error text, next_attempt_at timestamptz NOT NULL, claimed_at timestamptz, claim_token uuid,
    created_at timestamptz NOT NULL DEFAULT now(), sent_at timestamptz,
    CONSTRAINT a_delivery_once UNIQUE (announcement_id, channel, recipient_id));
CREATE INDEX ON a.delivery (channel, next_attempt_at) WHERE status = 'pending';
CREATE INDEX ON a.delivery (channel, claimed_at) WHERE status = 'sending';
CREATE INDEX ON a.delivery (channel, recipient_id);
CREATE INDEX ON a.delivery (channel, recipient_id, created_at) WHERE status = 'failed';
CREATE INDEX ON a.delivery (created_at) WHERE status IN ('sent', 'failed', 'suppressed');
CREATE INDEX ON a.delivery (channel, recipient_id) WHERE status = 'sending';
-- c: the same, the in-flight index for webhooks only
CREATE TABLE c.delivery (LIKE a.delivery INCLUDING DEFAULTS, PRIMARY KEY (id), UNIQUE (announcement_id, channel, recipient_id));
CREATE INDEX ON c.delivery (channel, next_attempt_at) WHERE status = 'pending';
CREATE INDEX ON c.delivery (channel, claimed_at) WHERE status = 'sending';
CREATE INDEX ON c.delivery (channel, recipient_id);
CREATE INDEX ON c.delivery (channel, recipient_id, created_at) WHERE status = 'failed';
CREATE INDEX ON c.delivery (created_at) WHERE status IN ('sent', 'failed', 'suppressed');
CREATE INDEX ON c.delivery (recipient_id) WHERE channel = 'webhook' AND status = 'sending';
-- b: the claim in a narrow table of its own; the delivery row changes once, pending -> sent
CREATE TABLE b.delivery (LIKE a.delivery INCLUDING DEFAULTS, PRIMARY KEY (id), UNIQUE (announcement_id, channel, recipient_id));
CREATE INDEX ON b.delivery (channel, next_attempt_at) WHERE status = 'pending';
CREATE INDEX ON b.delivery (channel, recipient_id);
CREATE INDEX ON b.delivery (channel, recipient_id, created_at) WHERE status = 'failed';
CREATE INDEX ON b.delivery (created_at) WHERE status IN ('sent', 'failed', 'suppressed');
CREATE TABLE b.claim (delivery_id uuid PRIMARY KEY, channel varchar(7) NOT NULL, recipient_id uuid NOT NULL, token uuid NOT NULL, claimed_at timestamptz NOT NULL);
CREATE INDEX ON b.claim (channel, claimed_at);

CREATE PROCEDURE fill(s text, n int) LANGUAGE plpgsql AS $$
DECLARE ann uuid := gen_random_uuid();
BEGIN
  EXECUTE format('INSERT INTO %I.delivery (id, announcement_id, channel, recipient_id, recipient, matched_tags, status, next_attempt_at)
     SELECT gen_random_uuid(), $1, ''email'', gen_random_uuid(), ''member'' || g || ''@example.org'', ARRAY[''aluminium'',''critical-minerals''], ''pending'', now()
     FROM generate_series(1, $2) g', s) USING ann, n;
  EXECUTE format('ANALYZE %I.delivery', s);
END $$;

-- a and c: claim 16, then mark them sent in groups of g (the notifier's group commits are
-- smaller than its claims when its workers finish apart), each statement committed.
CREATE PROCEDURE run_ac(s text, g int DEFAULT 16) LANGUAGE plpgsql AS $$
DECLARE ids uuid[];
BEGIN
  LOOP
    EXECUTE format('WITH c AS (SELECT id FROM %1$I.delivery WHERE channel = ''email'' AND status = ''pending'' AND next_attempt_at <= now()
                      ORDER BY next_attempt_at LIMIT 16 FOR UPDATE SKIP LOCKED),
                 u AS (UPDATE %1$I.delivery d SET status = ''sending'', claimed_at = now(), claim_token = gen_random_uuid(), attempts = d.attempts + 1
                      FROM c WHERE d.id = c.id RETURNING d.id)
                 SELECT array_agg(id) FROM u', s) INTO ids;
    EXIT WHEN ids IS NULL;
    COMMIT;
    FOR i IN 1 .. cardinality(ids) BY g LOOP
      EXECUTE format('UPDATE %I.delivery SET status = ''sent'', sent_at = now(), claim_token = NULL WHERE id = ANY($1) AND status = ''sending''', s)
        USING ids[i:i + g - 1];
      COMMIT;
    END LOOP;
  END LOOP;
END $$;

CREATE PROCEDURE run_b() LANGUAGE plpgsql AS $$
DECLARE ids uuid[];
BEGIN
  LOOP
    WITH c AS (SELECT d.id, d.channel, d.recipient_id FROM b.delivery d WHERE d.channel = 'email' AND d.status = 'pending' AND d.next_attempt_at <= now()
                 AND NOT EXISTS (SELECT 1 FROM b.claim k WHERE k.delivery_id = d.id)
               ORDER BY d.next_attempt_at LIMIT 16 FOR UPDATE SKIP LOCKED),
         i AS (INSERT INTO b.claim SELECT id, channel, recipient_id, gen_random_uuid(), now() FROM c RETURNING delivery_id)
    SELECT array_agg(delivery_id) INTO ids FROM i;
    EXIT WHEN ids IS NULL;
    COMMIT;
    UPDATE b.delivery SET status = 'sent', sent_at = now(), attempts = attempts + 1 WHERE id = ANY(ids) AND status = 'pending';
    DELETE FROM b.claim WHERE delivery_id = ANY(ids);
    COMMIT;
  END LOOP;
END $$;
-- d: no index names status; the queue (due and claimed) in a narrow table; the delivery row changes once, HOT
CREATE TABLE d.delivery (LIKE a.delivery INCLUDING DEFAULTS, PRIMARY KEY (id), UNIQUE (announcement_id, channel, recipient_id)) WITH (fillfactor = 80);
CREATE INDEX ON d.delivery (channel, recipient_id);
CREATE INDEX ON d.delivery (created_at);
CREATE TABLE d.queue (delivery_id uuid PRIMARY KEY, channel varchar(7) NOT NULL, recipient_id uuid NOT NULL, next_attempt_at timestamptz NOT NULL, claimed_at timestamptz, token uuid);
CREATE INDEX ON d.queue (channel, next_attempt_at) WHERE claimed_at IS NULL;
CREATE INDEX ON d.queue (channel, claimed_at) WHERE claimed_at IS NOT NULL;

CREATE OR REPLACE PROCEDURE fill_d(n int) LANGUAGE plpgsql AS $$
DECLARE ann uuid := gen_random_uuid();
BEGIN
  WITH i AS (INSERT INTO d.delivery (id, announcement_id, channel, recipient_id, recipient, matched_tags, status, next_attempt_at)
     SELECT gen_random_uuid(), ann, 'email', gen_random_uuid(), 'member' || g || '@example.org', ARRAY['aluminium','critical-minerals'], 'pending', now()
     FROM generate_series(1, n) g RETURNING id, channel, recipient_id, next_attempt_at)
  INSERT INTO d.queue (delivery_id, channel, recipient_id, next_attempt_at) SELECT * FROM i;
  ANALYZE d.delivery; ANALYZE d.queue;
END $$;

CREATE OR REPLACE PROCEDURE run_d() LANGUAGE plpgsql AS $$
DECLARE ids uuid[];
BEGIN
  LOOP
    WITH c AS (SELECT delivery_id FROM d.queue WHERE channel = 'email' AND claimed_at IS NULL AND next_attempt_at <= now()
               ORDER BY next_attempt_at LIMIT 16 FOR UPDATE SKIP LOCKED),
         u AS (UPDATE d.queue q SET claimed_at = now(), token = gen_random_uuid() FROM c WHERE q.delivery_id = c.delivery_id RETURNING q.delivery_id),
         s AS (UPDATE d.delivery x SET status = 'sending', attempts = x.attempts + 1, claimed_at = now() FROM u WHERE x.id = u.delivery_id RETURNING x.id)
    SELECT array_agg(id) INTO ids FROM s;
    EXIT WHEN ids IS NULL;
    COMMIT;
    UPDATE d.delivery SET status = 'sent', sent_at = now() WHERE id = ANY(ids) AND status = 'sending';
    DELETE FROM d.queue WHERE delivery_id = ANY(ids);
    COMMIT;
  END LOOP;
END $$;

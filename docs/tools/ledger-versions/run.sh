#!/bin/bash
# Fills one schema of schema.sql with N pending emails (default 20,000) and runs its claim-16 /
# sent-16 loop in one backend, each step committed, then prints emails/s, WAL bytes and the
# backend's CPU (utime + stime) per email. Needs a PostgreSQL on this machine (PGHOST, default
# 127.0.0.1, user postgres) and creates the database herald_ledger_versions.
#   bash docs/tools/ledger-versions/run.sh a|b|c|d [N [G]]
# G (a and c only): the sent marks' group, default 16 (one commit for the claim's 16).
set -euo pipefail
v=${1:?schema: a b c or d}; n=${2:-20000}; g=${3:-16}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
here=$(dirname "$0")
if ! psql -d herald_ledger_versions -qAtc "SELECT 1 FROM pg_proc WHERE proname = 'run_ac' AND pronargs = 2" 2>/dev/null | grep -q 1; then
  psql -qc "CREATE DATABASE herald_ledger_versions" 2>/dev/null || true
  psql -d herald_ledger_versions -q -f "$here/schema.sql" 2>/dev/null
fi
fill="CALL fill('$v', $n)"; call="CALL run_ac('$v', $g)"
[ "$v" = b ] && call="CALL run_b()"
[ "$v" = d ] && { fill="CALL fill_d($n)"; call="CALL run_d()"; }
ticks=$(getconf CLK_TCK)
psql -d herald_ledger_versions -qAt -v v="$v" -v n="$n" -v call="$call" -v fill="$fill" -v ticks="$ticks" <<'SQL'
TRUNCATE a.delivery, b.delivery, b.claim, c.delivery, d.delivery, d.queue;
CHECKPOINT;
:fill;
SELECT pg_backend_pid() AS pid, pg_current_wal_lsn() AS lsn0 \gset
\setenv PID :pid
\! awk '{print $14+$15}' /proc/$PID/stat > /tmp/ledger-versions-before
SELECT extract(epoch from clock_timestamp()) AS t0 \gset
:call;
SELECT extract(epoch from clock_timestamp()) AS t1 \gset
\! awk '{print $14+$15}' /proc/$PID/stat > /tmp/ledger-versions-after
SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), :'lsn0')::bigint AS wal \gset
SELECT count(*) AS sent FROM (SELECT id FROM a.delivery WHERE status = 'sent' UNION ALL SELECT id FROM b.delivery WHERE status = 'sent'
  UNION ALL SELECT id FROM c.delivery WHERE status = 'sent' UNION ALL SELECT id FROM d.delivery WHERE status = 'sent') s \gset
\setenv SENT :sent
\setenv TICKS :ticks
SELECT 'schema ' || :'v' || ': ' || :sent || ' sent, ' || round(:sent / (:t1 - :t0)::numeric) || ' emails/s, '
  || (:wal / :sent) || ' bytes of WAL an email';
\! echo "  backend CPU: $(( ($(cat /tmp/ledger-versions-after) - $(cat /tmp/ledger-versions-before)) * 1000000 / TICKS / SENT )) µs an email"
SQL

package org.herald.bench.system;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Scenario 1, email fan-out: one announcement to every seeded member (one message each,
 * its own Message-ID and unsubscribe link) through publisher, tagger and notifier into
 * {@code smtp-sink}, timed from the publisher's 202 by the ledger's {@code sent_at} (set
 * once the sink has answered 250); beside it, a plain Jakarta Mail client sending as many
 * pre-built messages of the same size into the same sink, at its best number of
 * connections of {1, 2, 4, 8, 16}. Herald and ceiling runs alternate.
 */
final class EmailScenario {

    private static final int[] CONNECTIONS = { 1, 2, 4, 8, 16 };

    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    private final Stack stack;

    private final Options options;

    private final Publisher publisher;

    private final PrintStream out;

    EmailScenario(Stack stack, Options options, Publisher publisher, PrintStream out) {
        this.stack = stack;
        this.options = options;
        this.publisher = publisher;
        this.out = out;
    }

    void run(Report report) throws Exception {
        int members = this.options.members();
        long seedStart = System.nanoTime();
        seed(members);
        this.out.printf(Locale.ROOT, "  seeded %,d members in %.1f s%n", members,
                (System.nanoTime() - seedStart) / 1e9);
        MailCeiling ceiling = new MailCeiling(this.stack.smtpPort);
        int sweepCount = Math.min(members, 4_000);
        int best = 1;
        double bestRate = 0;
        StringBuilder sweep = new StringBuilder();
        for (int connections : CONNECTIONS) {
            double rate = sweepCount / ceiling.send(sweepCount, connections);
            sweep.append(String.format(Locale.ROOT, "%d: %.0f/s  ", connections, rate));
            if (rate > bestRate) {
                bestRate = rate;
                best = connections;
            }
        }
        this.out.println("  ceiling sweep (connections: emails/s): " + sweep.toString().strip());
        List<Double> heraldRates = new ArrayList<>();
        List<Double> ceilingRates = new ArrayList<>();
        List<Double> firsts = new ArrayList<>();
        List<Double> lasts = new ArrayList<>();
        for (int round = 1; round <= this.options.rounds(); round++) {
            Run run = herald(round, members);
            heraldRates.add(run.rate());
            firsts.add(run.firstSeconds());
            lasts.add(run.lastSeconds());
            double rate = members / ceiling.send(members, best);
            ceilingRates.add(rate);
            this.out.printf(Locale.ROOT,
                    "  round %d: Herald %.0f emails/s (202 -> first 250 %.2f s, -> last 250 %.2f s); ceiling %.0f/s%n",
                    round, run.rate(), run.firstSeconds(), run.lastSeconds(), rate);
        }
        String note = "median of " + this.options.rounds() + "; Herald " + Medians.list(heraldRates) + ", ceiling "
                + Medians.list(ceilingRates) + " at " + best + " connections";
        report.row("email", "fan-out to " + String.format(Locale.ROOT, "%,d", members), Medians.of(heraldRates),
                Medians.of(ceilingRates), "emails/s", note);
        report.row("email", "202 -> first SMTP 250", Medians.of(firsts), null, "s", "median");
        report.row("email", "202 -> last SMTP 250", Medians.of(lasts), null, "s", String.format(Locale.ROOT,
                "median; the ceiling client sends as many in %.2f s", members / Medians.of(ceilingRates)));
        report.fact("email ceiling", "Jakarta Mail, " + best + " reused connections, messages of "
                + (MailCeiling.TEXT_CHARS + MailCeiling.HTML_CHARS) + " body characters");
    }

    private Run herald(int round, int members) throws Exception {
        UUID id = this.publisher.publish(Publisher.MOU, "bench-email-" + round + "-" + System.nanoTime());
        Instant accepted = Instant.now();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (Connection connection = this.stack.connect(); PreparedStatement count = connection.prepareStatement("""
                SELECT count(*) FILTER (WHERE status = 'sent'), count(*) FILTER (WHERE status = 'failed'),
                       extract(epoch FROM min(sent_at)), extract(epoch FROM max(sent_at))
                FROM notifier.delivery WHERE announcement_id = ? AND channel = 'email'""")) {
            count.setObject(1, id);
            while (true) {
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    long sent = row.getLong(1);
                    long failed = row.getLong(2);
                    if (sent + failed >= members) {
                        if (failed > 0) {
                            this.out.println("  warning: " + failed + " emails failed; see the notifier's log");
                        }
                        double start = accepted.getEpochSecond() + accepted.getNano() / 1e9;
                        double first = row.getDouble(3);
                        double last = row.getDouble(4);
                        return new Run(sent / Math.max(last - first, 1e-3), first - start, last - start);
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(
                                "Only " + sent + " of " + members + " emails sent in " + TIMEOUT);
                    }
                }
                Processes.pause(100);
            }
        }
    }

    private void seed(int members) throws SQLException {
        try (Connection connection = this.stack.connect(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO notifier.member (id, email, name)
                    SELECT gen_random_uuid(), 'member' || g || '@bench.example', 'Member ' || g
                    FROM generate_series(1, %d) g""".formatted(members));
            statement.execute("""
                    INSERT INTO notifier.subscription (id, member_id, tags, match_mode, min_relevance, frequency)
                    SELECT gen_random_uuid(), id, ARRAY['critical-minerals'], 'any', 0, 'immediate'
                    FROM notifier.member WHERE email LIKE '%@bench.example'""");
            statement.execute("ANALYZE notifier.member");
            statement.execute("ANALYZE notifier.subscription");
        }
    }

    private record Run(double rate, double firstSeconds, double lastSeconds) {
    }

}

package org.herald.bench.system;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Scenario 1, email fan-out: one announcement to every seeded member (one message each,
 * its own Message-ID and unsubscribe link) through publisher, tagger and notifier into
 * {@code smtp-sink}, timed from the publisher's 202 by the ledger's {@code sent_at} (set
 * once the sink has answered 250); beside it, a plain Jakarta Mail client sending as many
 * messages of the same size, built and encoded before the clock starts
 * ({@link MailCeiling}), into the same sink, at its best number of connections of {1, 2,
 * 4, 8, 16}. Herald and ceiling runs alternate, after one round of each that is not
 * counted (the notifier's email path is compiled by the JIT in it).
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
        Members.ensure(this.stack, members);
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
        warmUp(members, ceiling, best);
        List<Double> heraldRates = new ArrayList<>();
        List<Double> ceilingRates = new ArrayList<>();
        List<Double> firsts = new ArrayList<>();
        List<Double> lasts = new ArrayList<>();
        for (int round = 1; round <= this.options.rounds(); round++) {
            this.stack.tidyDatabase();
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

    /**
     * One round of each, not counted, as the webhook scenario has: a fresh notifier's
     * first fan-out is sent while the JIT compiles its email path (its compiler threads
     * took half the notifier's CPU in that round, and a few per cent in the next), so the
     * rounds that count measure it warm, as a running notifier is.
     */
    private void warmUp(int members, MailCeiling ceiling, int connections) throws Exception {
        this.stack.tidyDatabase();
        Run run = herald(0, members);
        double rate = members / ceiling.send(members, connections);
        this.out.printf(Locale.ROOT,
                "  warm-up, not counted: Herald %.0f emails/s (202 -> first 250 %.2f s, -> last 250 %.2f s); ceiling %.0f/s%n",
                run.rate(), run.firstSeconds(), run.lastSeconds(), rate);
    }

    private Run herald(int round, int members) throws Exception {
        UUID id = this.publisher.publish(Publisher.MOU, "bench-email-" + round + "-" + System.nanoTime());
        double accepted = Processes.epochSeconds();
        Ledger.Fanout fanout = new Ledger(this.stack).awaitFanout(id, "email", members, TIMEOUT);
        if (fanout.failed() > 0) {
            this.out.println("  warning: " + fanout.failed() + " emails failed; see the notifier's log");
        }
        return new Run(fanout.rate(), fanout.firstSent() - accepted, fanout.lastSent() - accepted);
    }

    private record Run(double rate, double firstSeconds, double lastSeconds) {
    }

}

package org.herald.bench.system;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * Scale-out: the email fan-out with 1, then 2 (or {@code --notifiers}) notifier processes
 * on the same broker and database, each checked by counts: the ledger's sent rows equal
 * the members, each a different member, none failed, and {@code smtp-sink}'s own count of
 * messages received rose by exactly the members (counted again after a pause, so a late
 * repeat would show). Every member was sent at least one message (the ledger's 250s) and
 * the sink got no more messages than members, so each member got exactly one.
 */
final class ScaleOutScenario {

    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    private static final long SETTLE_MILLIS = 3_000;

    private final Stack stack;

    private final Options options;

    private final Publisher publisher;

    private final PrintStream out;

    ScaleOutScenario(Stack stack, Options options, Publisher publisher, PrintStream out) {
        this.stack = stack;
        this.options = options;
        this.publisher = publisher;
        this.out = out;
    }

    void run(Report report) throws Exception {
        int members = this.options.members();
        Members.ensure(this.stack, members);
        for (int notifiers : this.options.notifiers().stream().sorted().distinct().toList()) {
            if (this.stack.notifiers() < notifiers) {
                long started = System.nanoTime();
                this.stack.startNotifiers(notifiers);
                this.out.printf(Locale.ROOT, "  %d notifiers up in %.1f s%n", notifiers,
                        (System.nanoTime() - started) / 1e9);
            }
            this.stack.tidyDatabase();
            long sinkBefore = this.stack.smtpMessages();
            UUID id = this.publisher.publish(Publisher.MOU, "bench-scale-" + notifiers + "-" + System.nanoTime());
            double accepted = Processes.epochSeconds();
            Ledger.Fanout fanout = new Ledger(this.stack).awaitFanout(id, "email", members, TIMEOUT);
            Processes.pause(SETTLE_MILLIS);
            long received = this.stack.smtpMessages() - sinkBefore;
            boolean exact = fanout.sent() == members && fanout.failed() == 0 && fanout.rows() == members
                    && fanout.recipients() == members && received == members;
            String counts = String.format(Locale.ROOT,
                    "ledger: %d sent, %d failed, %d rows, %d distinct members; smtp-sink: %d received; %s",
                    fanout.sent(), fanout.failed(), fanout.rows(), fanout.recipients(), received,
                    exact ? "each member exactly once" : "MISMATCH");
            this.out.printf(Locale.ROOT, "  %d notifier(s): %.0f emails/s (202 -> last 250 %.2f s); %s%n", notifiers,
                    fanout.rate(), fanout.lastSent() - accepted, counts);
            report.row("scale-out", String.format(Locale.ROOT, "fan-out to %,d, %d notifier%s", members, notifiers,
                    (notifiers == 1) ? "" : "s"), fanout.rate(), null, "emails/s", counts);
            if (!exact) {
                report.fact("scale-out " + notifiers + " notifiers", "counts do not match: " + counts);
            }
        }
    }

}

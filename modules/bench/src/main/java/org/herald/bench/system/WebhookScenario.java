package org.herald.bench.system;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 2, webhooks: a stream of announcements, each to every partner endpoint, into
 * the receiver process; timed at the receiver from the first to the last request, and
 * from the first 202. The stream's rate is paced by the intake (publisher and tagger take
 * the announcements in at about 10 a second), so each round measures the same deliveries
 * queued too: sending paused, the announcements published and their deliveries all
 * recorded, then sending resumed and timed at the receiver as before — the notifier's own
 * rate, which is what the ceiling is. Ceiling: a plain HTTP client posting bodies of the
 * same size over kept-alive connections at the notifier's webhook concurrency. Each
 * partner's rate limit and in-flight cap are set so as not to bind. A warm-up round of
 * each comes first and is not counted.
 */
final class WebhookScenario {

    /** About the size of Herald's webhook body for the announcement (JSON). */
    static final int BODY_BYTES = 1_600;

    static final int RATE_LIMIT = 10_000;

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final Stack stack;

    private final Options options;

    private final Publisher publisher;

    private final PrintStream out;

    WebhookScenario(Stack stack, Options options, Publisher publisher, PrintStream out) {
        this.stack = stack;
        this.options = options;
        this.publisher = publisher;
        this.out = out;
    }

    void run(Report report) throws Exception {
        int partners = this.options.partners();
        for (int i = 0; i < partners; i++) {
            this.publisher.partner("bench-partner-" + i, this.stack.receiver("/hook/" + i).toString(), "sanctions",
                    RATE_LIMIT);
        }
        report.fact("webhook limits",
                "rate limit " + RATE_LIMIT + "/s per endpoint, in-flight cap " + this.options.webhookConcurrency()
                        + " per endpoint, concurrency " + this.options.webhookConcurrency());
        List<Double> heraldRates = new ArrayList<>();
        List<Double> ceilingRates = new ArrayList<>();
        List<Double> lasts = new ArrayList<>();
        List<Double> takens = new ArrayList<>();
        List<Double> queuedRates = new ArrayList<>();
        int total = this.options.announcements() * partners;
        warmUp(total);
        for (int round = 1; round <= this.options.rounds(); round++) {
            this.stack.tidyDatabase();
            double[] herald = herald(round, total);
            heraldRates.add(herald[0]);
            lasts.add(herald[1]);
            takens.add(herald[2]);
            this.stack.tidyDatabase();
            double queued = queued(round, total);
            queuedRates.add(queued);
            double ceiling = total / ceiling(total, this.options.webhookConcurrency());
            ceilingRates.add(ceiling);
            this.out.printf(Locale.ROOT,
                    "  round %d: Herald %.0f deliveries/s (first 202 -> last taken in by the notifier %.2f s,"
                            + " -> last 2xx %.2f s), queued %.0f deliveries/s; ceiling %.0f/s%n",
                    round, herald[0], herald[2], herald[1], queued, ceiling);
        }
        report.row("webhooks",
                String.format(Locale.ROOT, "%d announcements x %d endpoints", this.options.announcements(), partners),
                Medians.of(heraldRates), Medians.of(ceilingRates), "deliveries/s",
                "median of " + this.options.rounds() + "; Herald " + Medians.list(heraldRates) + ", ceiling "
                        + Medians.list(ceilingRates) + " at concurrency " + this.options.webhookConcurrency());
        report.row("webhooks", "the same, queued first", Medians.of(queuedRates), Medians.of(ceilingRates),
                "deliveries/s", "median of " + this.options.rounds() + "; Herald " + Medians.list(queuedRates)
                        + "; sending paused until every delivery was recorded, then resumed: the notifier's own rate");
        report.row("webhooks", "first 202 -> last tagged one in the notifier", Medians.of(takens), null, "s",
                "median; publisher, Kafka, tagger, Kafka (notifier.announcement.received_at): no delivery before it");
        report.row("webhooks", "first 202 -> last 2xx", Medians.of(lasts), null, "s", "median");
    }

    /**
     * One round of each, not counted: the notifier's webhook path and the ceiling's
     * client are compiled by the JIT in it, so the rounds that count measure them warm,
     * as a running notifier is (the first round of a fresh notifier ran at a third of the
     * others' rate).
     */
    private void warmUp(int total) throws Exception {
        this.stack.tidyDatabase();
        double[] herald = herald(0, total);
        double ceiling = total / ceiling(total, this.options.webhookConcurrency());
        this.out.printf(Locale.ROOT, "  warm-up, not counted: Herald %.0f deliveries/s; ceiling %.0f/s%n", herald[0],
                ceiling);
    }

    /**
     * Answers the rate (first to last request at the receiver), first 202 to last
     * request, and first 202 to the last announcement the notifier took in, in s.
     */
    private double[] herald(int round, int total) throws SQLException {
        this.publisher.get(this.stack.receiver("/reset"));
        Instant start = Instant.now();
        List<UUID> published = new ArrayList<>();
        for (int i = 0; i < this.options.announcements(); i++) {
            published.add(this.publisher.publish(Publisher.SANCTIONS,
                    "bench-webhooks-" + round + "-" + i + "-" + System.nanoTime()));
        }
        double[] received = awaitReceived(total);
        double started = start.getEpochSecond() + start.getNano() / 1e9;
        double taken = new Ledger(this.stack).received(published)
            .values()
            .stream()
            .mapToDouble(Double::doubleValue)
            .max()
            .orElse(Double.NaN);
        return new double[] { received[0], received[2] - started, taken - started };
    }

    /**
     * Publishes the stream with sending paused, waits until every delivery is recorded,
     * resumes sending and answers the rate at the receiver from its first to its last
     * request.
     */
    private double queued(int round, int total) throws SQLException {
        this.publisher.get(this.stack.receiver("/reset"));
        this.publisher.sending(true);
        try {
            List<UUID> published = new ArrayList<>();
            for (int i = 0; i < this.options.announcements(); i++) {
                published.add(this.publisher.publish(Publisher.SANCTIONS,
                        "bench-webhooks-queued-" + round + "-" + i + "-" + System.nanoTime()));
            }
            new Ledger(this.stack).awaitRecorded(published, "webhook", total, TIMEOUT);
        }
        finally {
            this.publisher.sending(false);
        }
        return awaitReceived(total)[0];
    }

    /**
     * Waits until the receiver has had {@code total} requests since its reset; answers
     * the rate from the first to the last, and the first and last (epoch seconds).
     */
    private double[] awaitReceived(int total) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            String[] stats = this.publisher.get(this.stack.receiver("/stats")).strip().split(" ");
            long count = Long.parseLong(stats[0]);
            if (count >= total) {
                double first = Long.parseLong(stats[1]) / 1e6;
                double last = Long.parseLong(stats[2]) / 1e6;
                return new double[] { count / Math.max(last - first, 1e-3), first, last };
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + count + " of " + total + " webhooks arrived in " + TIMEOUT);
            }
            Processes.pause(100);
        }
    }

    /** Posts {@code total} bodies at {@code concurrency}; answers the seconds it took. */
    private double ceiling(int total, int concurrency) throws Exception {
        this.publisher.get(this.stack.receiver("/reset"));
        HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
        String body = "{\"announcement\":\"" + "z".repeat(BODY_BYTES - 20) + "\"}";
        int partners = this.options.partners();
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        try {
            long started = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                running.add(threads.submit(() -> {
                    int index;
                    while ((index = next.getAndIncrement()) < total) {
                        URI uri = this.stack.receiver("/hook/" + (index % partners));
                        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() / 100 != 2) {
                            throw new IllegalStateException("The receiver answered " + response.statusCode());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
            return (System.nanoTime() - started) / 1e9;
        }
        finally {
            threads.shutdownNow();
        }
    }

}

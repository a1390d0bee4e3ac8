package org.herald.bench.system;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scenario 3, the pipeline: {@code --pipeline-announcements} announcements published at
 * once (from {@link #CLIENTS} clients) through publisher, tagger and notifier, each to
 * one member ({@link FanOutOne}); announcements/s from the first 202 to the last email's
 * {@code sent_at}. Beside it, for information only, a raw Kafka relay on the same broker
 * ({@link KafkaRelay}): the tagger bounds the pipeline, not Kafka.
 */
final class PipelineScenario {

    static final int CLIENTS = 4;

    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    private final Stack stack;

    private final Options options;

    private final Publisher publisher;

    private final PrintStream out;

    PipelineScenario(Stack stack, Options options, Publisher publisher, PrintStream out) {
        this.stack = stack;
        this.options = options;
        this.publisher = publisher;
        this.out = out;
    }

    /** Runs the rounds; answers the median announcements/s. */
    double run(Report report) throws Exception {
        int count = this.options.pipelineAnnouncements();
        KafkaRelay relay = new KafkaRelay(this.stack.kafkaPort);
        int relayCount = 20_000;
        int bytes = Publisher.MOU.length();
        List<Double> rates = new ArrayList<>();
        List<Double> lasts = new ArrayList<>();
        List<Double> relays = new ArrayList<>();
        List<Double> tagged = new ArrayList<>();
        List<Double> published = new ArrayList<>();
        for (int round = 1; round <= this.options.rounds(); round++) {
            double[] herald = herald(round, count);
            rates.add(herald[0]);
            lasts.add(herald[1]);
            tagged.add(herald[2]);
            published.add(herald[3]);
            double relayed = relay.relay(relayCount, bytes);
            relays.add(relayed);
            this.out.printf(Locale.ROOT,
                    "  round %d: Herald %.1f announcements/s (first 202 -> last 202 %.2f s, -> last taken in by the"
                            + " notifier %.2f s, -> last 250 %.2f s); raw Kafka relay %.0f records/s%n",
                    round, herald[0], herald[3], herald[2], herald[1], relayed);
        }
        double rate = Medians.of(rates);
        report.row("pipeline", String.format(Locale.ROOT, "%d announcements, fan-out 1", count), rate, null,
                "announcements/s", "median of " + this.options.rounds() + " " + Medians.list(rates)
                        + "; first 202 to last SMTP 250; " + CLIENTS + " publishing clients");
        report.row("pipeline", "first 202 -> last 202", Medians.of(published), null, "s",
                "median; the publisher's API and its Kafka transaction");
        report.row("pipeline", "first 202 -> last tagged one in the notifier", Medians.of(tagged), null, "s",
                "median; publisher, Kafka, tagger, Kafka (notifier.announcement.received_at)");
        report.row("pipeline", "first 202 -> last SMTP 250", Medians.of(lasts), null, "s", "median");
        report.row("pipeline", "raw Kafka relay, information only", Medians.of(relays), null, "records/s",
                String.format(Locale.ROOT, "consume -> produce (acks=all) -> commit, %,d records of %d bytes",
                        relayCount, bytes));
        return rate;
    }

    /**
     * Answers announcements/s and the seconds from the first 202 to the last delivery.
     */
    private double[] herald(int round, int count) throws Exception {
        Map<UUID, Double> accepted = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> published = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = "bench-pipeline-" + round + "-" + i + "-" + System.nanoTime();
                published.add(clients
                    .submit(() -> accepted.put(this.publisher.publish(Publisher.MOU, name), Processes.epochSeconds())));
            }
            for (Future<?> future : published) {
                future.get();
            }
        }
        finally {
            clients.shutdownNow();
        }
        Ledger ledger = new Ledger(this.stack);
        Map<UUID, Double> sent = ledger.awaitSent(accepted.keySet(), "email", TIMEOUT);
        double first = accepted.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double last = sent.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double taken = ledger.received(accepted.keySet())
            .values()
            .stream()
            .mapToDouble(Double::doubleValue)
            .max()
            .orElseThrow();
        double lastAccepted = accepted.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return new double[] { count / (last - first), last - first, taken - first, lastAccepted - first };
    }

}

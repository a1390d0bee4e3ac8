package org.herald.bench.system;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 4, latency: announcements published at a steady rate (half the pipeline's
 * maximum, or {@code --latency-rate}) for {@code --latency-seconds}, each to one member
 * and one partner endpoint ({@link FanOutOne}); p50, p99 and p99.9 from each publisher
 * 202 to that announcement's SMTP 250 and HTTP 2xx, as the ledger's {@code sent_at}
 * records them (written once the server or endpoint has answered).
 */
final class LatencyScenario {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final Stack stack;

    private final Options options;

    private final Publisher publisher;

    private final PrintStream out;

    LatencyScenario(Stack stack, Options options, Publisher publisher, PrintStream out) {
        this.stack = stack;
        this.options = options;
        this.publisher = publisher;
        this.out = out;
    }

    void run(Report report, double rate) throws Exception {
        int count = Math.max(1, (int) Math.round(rate * this.options.latencySeconds()));
        Map<UUID, Double> accepted = publishSteadily(rate, count);
        Ledger ledger = new Ledger(this.stack);
        for (String channel : List.of("email", "webhook")) {
            Map<UUID, Double> sent = ledger.awaitSent(accepted.keySet(), channel, TIMEOUT);
            double[] latencies = accepted.entrySet()
                .stream()
                .mapToDouble((entry) -> sent.get(entry.getKey()) - entry.getValue())
                .sorted()
                .toArray();
            String end = channel.equals("email") ? "SMTP 250" : "HTTP 2xx";
            this.out.printf(Locale.ROOT, "  %s: p50 %.3f s, p99 %.3f s, p99.9 %.3f s, max %.3f s over %d%n", channel,
                    Medians.percentile(latencies, 50), Medians.percentile(latencies, 99),
                    Medians.percentile(latencies, 99.9), latencies[latencies.length - 1], latencies.length);
            String note = String.format(Locale.ROOT, "%d announcements at %.1f/s; target p99 <= 1 s", count, rate);
            for (double percentile : new double[] { 50, 99, 99.9 }) {
                double value = Medians.percentile(latencies, percentile);
                String suffix = (percentile == 99) ? ": " + ((value <= 1.0) ? "met" : "missed") : "";
                report.row("latency", String.format(Locale.ROOT, "202 -> %s p%s", end, label(percentile)), value, null,
                        "s", note + suffix);
            }
        }
    }

    /** Publishes {@code count} at {@code rate}/s; answers each one's 202 time. */
    private Map<UUID, Double> publishSteadily(double rate, int count) throws Exception {
        Map<UUID, Double> accepted = new ConcurrentHashMap<>();
        ScheduledExecutorService clients = Executors.newScheduledThreadPool(PipelineScenario.CLIENTS);
        try {
            long interval = Math.round(1e9 / rate);
            List<ScheduledFuture<?>> published = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = "bench-latency-" + i + "-" + System.nanoTime();
                published.add(clients.schedule(
                        () -> accepted.put(this.publisher.publish(Publisher.MOU, name), Processes.epochSeconds()),
                        i * interval, TimeUnit.NANOSECONDS));
            }
            for (ScheduledFuture<?> future : published) {
                future.get();
            }
        }
        finally {
            clients.shutdownNow();
        }
        return accepted;
    }

    private static String label(double percentile) {
        return (percentile == Math.rint(percentile)) ? Long.toString((long) percentile) : Double.toString(percentile);
    }

}

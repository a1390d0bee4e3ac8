package org.herald.publisher.feed;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Counts polls in {@code herald.publisher.source.polls} (tagged {@code source} and
 * {@code outcome=ok|not-modified|throttled|failed}) and entries in
 * {@code herald.publisher.source.entries} (tagged {@code source} and
 * {@code outcome=published|updated|duplicate|old|invalid}); a possible gap counts in
 * {@code herald.publisher.source.gaps} (tagged {@code source}). Each source's status, as
 * of its last poll by this instance, is in gauges tagged {@code source}:
 * {@code herald.publisher.source.last.success} (epoch seconds; NaN before the first),
 * {@code herald.publisher.source.consecutive.failures} and
 * {@code herald.publisher.source.entries.seen}.
 */
class SourceMetrics {

    static final String POLLS = "herald.publisher.source.polls";

    static final String ENTRIES = "herald.publisher.source.entries";

    static final String GAPS = "herald.publisher.source.gaps";

    static final String LAST_SUCCESS = "herald.publisher.source.last.success";

    static final String CONSECUTIVE_FAILURES = "herald.publisher.source.consecutive.failures";

    static final String ENTRIES_SEEN = "herald.publisher.source.entries.seen";

    private final MeterRegistry registry;

    private final Map<String, Holder> statuses = new ConcurrentHashMap<>();

    SourceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Shows {@code source}'s status in the gauges. */
    void status(Source source) {
        this.statuses.computeIfAbsent(source.name(), this::register).status = source.status();
    }

    private Holder register(String source) {
        Holder holder = new Holder();
        Gauge
            .builder(LAST_SUCCESS, holder,
                    (h) -> (h.status == null || h.status.lastSuccessAt() == null) ? Double.NaN
                            : h.status.lastSuccessAt().getEpochSecond())
            .description("When a poll of the source last succeeded, in seconds since the epoch")
            .tag("source", source)
            .register(this.registry);
        Gauge.builder(CONSECUTIVE_FAILURES, holder, (h) -> (h.status != null) ? h.status.consecutiveFailures() : 0)
            .description("Failed polls of the source since its last success")
            .tag("source", source)
            .register(this.registry);
        Gauge.builder(ENTRIES_SEEN, holder, (h) -> (h.status != null) ? h.status.entriesSeen() : 0)
            .description("Entries of the source ever seen")
            .tag("source", source)
            .register(this.registry);
        return holder;
    }

    void poll(String source, String outcome) {
        Counter.builder(POLLS)
            .description("Polls of announcement sources, by outcome")
            .tag("source", source)
            .tag("outcome", outcome)
            .register(this.registry)
            .increment();
    }

    void entries(String source, String outcome, int count) {
        if (count > 0) {
            Counter.builder(ENTRIES)
                .description("New entries of announcement sources, by what became of them")
                .tag("source", source)
                .tag("outcome", outcome)
                .register(this.registry)
                .increment(count);
        }
    }

    void gap(String source) {
        Counter.builder(GAPS)
            .description("Polls that found none of a source's entries seen before: entries may have been missed")
            .tag("source", source)
            .register(this.registry)
            .increment();
    }

    private static final class Holder {

        volatile Source.@Nullable Status status;

    }

}

package org.herald.publisher.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts polls in {@code herald.publisher.source.polls} (tagged {@code source} and
 * {@code outcome=ok|not-modified|throttled|failed}) and entries in
 * {@code herald.publisher.source.entries} (tagged {@code source} and
 * {@code outcome=published|updated|duplicate|old|invalid}); a possible gap counts in
 * {@code herald.publisher.source.gaps} (tagged {@code source}).
 */
class SourceMetrics {

    static final String POLLS = "herald.publisher.source.polls";

    static final String ENTRIES = "herald.publisher.source.entries";

    static final String GAPS = "herald.publisher.source.gaps";

    private final MeterRegistry registry;

    SourceMetrics(MeterRegistry registry) {
        this.registry = registry;
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

}

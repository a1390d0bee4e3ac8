package org.herald.publisher.announcement;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts submissions by outcome in {@code herald.announcements.published}, tagged
 * {@code outcome=published|updated|duplicate|failed}.
 */
class PublishingMetrics {

    static final String NAME = "herald.announcements.published";

    private final Counter published;

    private final Counter updated;

    private final Counter duplicate;

    private final Counter failed;

    PublishingMetrics(MeterRegistry registry) {
        this.published = counter(registry, "published");
        this.updated = counter(registry, "updated");
        this.duplicate = counter(registry, "duplicate");
        this.failed = counter(registry, "failed");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder(NAME)
            .description("Announcements submitted to the publisher, by outcome")
            .tag("outcome", outcome)
            .register(registry);
    }

    void published() {
        this.published.increment();
    }

    void updated() {
        this.updated.increment();
    }

    void duplicate() {
        this.duplicate.increment();
    }

    void failed() {
        this.failed.increment();
    }

}

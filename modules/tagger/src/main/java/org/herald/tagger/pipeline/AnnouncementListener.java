package org.herald.tagger.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.herald.events.AnnouncementPublished;
import org.herald.events.AnnouncementTagged;
import org.herald.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tags each announcement and publishes it, keyed by the announcement id, in the listener
 * container's Kafka transaction: the tagged record and the consumed offset are committed
 * together or not at all.
 */
class AnnouncementListener {

    /** The consumer group of the tagger. */
    static final String GROUP_ID = "herald-tagger";

    private final TaggingAnnouncements tagging;

    private final KafkaTemplate<Object, Object> template;

    private final Counter tagged;

    AnnouncementListener(TaggingAnnouncements tagging, KafkaTemplate<Object, Object> template, MeterRegistry meters) {
        this.tagging = tagging;
        this.template = template;
        this.tagged = Counter.builder("herald.announcements.tagged")
            .description("Announcements tagged and published (counted when the transaction commits)")
            .register(meters);
    }

    @KafkaListener(id = "herald-tagger", groupId = GROUP_ID, topics = Topics.ANNOUNCEMENTS)
    void on(AnnouncementPublished announcement) {
        AnnouncementTagged result = this.tagging.tag(announcement);
        this.template.send(Topics.ANNOUNCEMENTS_TAGGED, result.id().toString(), result);
        countOnCommit();
    }

    private void countOnCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            this.tagged.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

            @Override
            public void afterCommit() {
                AnnouncementListener.this.tagged.increment();
            }

        });
    }

}

package org.herald.notifier;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.herald.events.AnnouncementTagged;
import org.herald.events.Topics;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * The tagged announcements topic, as the tagger writes it: a test publishes on it and the
 * notifier takes the announcements in.
 */
public final class TaggedTopic {

    private final KafkaTemplate<String, Object> kafka;

    public TaggedTopic(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    /**
     * Publishes {@code announcement}, keyed by its id, and waits for the broker to take
     * it; answers it.
     */
    public AnnouncementTagged publish(AnnouncementTagged announcement) {
        try {
            this.kafka.send(Topics.ANNOUNCEMENTS_TAGGED, announcement.id().toString(), announcement)
                .get(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("Could not publish " + announcement.id(), ex);
        }
        return announcement;
    }

    /** The template it publishes with, for records that are not announcements. */
    public KafkaTemplate<String, Object> kafka() {
        return this.kafka;
    }

}

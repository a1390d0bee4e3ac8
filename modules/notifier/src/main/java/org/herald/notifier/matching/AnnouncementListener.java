package org.herald.notifier.matching;

import org.herald.events.AnnouncementTagged;
import org.herald.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;

/**
 * Reads the tagged announcements (committed records only) and hands each to the intake. A
 * record that cannot be read goes to the dead-letter topic; a database outage is retried
 * until it ends.
 */
class AnnouncementListener {

    static final String GROUP = "herald-notifier";

    private final AnnouncementIntake intake;

    AnnouncementListener(AnnouncementIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(id = GROUP, topics = Topics.ANNOUNCEMENTS_TAGGED, properties = "isolation.level=read_committed")
    void on(AnnouncementTagged announcement) {
        this.intake.accept(announcement);
    }

}

package org.herald.events;

/**
 * Names of the Kafka topics, and of the JSON type ids carried in the {@code __TypeId__}
 * header.
 */
public final class Topics {

    /**
     * Announcements accepted by the publisher; key: the announcement id; value:
     * {@link AnnouncementPublished}.
     */
    public static final String ANNOUNCEMENTS = "herald.announcements";

    /**
     * Announcements tagged by the tagger; key: the announcement id; value:
     * {@link AnnouncementTagged}.
     */
    public static final String ANNOUNCEMENTS_TAGGED = "herald.announcements.tagged";

    /** Suffix of a topic's dead-letter topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    /** Logical type id of {@link AnnouncementPublished} on the wire. */
    public static final String TYPE_ANNOUNCEMENT_PUBLISHED = "announcement.published";

    /** Logical type id of {@link AnnouncementTagged} on the wire. */
    public static final String TYPE_ANNOUNCEMENT_TAGGED = "announcement.tagged";

    private Topics() {
    }

    /** The dead-letter topic of {@code topic}: {@code <topic>.dlt}. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

}

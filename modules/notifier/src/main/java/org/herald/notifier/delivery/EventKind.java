package org.herald.notifier.delivery;

import java.util.Locale;

/**
 * Which event about an announcement a delivery carries (ADR 6): with the event's
 * revision, part of the ledger's unique key.
 */
public enum EventKind {

    /** The announcement as first published; revision 0. */
    PUBLISHED,

    /** An update of it; the revision is the announcement's (1, 2, ...). */
    UPDATED,

    /**
     * The association's commentary on it; the revision is the commentary's sequence
     * number.
     */
    COMMENTED;

    /**
     * The name in the database and the API: {@code published}, {@code updated},
     * {@code commented}.
     */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The webhook's {@code type}: {@code announcement.published}, and so on. */
    public String webhookType() {
        return "announcement." + value();
    }

    public static EventKind of(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }

}

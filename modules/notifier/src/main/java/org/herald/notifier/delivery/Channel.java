package org.herald.notifier.delivery;

import java.util.Locale;

/**
 * How a delivery reaches its recipient.
 */
public enum Channel {

    /** An email to a member. */
    EMAIL,

    /** A signed webhook call to a partner's endpoint. */
    WEBHOOK;

    /**
     * The name in the database, the API and metric names: {@code email} or
     * {@code webhook}.
     */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Channel of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

}

package org.herald.notifier.member;

import java.util.Locale;

/**
 * How often a subscription's matches reach the member: at once, or gathered in a daily or
 * weekly digest. Declared from the most to the least frequent.
 */
public enum Frequency {

    IMMEDIATE, DAILY, WEEKLY;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Frequency of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /**
     * The more frequent of this and {@code other}: immediate beats daily, daily beats
     * weekly.
     */
    public Frequency mostFrequent(Frequency other) {
        return (other != null && other.ordinal() < ordinal()) ? other : this;
    }

}

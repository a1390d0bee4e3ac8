package org.herald.notifier.member;

import java.util.Locale;

/**
 * How often a subscription's matches reach the member: at once, or gathered in a daily or weekly digest.
 */
public enum Frequency {

    IMMEDIATE, DAILY, WEEKLY;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Frequency of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

}

package org.herald.notifier.interest;

import java.util.Locale;

/**
 * Whether one of an interest's tags is enough, or all of them must be on the
 * announcement.
 */
public enum MatchMode {

    ANY, ALL;

    public static MatchMode of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

}

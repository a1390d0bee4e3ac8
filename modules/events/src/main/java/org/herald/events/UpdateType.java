package org.herald.events;

/**
 * How much an update of an announcement changed it. GOV.UK's rule for its own alerts is
 * Herald's: members are emailed only for a major change; partners receive every update.
 * On the wire: {@code "MAJOR"} or {@code "MINOR"}.
 */
public enum UpdateType {

    /** A change readers should be told of (GOV.UK moves the page's public time). */
    MAJOR,

    /** A correction or clarification: a typo, a link, a formatting change. */
    MINOR

}

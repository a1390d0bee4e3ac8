package org.herald.notifier.delivery;

import java.util.Locale;

/**
 * Where a delivery stands: {@code pending} (due at its next attempt time),
 * {@code sending} (claimed by a dispatcher, the send may be on the wire), {@code sent}
 * (the server accepted it) or {@code failed} (permanently refused, or out of attempts) or
 * {@code suppressed} (not sent on purpose: not on the recipient allowlist, or the address
 * is suppressed).
 */
public enum DeliveryStatus {

    PENDING, SENDING, SENT, FAILED, SUPPRESSED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeliveryStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

}

package org.herald.notifier.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * What became of one attempt to deliver.
 */
public sealed interface DeliveryOutcome {

    /** The recipient's server accepted it (SMTP 250, HTTP 2xx). */
    static DeliveryOutcome sent() {
        return Sent.INSTANCE;
    }

    /**
     * Accepted, and already marked {@code sent} in the ledger by the channel, with its
     * own record of the attempt in one commit
     * ({@link DeliveryLedger#markSent(java.util.List)}, fenced by the claim's token).
     * @param claimHeld whether the mark took: false if the claim was lost to another
     * dispatcher
     */
    static DeliveryOutcome sentAndMarked(boolean claimHeld) {
        return claimHeld ? Sent.MARKED : Sent.LOST;
    }

    /** A temporary failure: try again on the channel's retry schedule. */
    static DeliveryOutcome retry(String error) {
        return new Retry(error, null);
    }

    /** A temporary failure whose server asked for a wait (HTTP {@code Retry-After}). */
    static DeliveryOutcome retryAfter(String error, Duration wait) {
        return new Retry(error, wait);
    }

    /**
     * Not an attempt: the channel did not send now (a rate limit, a cap on requests under
     * way to one recipient) and asks to be given the delivery again after {@code wait};
     * the attempt is not counted.
     */
    static DeliveryOutcome deferred(Duration wait) {
        return new Deferred(wait);
    }

    /**
     * Not sent on purpose, and never will be: the address is not on the allowlist of a
     * non-production system, or it was suppressed after a permanent failure.
     */
    static DeliveryOutcome suppressed(String reason) {
        return new Suppressed(reason);
    }

    /** A permanent failure: never try again. */
    static DeliveryOutcome failed(String error) {
        return new Failed(error);
    }

    /** Accepted by the recipient's server. */
    final class Sent implements DeliveryOutcome {

        private static final Sent INSTANCE = new Sent(false, false);

        private static final Sent MARKED = new Sent(true, true);

        private static final Sent LOST = new Sent(true, false);

        private final boolean marked;

        private final boolean claimHeld;

        private Sent(boolean marked, boolean claimHeld) {
            this.marked = marked;
            this.claimHeld = claimHeld;
        }

        /** Whether the channel has already marked it sent in the ledger. */
        public boolean marked() {
            return this.marked;
        }

        /** If {@link #marked()}: whether the mark took (the claim was still held). */
        public boolean claimHeld() {
            return this.claimHeld;
        }

        @Override
        public String toString() {
            return "Sent";
        }

    }

    /**
     * A temporary failure.
     *
     * @param error what went wrong
     * @param notBefore the least wait the server asked for, or null
     */
    record Retry(String error, Duration notBefore) implements DeliveryOutcome {

        public Retry {
            Objects.requireNonNull(error, "error");
        }

    }

    /**
     * Not sent on purpose.
     *
     * @param reason why
     */
    record Suppressed(String reason) implements DeliveryOutcome {

        public Suppressed {
            Objects.requireNonNull(reason, "reason");
        }

    }

    /**
     * A permanent failure.
     *
     * @param error what went wrong
     */
    record Failed(String error) implements DeliveryOutcome {

        public Failed {
            Objects.requireNonNull(error, "error");
        }

    }

    /**
     * Not sent now, through no fault of the recipient; not counted as an attempt.
     *
     * @param delay how long to leave it before it is claimed again
     */
    record Deferred(Duration delay) implements DeliveryOutcome {

        public Deferred {
            Objects.requireNonNull(delay, "delay");
        }

    }

}

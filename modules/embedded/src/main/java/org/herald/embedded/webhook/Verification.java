package org.herald.embedded.webhook;

/**
 * Whether a received webhook's Standard Webhooks signature verified.
 *
 * @param status the outcome
 * @param detail why it failed or was not checked; empty when verified; never holds the
 * secret
 */
public record Verification(Status status, String detail) {

    static Verification verified() {
        return new Verification(Status.VERIFIED, "");
    }

    static Verification failed(String detail) {
        return new Verification(Status.FAILED, detail);
    }

    static Verification notChecked(String detail) {
        return new Verification(Status.NOT_CHECKED, detail);
    }

    /** The outcomes. */
    public enum Status {

        /**
         * The signature matches the id, timestamp and body under the partner's secret,
         * and is recent.
         */
        VERIFIED,

        /**
         * Missing or wrong headers, a stale timestamp, or a signature that does not
         * match.
         */
        FAILED,

        /** No secret was known for the receiver, so nothing could be checked. */
        NOT_CHECKED

    }

}

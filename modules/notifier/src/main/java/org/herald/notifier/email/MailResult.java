package org.herald.notifier.email;

import java.util.Objects;

import org.herald.notifier.delivery.DeliveryOutcome;

/**
 * What the {@link MailTransport} made of one message: an outcome for the ledger, or a
 * recipient the server refused for good, which only the caller, who knows the member, can
 * act on.
 */
sealed interface MailResult {

    /**
     * Sent, suppressed by the allowlist, failed, or to retry.
     *
     * @param outcome for the ledger
     */
    record Done(DeliveryOutcome outcome) implements MailResult {

        public Done {
            Objects.requireNonNull(outcome, "outcome");
        }

    }

    /**
     * The server refused the recipient permanently (a 5xx reply to RCPT): the address
     * will never take mail.
     *
     * @param error the server's reply, {@code SMTP 550: ...}
     */
    record RecipientRefused(String error) implements MailResult {

        public RecipientRefused {
            Objects.requireNonNull(error, "error");
        }

    }

}

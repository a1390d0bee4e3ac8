package org.herald.notifier.email;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import jakarta.mail.MessagingException;
import org.herald.notifier.delivery.DeliveryOutcome;
import org.jspecify.annotations.Nullable;

/**
 * Reads an SMTP failure: the reply code of every exception in its chain (Angus Mail's
 * {@code SMTPAddressFailedException} for a refused recipient,
 * {@code SMTPSendFailedException} for a refused message), and a one-line description of
 * anything else.
 */
final class SmtpFailures {

    private SmtpFailures() {
    }

    /**
     * What a failed send means: a 5xx to the recipient refuses it for good, a 5xx to the
     * message fails it, anything else is retried.
     */
    static MailResult classify(Exception ex) {
        Set<Throwable> seen = new HashSet<>();
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(ex);
        while (!pending.isEmpty()) {
            Throwable failure = pending.poll();
            if (!seen.add(failure)) {
                continue;
            }
            int code = smtpReplyCode(failure);
            if (code >= 500 && code < 600) {
                String error = "SMTP " + code + ": " + oneLine(failure.getMessage());
                if (failure.getClass().getSimpleName().equals("SMTPAddressFailedException")) {
                    return new MailResult.RecipientRefused(error);
                }
                return new MailResult.Done(DeliveryOutcome.failed(error));
            }
            if (failure.getCause() != null) {
                pending.add(failure.getCause());
            }
            if (failure instanceof MessagingException messaging && messaging.getNextException() != null) {
                pending.add(messaging.getNextException());
            }
        }
        return new MailResult.Done(DeliveryOutcome.retry(describe(ex)));
    }

    /**
     * The SMTP reply code of an Angus Mail SMTP exception ({@code getReturnCode()}), or
     * -1.
     */
    private static int smtpReplyCode(Throwable failure) {
        try {
            var returnCode = failure.getClass().getMethod("getReturnCode");
            return (returnCode.getReturnType() == int.class) ? (int) returnCode.invoke(failure) : -1;
        }
        catch (ReflectiveOperationException | RuntimeException ex) {
            return -1;
        }
    }

    private static String describe(Exception ex) {
        StringBuilder description = new StringBuilder(ex.getClass().getSimpleName()).append(": ")
            .append(oneLine(ex.getMessage()));
        Throwable next = (ex instanceof MessagingException messaging) ? messaging.getNextException() : ex.getCause();
        if (next != null && next != ex) {
            description.append(" (")
                .append(next.getClass().getSimpleName())
                .append(": ")
                .append(oneLine(next.getMessage()))
                .append(")");
        }
        return description.toString();
    }

    private static String oneLine(@Nullable String text) {
        return (text != null) ? text.replaceAll("\\s+", " ").strip() : "";
    }

}

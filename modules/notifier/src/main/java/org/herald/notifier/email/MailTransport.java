package org.herald.notifier.email;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.notifier.delivery.DeliveryOutcome;
import org.herald.notifier.member.Members;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Puts messages on the wire: keeps up to {@code concurrency} SMTP connections open and
 * reuses them for message after message (one connection under light load, a pool under
 * heavy), holds the send rate under {@code herald.notifier.email.rate}, and sends only to
 * addresses on the allowlist, if one is set.
 * <p>
 * A 5xx reply to the recipient (RCPT) is a permanent failure that also suppresses the
 * member's address; a 5xx to the message fails it for good; anything else (4xx, a refused
 * connection, a timeout) is a temporary failure to retry.
 */
final class MailTransport implements AutoCloseable {

    private static final Log logger = LogFactory.getLog(MailTransport.class);

    private final JavaMailSenderImpl mail;

    private final Members members;

    private final List<Pattern> allowlist;

    private final long idleNanos;

    private final long intervalNanos;

    private final Semaphore connections;

    private final LinkedBlockingDeque<Connection> idle = new LinkedBlockingDeque<>();

    private long nextSlot = System.nanoTime();

    MailTransport(JavaMailSenderImpl mail, Members members, EmailProperties properties) {
        this.mail = mail;
        this.members = members;
        this.allowlist = properties.allowlist().stream().map(MailTransport::glob).toList();
        this.idleNanos = properties.idleTimeout().toNanos();
        this.intervalNanos = (properties.rate() > 0) ? (long) (1_000_000_000L / properties.rate()) : 0;
        this.connections = new Semaphore(properties.concurrency());
    }

    MimeMessage createMimeMessage() {
        return this.mail.createMimeMessage();
    }

    /**
     * Sends {@code message} to {@code memberId}'s {@code address}. Never throws for a
     * failure of the send.
     */
    DeliveryOutcome send(UUID memberId, String address, MimeMessage message) {
        if (!allowed(address)) {
            logger.info("Suppressed an email to " + address + ": not on herald.notifier.email.allowlist");
            return DeliveryOutcome.suppressed("Not on herald.notifier.email.allowlist");
        }
        try {
            String messageId = message.getMessageID();
            message.saveChanges();
            if (messageId != null) {
                message.setHeader("Message-ID", messageId); // saveChanges() makes a new
                                                            // one
            }
        }
        catch (MessagingException ex) {
            return DeliveryOutcome.failed("Could not build the email: " + ex.getMessage());
        }
        awaitSlot();
        try {
            this.connections.acquire();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return DeliveryOutcome.retry("Interrupted");
        }
        Connection connection = null;
        try {
            connection = borrow();
            connection.transport.sendMessage(message, message.getAllRecipients());
            connection.lastUsed = System.nanoTime();
            this.idle.addFirst(connection);
            connection = null;
            return DeliveryOutcome.sent();
        }
        catch (MessagingException | RuntimeException ex) {
            return classify(memberId, ex);
        }
        finally {
            if (connection != null) {
                connection.close(); // after a failure the session may be in any state
            }
            this.connections.release();
        }
    }

    boolean allowed(String address) {
        return this.allowlist.isEmpty()
                || this.allowlist.stream().anyMatch((pattern) -> pattern.matcher(address).matches());
    }

    private Connection borrow() throws MessagingException {
        Connection connection;
        while ((connection = this.idle.pollFirst()) != null) {
            long idleFor = System.nanoTime() - connection.lastUsed;
            // isConnected() asks the server (NOOP): only worth it after a pause.
            if (idleFor < this.idleNanos && (idleFor < 1_000_000_000L || connection.transport.isConnected())) {
                return connection;
            }
            connection.close();
        }
        Transport transport = this.mail.getSession().getTransport(this.mail.getProtocol());
        transport.connect(this.mail.getHost(), this.mail.getPort(), this.mail.getUsername(), this.mail.getPassword());
        return new Connection(transport);
    }

    private void awaitSlot() {
        if (this.intervalNanos == 0) {
            return;
        }
        long slot;
        synchronized (this) {
            slot = Math.max(this.nextSlot, System.nanoTime());
            this.nextSlot = slot + this.intervalNanos;
        }
        long wait;
        while ((wait = slot - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private DeliveryOutcome classify(UUID memberId, Exception ex) {
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
                    this.members.suppress(memberId, error);
                    return DeliveryOutcome.failed(error + " (address suppressed)");
                }
                return DeliveryOutcome.failed(error);
            }
            if (failure.getCause() != null) {
                pending.add(failure.getCause());
            }
            if (failure instanceof MessagingException messaging && messaging.getNextException() != null) {
                pending.add(messaging.getNextException());
            }
        }
        return DeliveryOutcome.retry(describe(ex));
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

    private static String oneLine(String text) {
        return (text != null) ? text.replaceAll("\\s+", " ").strip() : "";
    }

    /** A pattern with {@code *} for any characters, compared without regard to case. */
    static Pattern glob(String pattern) {
        String regex = Arrays.stream(pattern.strip().split("\\*", -1))
            .map(Pattern::quote)
            .collect(Collectors.joining(".*"));
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    @Override
    public void close() {
        Connection connection;
        while ((connection = this.idle.pollFirst()) != null) {
            connection.close();
        }
    }

    private static final class Connection {

        private final Transport transport;

        private long lastUsed = System.nanoTime();

        Connection(Transport transport) {
            this.transport = transport;
        }

        void close() {
            try {
                this.transport.close();
            }
            catch (MessagingException | RuntimeException ex) {
                // closing a broken connection: nothing to do
            }
        }

    }

}

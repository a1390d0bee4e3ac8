package org.herald.notifier.email;

import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
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
import org.jspecify.annotations.Nullable;
import org.herald.notifier.privacy.MaskedAddresses;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Puts messages on the wire: keeps up to {@code concurrency} SMTP connections open and
 * reuses them for message after message (one connection under light load, a pool under
 * heavy), their sockets without Nagle's delay ({@link NoDelaySockets}), holds the send
 * rate under {@code herald.notifier.email.rate}, and sends only to addresses on the
 * allowlist, if one is set.
 * <p>
 * A 5xx reply to the recipient (RCPT) is reported as a {@link MailResult.RecipientRefused
 * refused recipient} (the caller suppresses the member's address); a 5xx to the message
 * fails it for good; anything else (4xx, a refused connection, a timeout) is a temporary
 * failure to retry, and so is a send that takes longer than
 * {@code herald.notifier.email.send-timeout} as a whole ({@link SendDeadlines}). Knows
 * nothing of members.
 */
final class MailTransport implements AutoCloseable {

    private static final Log logger = LogFactory.getLog(MailTransport.class);

    private final JavaMailSenderImpl mail;

    private final List<Pattern> allowlist;

    private final long idleNanos;

    private final long intervalNanos;

    private final Semaphore connections;

    private final SendDeadlines deadlines;

    private final LinkedBlockingDeque<Connection> idle = new LinkedBlockingDeque<>();

    private long nextSlot = System.nanoTime();

    MailTransport(JavaMailSenderImpl mail, EmailProperties properties, Duration sendTimeout) {
        MailProviders.pin();
        this.mail = mail;
        this.deadlines = new SendDeadlines(sendTimeout);
        // Every SMTP socket from the SendDeadlines, unless one is configured (smtps takes
        // its SSL sockets from mail.smtps.ssl.socketFactory: only the socket timeouts
        // bound it).
        String protocol = (mail.getProtocol() != null) ? mail.getProtocol() : "smtp";
        if (!Boolean.parseBoolean(mail.getJavaMailProperties().getProperty("mail.smtp.ssl.enable"))
                && mail.getJavaMailProperties()
                    .putIfAbsent("mail." + protocol + ".socketFactory", this.deadlines) == null) {
            dropWriteTimeout(mail, protocol);
        }
        // Without the deadlines' sockets (which set TCP_NODELAY themselves), no-delay
        // ones.
        NoDelaySockets.install(mail);
        this.allowlist = properties.allowlist().stream().map(MailTransport::glob).toList();
        this.idleNanos = properties.idleTimeout().toNanos();
        this.intervalNanos = (properties.rate() > 0) ? (long) (1_000_000_000L / properties.rate()) : 0;
        this.connections = new Semaphore(properties.concurrency());
    }

    /**
     * Leaves the writes on the deadlines' sockets to the send's deadline alone: with
     * {@code mail.smtp.writetimeout} set, Jakarta Mail starts a timer thread for each
     * connection and schedules, then cancels, a task on it around every write (three or
     * four an email, each waking that thread), where the deadline already closes the
     * socket of a send still under way, which fails a write blocked on it
     * ({@code MailTransportTests}). Connect and read timeouts stay as configured.
     */
    private static void dropWriteTimeout(JavaMailSenderImpl mail, String protocol) {
        String key = "mail." + protocol + ".writetimeout";
        if (mail.getJavaMailProperties().containsKey(key)) {
            Properties copy = new Properties();
            copy.putAll(mail.getJavaMailProperties());
            copy.remove(key);
            mail.setJavaMailProperties(copy); // drops a session made before, if any
        }
    }

    MimeMessage createMimeMessage() {
        return this.mail.createMimeMessage();
    }

    /**
     * Sends the email's bytes as they are. Never throws for a failure of the send.
     */
    MailResult send(EncodedEmail email) {
        return send(email.to(), new EncodedMimeMessage(this.mail.getSession(), email));
    }

    /**
     * Sends {@code message} to {@code address}. Never throws for a failure of the send.
     */
    MailResult send(String address, MimeMessage message) {
        if (!allowed(address)) {
            logger.info("Suppressed an email to " + MaskedAddresses.mask(address)
                    + ": not on herald.notifier.email.allowlist");
            return done(DeliveryOutcome.suppressed("Not on herald.notifier.email.allowlist"));
        }
        if (!(message instanceof EncodedMimeMessage)) {
            try {
                String messageId = message.getMessageID();
                message.saveChanges();
                if (messageId != null) {
                    message.setHeader("Message-ID", messageId); // saveChanges() makes a
                                                                // new one
                }
            }
            catch (MessagingException ex) {
                return done(DeliveryOutcome.failed("Could not build the email: " + ex.getMessage()));
            }
        }
        awaitSlot();
        try {
            this.connections.acquire();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return done(DeliveryOutcome.retry("Interrupted"));
        }
        Connection connection = null;
        SendDeadlines.Deadline deadline = this.deadlines.start();
        try {
            connection = borrow(deadline);
            connection.transport.sendMessage(message, message.getAllRecipients());
            connection.lastUsed = System.nanoTime();
            if (deadline.expired()) {
                throw new MessagingException("The send ran out of time");
            }
            this.idle.addFirst(connection);
            connection = null;
            return done(DeliveryOutcome.sent());
        }
        catch (MessagingException | RuntimeException ex) {
            if (deadline.expired()) {
                return done(DeliveryOutcome.retry("The SMTP send did not finish within "
                        + "herald.notifier.email.send-timeout (" + this.deadlines.timeout() + ")"));
            }
            return SmtpFailures.classify(ex);
        }
        finally {
            deadline.close();
            try {
                if (connection != null) {
                    connection.close(); // after a failure the session may be in any state
                }
            }
            finally {
                this.connections.release(); // whatever the close threw
            }
        }
    }

    boolean allowed(String address) {
        return this.allowlist.isEmpty()
                || this.allowlist.stream().anyMatch((pattern) -> pattern.matcher(address).matches());
    }

    private Connection borrow(SendDeadlines.Deadline deadline) throws MessagingException {
        Connection connection;
        while ((connection = this.idle.pollFirst()) != null) {
            if (connection.socket != null) {
                deadline.attach(connection.socket);
            }
            long idleFor = System.nanoTime() - connection.lastUsed;
            // isConnected() asks the server (NOOP): only worth it after a pause.
            if (idleFor < this.idleNanos && (idleFor < 1_000_000_000L || connection.transport.isConnected())) {
                return connection;
            }
            connection.close();
        }
        Transport transport = this.mail.getSession().getTransport(this.mail.getProtocol());
        Connection fresh = new Connection(transport);
        try {
            transport.connect(this.mail.getHost(), this.mail.getPort(), this.mail.getUsername(),
                    this.mail.getPassword());
        }
        finally {
            fresh.socket = deadline.socket(); // opened by the SendDeadlines, on this
                                              // thread
        }
        return fresh;
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

    private static MailResult done(DeliveryOutcome outcome) {
        return new MailResult.Done(outcome);
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
        this.deadlines.close();
    }

    private static final class Connection {

        private final Transport transport;

        private @Nullable Socket socket;

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

package org.herald.embedded.mail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.herald.embedded.local.LocalPorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded SMTP server (GreenMail) on the loopback interface that accepts every
 * message, for any recipient, with or without authentication, and captures it for the dev
 * inbox. Captured messages are kept as {@code .eml} files in {@code <data-dir>/mail}, so
 * the inbox survives restarts; the newest {@code capacity} are kept.
 */
public final class EmbeddedSmtp implements AutoCloseable {

    /** The directory, under the data directory, that holds the captured messages. */
    public static final String DIRECTORY = "mail";

    /** How many messages are kept unless told otherwise. */
    public static final int DEFAULT_CAPACITY = 500;

    private static final Logger logger = LoggerFactory.getLogger(EmbeddedSmtp.class);

    private static final String HOST = "127.0.0.1";

    private final GreenMail greenMail;

    private final MailArchive archive;

    private final int port;

    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedSmtp(GreenMail greenMail, MailArchive archive, int port) {
        this.greenMail = greenMail;
        this.archive = archive;
        this.port = port;
    }

    /** Starts on {@code dataDirectory}, on its remembered port or a free one. */
    public static EmbeddedSmtp start(Path dataDirectory) {
        return start(dataDirectory, 0, DEFAULT_CAPACITY);
    }

    /**
     * Starts on {@code dataDirectory}; returns once the server accepts connections.
     * @param dataDirectory the Herald data directory; messages go to its
     * {@value #DIRECTORY} folder
     * @param port the port, or 0 for the remembered one while free, else a free one
     * @param capacity how many messages to keep (the oldest go first)
     */
    public static EmbeddedSmtp start(Path dataDirectory, int port, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        Path directory = dataDirectory.resolve(DIRECTORY).toAbsolutePath().normalize();
        MailArchive archive = new MailArchive(directory, capacity);
        int chosenPort = new LocalPorts(dataDirectory).choose("smtp", port);
        GreenMail greenMail = new GreenMail(new ServerSetup(chosenPort, HOST, ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        EmbeddedSmtp smtp = new EmbeddedSmtp(greenMail, archive, chosenPort);
        greenMail.getUserManager().setMessageDeliveryHandler(smtp.capturing());
        logger.info("Embedded SMTP server listening on {}:{}, {} captured message(s) in {}", HOST, chosenPort,
                archive.size(), directory);
        return smtp;
    }

    /** The host to send to ({@code spring.mail.host}). */
    public String host() {
        return HOST;
    }

    /** The port to send to ({@code spring.mail.port}). */
    public int port() {
        return this.port;
    }

    /** The captured messages, newest first. */
    public List<CapturedEmail> messages() {
        return this.archive.messages();
    }

    /** The captured message with {@code id}. */
    public Optional<CapturedEmail> message(String id) {
        return this.archive.message(id);
    }

    /**
     * Forgets every captured message to {@code address}: a member's erasure reaches the
     * dev inbox too. Answers how many went.
     */
    public int forget(String address) {
        int forgotten = this.archive.forget(address);
        logger.info("Forgot {} captured message(s) to an erased member", forgotten);
        return forgotten;
    }

    /** Forgets every captured message. */
    public void clear() {
        this.archive.clear();
    }

    /** Stops the server. Calling it again does nothing. */
    @Override
    public void close() {
        if (this.closed.compareAndSet(false, true)) {
            logger.info("Stopping embedded SMTP server on port {}", this.port);
            this.greenMail.stop();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedSmtp[" + HOST + ":" + this.port + "]";
    }

    /**
     * Captures a message once, however many recipients it has (GreenMail hands the same
     * message over once per recipient), into the archive only: GreenMail's own mailboxes,
     * which would grow without bound, get nothing.
     */
    private MessageDeliveryHandler capturing() {
        return new MessageDeliveryHandler() {

            private MovingMessage last;

            @Override
            public GreenMailUser handle(MovingMessage message, MailAddress recipient) {
                synchronized (this) {
                    if (message != this.last) {
                        this.last = message;
                        capture(message);
                    }
                }
                return new DiscardingRecipient(recipient.getEmail());
            }

        };
    }

    private void capture(MovingMessage message) {
        List<String> recipients = message.getToAddresses().stream().map(MailAddress::getEmail).sorted().toList();
        try {
            CapturedEmail captured = this.archive.store(message.getMessage(), recipients);
            // Addresses never go to the log (issue 14): the inbox shows them to whoever
            // may see it.
            logger.debug("Captured message {} to {} recipient(s)", captured.id(), recipients.size());
        }
        catch (IOException | RuntimeException ex) {
            logger.warn("Could not capture a message to {} recipient(s)", recipients.size(), ex);
        }
    }

}

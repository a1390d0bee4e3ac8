package org.herald.systemtests.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.herald.embedded.mail.DiscardingRecipient;

/**
 * A real SMTP server (GreenMail) in the test JVM that keeps no messages, only counts
 * them: per announcement and recipient, from the notifier's
 * {@code Message-ID <announcementId.memberId@domain>}. It can be stopped and started
 * again on the same port, and run an action once an announcement has reached a number of
 * recipients.
 */
public final class SmtpSink implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final int port;

    private final Map<UUID, Map<String, AtomicInteger>> received = new ConcurrentHashMap<>();

    private final List<Trigger> triggers = new ArrayList<>();

    private GreenMail server;

    SmtpSink(int port) {
        this.port = port;
    }

    public int port() {
        return this.port;
    }

    public synchronized void start() {
        if (this.server != null) {
            return;
        }
        ServerSetup setup = new ServerSetup(this.port, HOST, ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(30_000);
        GreenMail greenMail = new GreenMail(setup)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        greenMail.getUserManager().setMessageDeliveryHandler(this::handle);
        this.server = greenMail;
    }

    /** Stops the server: connections are refused until {@link #start()}. */
    public synchronized void stop() {
        if (this.server != null) {
            this.server.stop();
            this.server = null;
        }
    }

    public synchronized boolean isRunning() {
        return this.server != null;
    }

    /** How many recipients have had {@code announcement} at least once. */
    public int recipients(UUID announcement) {
        return counts(announcement).size();
    }

    /** How many messages of {@code announcement} arrived, repeats included. */
    public int messages(UUID announcement) {
        return counts(announcement).values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Messages of {@code announcement} beyond the first per recipient. */
    public int duplicates(UUID announcement) {
        return messages(announcement) - recipients(announcement);
    }

    /**
     * Runs {@code action} (on a thread of its own) once {@code announcement} has reached
     * {@code recipients}.
     */
    public void when(UUID announcement, int recipients, Runnable action) {
        synchronized (this.triggers) {
            this.triggers.add(new Trigger(announcement, recipients, action));
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Map<String, AtomicInteger> counts(UUID announcement) {
        return this.received.getOrDefault(announcement, Map.of());
    }

    private GreenMailUser handle(MovingMessage message, MailAddress recipient) {
        UUID announcement = announcementOf(message.getMessage());
        if (announcement != null) {
            this.received.computeIfAbsent(announcement, (id) -> new ConcurrentHashMap<>())
                .computeIfAbsent(recipient.getEmail().toLowerCase(), (address) -> new AtomicInteger())
                .incrementAndGet();
            fire(announcement);
        }
        return new DiscardingRecipient(recipient.getEmail());
    }

    private void fire(UUID announcement) {
        int count = recipients(announcement);
        List<Runnable> due = new ArrayList<>();
        synchronized (this.triggers) {
            this.triggers.removeIf((trigger) -> {
                if (trigger.announcement.equals(announcement) && count >= trigger.recipients) {
                    due.add(trigger.action);
                    return true;
                }
                return false;
            });
        }
        due.forEach((action) -> new Thread(action, "smtp-trigger").start());
    }

    /** The announcement id in {@code <announcementId.memberId@domain>}, or null. */
    private static UUID announcementOf(MimeMessage message) {
        try {
            String id = message.getMessageID();
            if (id == null || id.length() < 38) {
                return null;
            }
            return UUID.fromString(id.substring(1, 37));
        }
        catch (MessagingException | IllegalArgumentException ex) {
            return null;
        }
    }

    private record Trigger(UUID announcement, int recipients, Runnable action) {
    }

}

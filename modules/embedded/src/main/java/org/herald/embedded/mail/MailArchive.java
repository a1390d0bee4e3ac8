package org.herald.embedded.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The captured messages: one {@code .eml} file each in the mail folder (so the inbox
 * survives restarts and crashes, and any mail client opens them), the newest
 * {@code capacity} of them also in memory.
 */
final class MailArchive {

    private static final Logger logger = LoggerFactory.getLogger(MailArchive.class);

    private static final String SUFFIX = ".eml";

    private final Path directory;

    private final int capacity;

    private final Deque<CapturedEmail> messages = new ArrayDeque<>();

    private final AtomicLong sequence = new AtomicLong();

    MailArchive(Path directory, int capacity) {
        this.directory = directory;
        this.capacity = capacity;
        load();
    }

    /**
     * Stores {@code message}, accepted for {@code envelopeRecipients}, and returns how
     * the inbox shows it.
     */
    CapturedEmail store(MimeMessage message, List<String> envelopeRecipients) throws IOException {
        Instant receivedAt = Instant.now();
        String id = String.format("%013d-%06d", receivedAt.toEpochMilli(), this.sequence.incrementAndGet() % 1_000_000);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.write((MailParser.ENVELOPE_TO + ": " + String.join(", ", envelopeRecipients) + "\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        try {
            message.writeTo(raw);
        }
        catch (MessagingException ex) {
            throw new IOException("Could not serialise a captured message", ex);
        }
        Path file = this.directory.resolve(id + SUFFIX);
        Path temporary = this.directory.resolve(id + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            raw.writeTo(out);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        CapturedEmail captured = MailParser.parse(id, receivedAt, new ByteArrayInputStream(raw.toByteArray()));
        synchronized (this.messages) {
            this.messages.addFirst(captured);
            while (this.messages.size() > this.capacity) {
                CapturedEmail oldest = this.messages.removeLast();
                Files.deleteIfExists(this.directory.resolve(oldest.id() + SUFFIX));
            }
        }
        return captured;
    }

    /** Newest first. */
    List<CapturedEmail> messages() {
        synchronized (this.messages) {
            return new ArrayList<>(this.messages);
        }
    }

    Optional<CapturedEmail> message(String id) {
        synchronized (this.messages) {
            return this.messages.stream().filter((message) -> message.id().equals(id)).findFirst();
        }
    }

    int size() {
        synchronized (this.messages) {
            return this.messages.size();
        }
    }

    /**
     * Deletes every message to {@code address} (envelope or {@code To}, in any case):
     * files and memory. Answers how many went.
     */
    int forget(String address) {
        String wanted = address.strip().toLowerCase(java.util.Locale.ROOT);
        synchronized (this.messages) {
            List<CapturedEmail> gone = this.messages.stream().filter((message) -> names(message, wanted)).toList();
            for (CapturedEmail message : gone) {
                try {
                    Files.deleteIfExists(this.directory.resolve(message.id() + SUFFIX));
                }
                catch (IOException ex) {
                    logger.warn("Could not delete captured message {}", message.id(), ex);
                }
            }
            this.messages.removeAll(gone);
            return gone.size();
        }
    }

    private static boolean names(CapturedEmail message, String address) {
        return java.util.stream.Stream.concat(message.envelopeRecipients().stream(), message.to().stream())
            .map((recipient) -> recipient.toLowerCase(java.util.Locale.ROOT))
            .anyMatch((recipient) -> recipient.equals(address) || recipient.endsWith("<" + address + ">"));
    }

    void clear() {
        synchronized (this.messages) {
            for (CapturedEmail message : this.messages) {
                try {
                    Files.deleteIfExists(this.directory.resolve(message.id() + SUFFIX));
                }
                catch (IOException ex) {
                    logger.warn("Could not delete captured message {}", message.id(), ex);
                }
            }
            this.messages.clear();
        }
    }

    private void load() {
        try {
            Files.createDirectories(this.directory);
            List<Path> files;
            try (Stream<Path> entries = Files.list(this.directory)) {
                files = entries.filter((path) -> path.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
            }
            for (Path file : files) {
                String id = file.getFileName().toString();
                id = id.substring(0, id.length() - SUFFIX.length());
                try (InputStream in = Files.newInputStream(file)) {
                    this.messages.addFirst(MailParser.parse(id, Files.getLastModifiedTime(file).toInstant(), in));
                }
                catch (IOException ex) {
                    logger.warn("Skipping unreadable captured message {}", file, ex);
                }
            }
            while (this.messages.size() > this.capacity) {
                this.messages.removeLast();
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read captured mail in " + this.directory, ex);
        }
    }

}

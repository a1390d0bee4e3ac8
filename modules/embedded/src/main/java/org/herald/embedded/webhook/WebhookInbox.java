package org.herald.embedded.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhooks the app's built-in receiver got, with whether each signature verified: the
 * newest {@code capacity} of them, each also kept as a file in
 * {@code <data-dir>/webhooks} so the dev inbox survives restarts. The receiver (an HTTP
 * endpoint of the app) hands each request to {@link #record}.
 */
public final class WebhookInbox {

    /** The directory, under the data directory, that holds the received webhooks. */
    public static final String DIRECTORY = "webhooks";

    /** How many webhooks are kept unless told otherwise. */
    public static final int DEFAULT_CAPACITY = 500;

    /**
     * The largest body kept unless told otherwise: 1 MiB, far above a Herald webhook (an
     * announcement of at most 256 KB and its tags).
     */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger logger = LoggerFactory.getLogger(WebhookInbox.class);

    private static final String SUFFIX = ".properties";

    private static final Set<String> REDACTED = Set.of("authorization", "proxy-authorization", "cookie");

    private final Path directory;

    private final int capacity;

    private final int maxBodyBytes;

    private final Deque<ReceivedWebhook> webhooks = new ArrayDeque<>();

    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param dataDirectory the Herald data directory; webhooks go to its
     * {@value #DIRECTORY} folder
     * @param capacity how many webhooks to keep (the oldest go first)
     */
    public WebhookInbox(Path dataDirectory, int capacity) {
        this(dataDirectory, capacity, DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * @param dataDirectory the Herald data directory; webhooks go to its
     * {@value #DIRECTORY} folder
     * @param capacity how many webhooks to keep (the oldest go first)
     * @param maxBodyBytes the largest body (UTF-8 bytes) it keeps; the receiver refuses
     * larger ones
     */
    public WebhookInbox(Path dataDirectory, int capacity, int maxBodyBytes) {
        if (capacity < 1 || maxBodyBytes < 1) {
            throw new IllegalArgumentException("capacity and maxBodyBytes must be at least 1");
        }
        this.directory = dataDirectory.resolve(DIRECTORY).toAbsolutePath().normalize();
        this.capacity = capacity;
        this.maxBodyBytes = maxBodyBytes;
        load();
    }

    /** The largest body it keeps, in bytes. */
    public int maxBodyBytes() {
        return this.maxBodyBytes;
    }

    /**
     * Verifies and keeps a received webhook.
     * @param method the HTTP method
     * @param path the request path
     * @param headers the request headers
     * @param body the raw body, exactly as received
     * @param secret the receiving partner's secret, or {@code null} when none is known
     * @return the stored webhook, with its verification
     * @throws IllegalArgumentException if the body is over {@link #maxBodyBytes()}
     */
    public ReceivedWebhook record(String method, String path, Map<String, List<String>> headers, String body,
            String secret) {
        int bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > this.maxBodyBytes) {
            throw new IllegalArgumentException(
                    "a body of " + bytes + " bytes is over the limit of " + this.maxBodyBytes + " bytes");
        }
        Verification verification = WebhookVerifier.verify(secret, headers, body);
        Instant receivedAt = Instant.now();
        String id = String.format("%013d-%06d", receivedAt.toEpochMilli(), this.sequence.incrementAndGet() % 1_000_000);
        ReceivedWebhook webhook = new ReceivedWebhook(id, receivedAt, method, path, redacted(headers), body,
                verification);
        synchronized (this.webhooks) {
            write(webhook);
            this.webhooks.addFirst(webhook);
            while (this.webhooks.size() > this.capacity) {
                delete(this.webhooks.removeLast());
            }
        }
        return webhook;
    }

    /** Newest first. */
    public List<ReceivedWebhook> webhooks() {
        synchronized (this.webhooks) {
            return new ArrayList<>(this.webhooks);
        }
    }

    public Optional<ReceivedWebhook> webhook(String id) {
        synchronized (this.webhooks) {
            return this.webhooks.stream().filter((webhook) -> webhook.id().equals(id)).findFirst();
        }
    }

    /** Forgets every webhook. */
    public void clear() {
        synchronized (this.webhooks) {
            this.webhooks.forEach(this::delete);
            this.webhooks.clear();
        }
    }

    private static Map<String, List<String>> redacted(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name,
                REDACTED.contains(name.toLowerCase(Locale.ROOT)) ? List.of("[redacted]") : values));
        return copy;
    }

    private void write(ReceivedWebhook webhook) {
        Properties properties = new Properties();
        properties.setProperty("receivedAt", webhook.receivedAt().toString());
        properties.setProperty("method", webhook.method());
        properties.setProperty("path", webhook.path());
        properties.setProperty("body", webhook.body());
        properties.setProperty("verification.status", webhook.verification().status().name());
        properties.setProperty("verification.detail", webhook.verification().detail());
        int index = 0;
        for (Map.Entry<String, List<String>> header : webhook.headers().entrySet()) {
            for (String value : header.getValue()) {
                properties.setProperty("header." + index + ".name", header.getKey());
                properties.setProperty("header." + index + ".value", value);
                index++;
            }
        }
        Path file = this.directory.resolve(webhook.id() + SUFFIX);
        Path temporary = this.directory.resolve(webhook.id() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                properties.store(out, null);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException ex) {
            logger.warn("Could not keep webhook {} on disk; it stays in memory only", webhook.id(), ex);
        }
    }

    private void delete(ReceivedWebhook webhook) {
        try {
            Files.deleteIfExists(this.directory.resolve(webhook.id() + SUFFIX));
        }
        catch (IOException ex) {
            logger.warn("Could not delete webhook {}", webhook.id(), ex);
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
                try {
                    this.webhooks.addFirst(read(file));
                }
                catch (IOException | RuntimeException ex) {
                    logger.warn("Skipping unreadable webhook {}", file, ex);
                }
            }
            while (this.webhooks.size() > this.capacity) {
                this.webhooks.removeLast();
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read received webhooks in " + this.directory, ex);
        }
    }

    private static ReceivedWebhook read(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; properties.containsKey("header." + i + ".name"); i++) {
            headers.computeIfAbsent(properties.getProperty("header." + i + ".name"), (name) -> new ArrayList<>())
                .add(properties.getProperty("header." + i + ".value"));
        }
        String id = file.getFileName().toString();
        return new ReceivedWebhook(id.substring(0, id.length() - SUFFIX.length()),
                Instant.parse(properties.getProperty("receivedAt")), properties.getProperty("method"),
                properties.getProperty("path"), headers, properties.getProperty("body"),
                new Verification(Verification.Status.valueOf(properties.getProperty("verification.status")),
                        properties.getProperty("verification.detail", "")));
    }

}

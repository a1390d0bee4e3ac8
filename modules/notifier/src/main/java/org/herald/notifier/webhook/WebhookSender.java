package org.herald.notifier.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.herald.events.AnnouncementTagged;
import org.herald.notifier.delivery.AnnouncementStore;
import org.herald.notifier.delivery.Channel;
import org.herald.notifier.delivery.Commentary;
import org.herald.notifier.delivery.CommentaryStore;
import org.herald.notifier.delivery.Delivery;
import org.herald.notifier.delivery.DeliveryChannel;
import org.herald.notifier.delivery.DeliveryLedger;
import org.herald.notifier.delivery.DeliveryOutcome;
import org.herald.notifier.delivery.EventCache;
import org.herald.notifier.delivery.EventKind;
import org.herald.notifier.partner.PartnerEndpoint;
import org.herald.notifier.partner.Partners;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Makes one signed POST per webhook attempt: the {@link WebhookPayload body} of the
 * delivery's event (the revision it carries, the commentary it is about), Standard
 * Webhooks headers, the delivery's id as {@code webhook-id} on every attempt, over the
 * {@link GuardedHttpClient}. 2xx is success; 410 Gone disables the partner and fails the
 * delivery; an endpoint the {@link EndpointGuard} refuses fails it (until the
 * configuration or the URL changes: a retry would be refused again); any other answer or
 * a network failure is retried, after at least the {@code Retry-After} of a 429 or 503
 * (capped at an hour): {@link WebhookAnswers}.
 * <p>
 * Each attempt is logged ({@link WebhookAttempts}) and counts for or against the
 * {@link EndpointHealth endpoint's health}: failing without a success for
 * {@code disable-after} disables it, and its contact is told. An endpoint's rate limit
 * and cap on requests under way bind every notifier instance together: deliveries are
 * claimed within them ({@link EndpointLimits}), so one at its limit is left pending
 * rather than holding a worker.
 */
final class WebhookSender implements DeliveryChannel, AutoCloseable {

    private static final Log logger = LogFactory.getLog(WebhookSender.class);

    /**
     * How many due rows a claim looks at (and locks), per delivery it claims: room for
     * the deliveries of endpoints at their limit, which it leaves pending.
     */
    private static final int SCAN_PER_WORKER = 2;

    /** Deliveries claimed ahead per worker ({@link #claimAhead()}). */
    static final int CLAIMED_AHEAD_PER_WORKER = 2;

    /** Workers per request under way ({@link #workers()}). */
    static final int WORKERS_PER_REQUEST = 4;

    private static final int MAX_WORKERS = 1024;

    /** Claims whose reads are made at once ({@link #claimed}). */
    static final int READERS = 2;

    /** How long an event read for a claim serves the next claims. */
    static final Duration EVENT_TTL = Duration.ofSeconds(1);

    /** How many events' reads are kept ({@link EventCache}). */
    private static final int EVENTS = 64;

    private final GuardedHttpClient http;

    private final WebhookSigner signer;

    private final WebhookPayload payloads;

    private final EndpointLimits limits;

    private final WebhookAttempts attempts;

    private final EndpointHealth health;

    private final Partners partners;

    private final AnnouncementStore announcements;

    private final CommentaryStore commentaries;

    private final WebhookProperties properties;

    private final Clock clock;

    /** What the claimed deliveries need, read with their claim, until each is sent. */
    private final Map<UUID, CompletableFuture<Map<UUID, Prepared>>> prepared = new ConcurrentHashMap<>();

    /**
     * The events read for the last claims, for {@link #EVENT_TTL} and until this instance
     * changes an announcement or a commentary: a stream of claims for one fan-out reads
     * its announcement once a moment, not once a claim, as email does.
     */
    private final EventCache<Event> events;

    /**
     * Makes the claims' reads, {@link #READERS} claims at once: one thread made a queue
     * of the claims' reads that their workers waited on.
     */
    private final ExecutorService readers = Executors.newFixedThreadPool(READERS, (runnable) -> {
        Thread thread = new Thread(runnable, "herald-webhook-reads");
        thread.setDaemon(true);
        return thread;
    });

    WebhookSender(GuardedHttpClient http, WebhookSigner signer, WebhookPayload payloads, WebhookAttempts attempts,
            EndpointHealth health, Partners partners, AnnouncementStore announcements, CommentaryStore commentaries,
            WebhookProperties properties, EndpointLimits limits, Clock clock) {
        this.http = http;
        this.signer = signer;
        this.payloads = payloads;
        this.attempts = attempts;
        this.health = health;
        this.partners = partners;
        this.announcements = announcements;
        this.commentaries = commentaries;
        this.events = new EventCache<>(announcements, commentaries, EVENT_TTL, EVENTS);
        this.properties = properties;
        this.clock = clock;
        this.limits = limits;
    }

    @Override
    public Settings settings() {
        return new Settings(Channel.WEBHOOK, this.properties.concurrency(), this.properties.retrySchedule(),
                this.properties.retryJitter());
    }

    /**
     * {@link #WORKERS_PER_REQUEST} workers a request under way: the requests themselves
     * are capped at {@code concurrency} by the {@link GuardedHttpClient}, so the workers
     * beyond them wait for their outcome to be written, or for the next request slot,
     * without holding one.
     */
    @Override
    public int workers() {
        return Math.min(this.properties.concurrency() * WORKERS_PER_REQUEST, MAX_WORKERS);
    }

    /**
     * Twice the workers, so 8 × {@code concurrency}: the next claim is made, and its
     * reads begin, while the last one's deliveries are sent, and each claim is large,
     * since a claim's round trips to the ledger, not its rows, are what it costs. The
     * lane's window is the workers and these, 12 × {@code concurrency}; it claims once
     * half of it is free, for every free place: 6 × {@code concurrency} rows a claim in a
     * steady stream, up to 12 × from idle. Claimed deliveries count against their
     * endpoint's cap on requests under way from their claim, so the cap holds, if
     * anything, early.
     */
    @Override
    public int claimAhead() {
        return workers() * CLAIMED_AHEAD_PER_WORKER;
    }

    @Override
    public Set<UUID> unavailableRecipients() {
        return this.limits.unavailable();
    }

    /**
     * Claims within each endpoint's limits, in the claim's transaction, so that they hold
     * across instances.
     */
    @Override
    public List<Delivery> claim(DeliveryLedger ledger, int limit, Duration lease) {
        return ledger.claim(Channel.WEBHOOK, limit, lease, this.limits.unavailable(), limit * SCAN_PER_WORKER,
                this.limits.within(lease));
    }

    /**
     * Reads what the claimed deliveries need — their endpoints, each announcement and
     * commentary once (or as read for a claim less than {@link #EVENT_TTL} ago, before
     * any change this instance made since), and each event's body — in a query or a few
     * for the whole claim rather than three for each delivery, on threads of their own
     * ({@link #READERS} claims at once), started as soon as the claim commits: neither
     * the claiming thread (which goes on claiming) nor the claim's workers make them, so
     * no worker holds the others up while it reads for them all, and since the lane
     * claims ahead of its workers, the reads are mostly done before a worker asks. Read
     * after the claim, as each send's own reads would be; if the reads fail, each
     * delivery reads its own.
     */
    @Override
    public void claimed(List<Delivery> claimed) {
        if (claimed.isEmpty()) {
            return;
        }
        CompletableFuture<Map<UUID, Prepared>> reads = CompletableFuture.supplyAsync(() -> read(claimed), this.readers);
        claimed.forEach((delivery) -> this.prepared.put(delivery.id(), reads));
    }

    @Override
    public void unsent(Delivery delivery) {
        this.prepared.remove(delivery.id());
    }

    private Map<UUID, Prepared> read(List<Delivery> claimed) {
        try {
            Map<UUID, PartnerEndpoint> endpoints = this.partners
                .endpoints(claimed.stream().map(Delivery::recipientId).toList());
            Map<UUID, Prepared> read = new HashMap<>();
            for (Delivery claim : claimed) {
                Event event = this.events.get(claim, this::event, (found) -> found.announcement().isPresent());
                if (event.announcement().isPresent()) {
                    // Rendered here, once for all that share it, not by a worker.
                    event.body(this.payloads, claim);
                }
                read.put(claim.id(), new Prepared(Optional.ofNullable(endpoints.get(claim.recipientId())), event));
            }
            return read;
        }
        catch (RuntimeException ex) {
            logger.debug("Could not read a claim's deliveries at once; each reads its own: " + ex);
            return Map.of();
        }
    }

    /** What the claim's reads found for {@code delivery}; null to read its own. */
    private @Nullable Prepared prepared(Delivery delivery) {
        CompletableFuture<Map<UUID, Prepared>> reads = this.prepared.remove(delivery.id());
        if (reads == null) {
            return null;
        }
        try {
            return reads.join().get(delivery.id());
        }
        catch (RuntimeException ex) {
            return null; // the reads were refused (shutting down): reads its own
        }
    }

    private Event event(Delivery delivery) {
        Optional<AnnouncementTagged> announcement = this.announcements.find(delivery);
        Optional<Commentary> commentary = announcement.isPresent()
                ? this.commentaries.forWebhook(delivery, announcement.get()) : Optional.empty();
        return new Event(announcement, commentary);
    }

    @Override
    public DeliveryOutcome deliver(Delivery delivery) {
        Prepared prepared = prepared(delivery);
        Optional<PartnerEndpoint> found = (prepared != null) ? prepared.endpoint()
                : this.partners.endpoint(delivery.recipientId());
        if (found.isEmpty()) {
            return DeliveryOutcome.failed("The partner no longer exists");
        }
        PartnerEndpoint endpoint = found.get();
        if (!endpoint.enabled()) {
            return DeliveryOutcome.failed("The partner's endpoint is disabled");
        }
        Event event = (prepared != null) ? prepared.event() : event(delivery);
        Optional<AnnouncementTagged> announcement = event.announcement();
        if (announcement.isEmpty()) {
            return DeliveryOutcome.failed("The announcement is no longer stored");
        }
        Optional<Commentary> commentary = event.commentary();
        if (delivery.eventKind() == EventKind.COMMENTED && commentary.isEmpty()) {
            return DeliveryOutcome.failed("The commentary is no longer stored");
        }
        Body body = event.body(this.payloads, delivery);
        Map<String, String> headers = this.signer.headers(delivery.id().toString(), this.clock.instant(), body.text(),
                endpoint.secrets());
        long started = System.nanoTime();
        GuardedHttpClient.Exchange exchange = this.http.post(endpoint.url(), headers, body.bytes());
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        DeliveryOutcome outcome = exchange.outcome();
        try {
            Boolean marked = this.attempts.record(delivery, endpoint.id(), exchange.statusCode(), millis,
                    errorOf(outcome), outcome instanceof DeliveryOutcome.Sent);
            if (marked != null) {
                // Marked sent with the attempt's log, in its commit.
                outcome = DeliveryOutcome.sentAndMarked(marked);
            }
        }
        catch (RuntimeException ex) {
            // The request was made: its outcome goes to the ledger whatever the log's
            // fate (a retry would send it again); the dispatcher marks it as it would.
            logger.warn("Could not log attempt " + delivery.attempts() + " of delivery " + delivery.id() + ": " + ex);
        }
        this.health.record(endpoint, exchange);
        return outcome;
    }

    /** A claimed delivery's endpoint and event, read with the rest of its claim. */
    private record Prepared(Optional<PartnerEndpoint> endpoint, Event event) {
    }

    /**
     * An announcement at the revision an event carries, with its commentary, and the
     * bodies rendered of it: a claim's deliveries of one event share their body (the
     * deliveries of an event are recorded together, so they have one timestamp), and only
     * its signature, under each endpoint's secret, is made per delivery.
     */
    private static final class Event {

        private final Optional<AnnouncementTagged> announcement;

        private final Optional<Commentary> commentary;

        /** By the deliveries' timestamp (their {@code createdAt}). */
        private final Map<Instant, Body> bodies = new ConcurrentHashMap<>();

        Event(Optional<AnnouncementTagged> announcement, Optional<Commentary> commentary) {
            this.announcement = announcement;
            this.commentary = commentary;
        }

        Optional<AnnouncementTagged> announcement() {
            return this.announcement;
        }

        Optional<Commentary> commentary() {
            return this.commentary;
        }

        /**
         * The body of {@code delivery}, rendered and encoded once for all that share it.
         */
        Body body(WebhookPayload payloads, Delivery delivery) {
            return this.bodies.computeIfAbsent(delivery.createdAt(), (timestamp) -> Body.of(payloads
                .body(this.announcement.orElseThrow(), delivery.eventKind(), this.commentary.orElse(null), timestamp)));
        }

    }

    /**
     * A rendered body, with its UTF-8 bytes as they are sent. The Standard Webhooks
     * library signs the text (encoding it again, about a microsecond a delivery): signing
     * stays the library's rather than HMAC code of our own.
     */
    private record Body(String text, byte[] bytes) {

        static Body of(String text) {
            return new Body(text, text.getBytes(StandardCharsets.UTF_8));
        }

    }

    private static @Nullable String errorOf(DeliveryOutcome outcome) {
        if (outcome instanceof DeliveryOutcome.Retry retry) {
            return retry.error();
        }
        if (outcome instanceof DeliveryOutcome.Failed failed) {
            return failed.error();
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        this.readers.shutdownNow();
        this.http.close();
    }

}

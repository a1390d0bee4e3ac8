package org.herald.notifier.webhook;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.herald.events.AnnouncementTagged;
import org.herald.notifier.delivery.AnnouncementStore;
import org.herald.notifier.delivery.Channel;
import org.herald.notifier.delivery.Commentary;
import org.herald.notifier.delivery.CommentaryStore;
import org.herald.notifier.delivery.Delivery;
import org.herald.notifier.delivery.DeliveryChannel;
import org.herald.notifier.delivery.DeliveryOutcome;
import org.herald.notifier.delivery.EventKind;
import org.herald.notifier.partner.PartnerEndpoint;
import org.herald.notifier.partner.Partners;
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
 * and cap on requests under way defer a delivery rather than hold a worker.
 */
final class WebhookSender implements DeliveryChannel, AutoCloseable {

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

    WebhookSender(GuardedHttpClient http, WebhookSigner signer, WebhookPayload payloads, WebhookAttempts attempts,
            EndpointHealth health, Partners partners, AnnouncementStore announcements, CommentaryStore commentaries,
            WebhookProperties properties, Clock clock) {
        this.http = http;
        this.signer = signer;
        this.payloads = payloads;
        this.attempts = attempts;
        this.health = health;
        this.partners = partners;
        this.announcements = announcements;
        this.commentaries = commentaries;
        this.properties = properties;
        this.clock = clock;
        this.limits = new EndpointLimits(properties.rateLimit(), properties.endpointConcurrency(), System::nanoTime);
    }

    @Override
    public Settings settings() {
        return new Settings(Channel.WEBHOOK, this.properties.concurrency(), this.properties.retrySchedule(),
                this.properties.retryJitter());
    }

    @Override
    public Set<UUID> unavailableRecipients() {
        return this.limits.unavailable();
    }

    @Override
    public DeliveryOutcome deliver(Delivery delivery) {
        Optional<PartnerEndpoint> found = this.partners.endpoint(delivery.recipientId());
        if (found.isEmpty()) {
            return DeliveryOutcome.failed("The partner no longer exists");
        }
        PartnerEndpoint endpoint = found.get();
        if (!endpoint.enabled()) {
            return DeliveryOutcome.failed("The partner's endpoint is disabled");
        }
        Optional<AnnouncementTagged> announcement = this.announcements.find(delivery);
        if (announcement.isEmpty()) {
            return DeliveryOutcome.failed("The announcement is no longer stored");
        }
        Optional<Commentary> commentary = this.commentaries.forWebhook(delivery, announcement.get());
        if (delivery.eventKind() == EventKind.COMMENTED && commentary.isEmpty()) {
            return DeliveryOutcome.failed("The commentary is no longer stored");
        }
        Optional<Duration> wait = this.limits.tryStart(endpoint.id(), endpoint.rateLimit());
        if (wait.isPresent()) {
            return DeliveryOutcome.deferred(wait.get());
        }
        try {
            String body = this.payloads.body(announcement.get(), delivery.eventKind(), commentary.orElse(null),
                    delivery.createdAt());
            Map<String, String> headers = this.signer.headers(delivery.id().toString(), this.clock.instant(), body,
                    endpoint.secrets());
            long started = System.nanoTime();
            GuardedHttpClient.Exchange exchange = this.http.post(endpoint.url(), headers, body);
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            this.attempts.record(delivery.id(), endpoint.id(), delivery.attempts(), exchange.statusCode(), millis,
                    errorOf(exchange.outcome()));
            this.health.record(endpoint, exchange);
            return exchange.outcome();
        }
        finally {
            this.limits.finish(endpoint.id());
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
        this.http.close();
    }

}

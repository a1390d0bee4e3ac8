package org.herald.notifier.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.herald.events.AnnouncementTagged;
import org.herald.notifier.delivery.AnnouncementStore;
import org.herald.notifier.delivery.Channel;
import org.herald.notifier.delivery.Delivery;
import org.herald.notifier.delivery.DeliveryChannel;
import org.herald.notifier.delivery.DeliveryOutcome;
import org.herald.notifier.partner.Partner;
import org.herald.notifier.partner.PartnerEndpoint;
import org.herald.notifier.partner.Partners;

/**
 * Makes one signed POST per webhook attempt: the {@link WebhookPayload body}, Standard
 * Webhooks headers, the delivery's id as {@code webhook-id} on every attempt. 2xx is
 * success; 410 Gone disables the partner and fails the delivery; an endpoint the
 * {@link EndpointGuard} refuses fails it (until the configuration or the URL changes: a
 * retry would be refused again); any other answer or a network failure is retried, after
 * at least the {@code Retry-After} of a 429 or 503 (capped at an hour). Redirects are not
 * followed and at most a few KB of an answer are read.
 * <p>
 * Each attempt is logged ({@link WebhookAttempts}) and counts for or against the
 * endpoint's health: failing without a success for {@code disable-after} disables it, and
 * its contact is told. An endpoint's rate limit and cap on requests under way defer a
 * delivery rather than hold a worker.
 */
final class WebhookSender implements DeliveryChannel, AutoCloseable {

    private static final Log logger = LogFactory.getLog(WebhookSender.class);

    private static final int MAX_ANSWER_BYTES = 2048;

    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private static final ContentType JSON = ContentType.create("application/json", (String) null);

    private final CloseableHttpClient http;

    private final ScheduledExecutorService deadlines;

    private final WebhookSigner signer;

    private final WebhookPayload payloads;

    private final EndpointGuard guard;

    private final EndpointLimits limits;

    private final WebhookAttempts attempts;

    private final EndpointNotices notices;

    private final Partners partners;

    private final AnnouncementStore announcements;

    private final WebhookProperties properties;

    private final Clock clock;

    WebhookSender(WebhookSigner signer, WebhookPayload payloads, EndpointGuard guard, WebhookAttempts attempts,
            EndpointNotices notices, Partners partners, AnnouncementStore announcements, WebhookProperties properties,
            Clock clock) {
        this.signer = signer;
        this.payloads = payloads;
        this.guard = guard;
        this.attempts = attempts;
        this.notices = notices;
        this.partners = partners;
        this.announcements = announcements;
        this.properties = properties;
        this.clock = clock;
        this.limits = new EndpointLimits(properties.rateLimit(), properties.endpointConcurrency(), System::nanoTime);
        this.http = httpClient(properties, guard);
        this.deadlines = Executors.newSingleThreadScheduledExecutor((runnable) -> {
            Thread thread = new Thread(runnable, "herald-webhook-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    static CloseableHttpClient httpClient(WebhookProperties properties, EndpointGuard guard) {
        Timeout connect = Timeout.of(properties.connectTimeout());
        Timeout request = Timeout.of(properties.requestTimeout());
        return HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDnsResolver(guard))
                .setDefaultConnectionConfig(
                        ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(request).build())
                .setMaxConnTotal(properties.concurrency())
                .setMaxConnPerRoute(properties.concurrency())
                .build())
            .setDefaultRequestConfig(RequestConfig.custom()
                .setConnectionRequestTimeout(request)
                .setResponseTimeout(request)
                .setRedirectsEnabled(false)
                .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .setUserAgent(userAgent())
            .build();
    }

    static String userAgent() {
        String version = WebhookSender.class.getPackage().getImplementationVersion();
        return "Herald-Webhooks/" + ((version != null) ? version : "dev");
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public int concurrency() {
        return this.properties.concurrency();
    }

    @Override
    public List<Duration> retrySchedule() {
        return this.properties.retrySchedule();
    }

    @Override
    public double retryJitter() {
        return this.properties.retryJitter();
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
        Optional<AnnouncementTagged> announcement = this.announcements.find(delivery.announcementId());
        if (announcement.isEmpty()) {
            return DeliveryOutcome.failed("The announcement is no longer stored");
        }
        Optional<Duration> wait = this.limits.tryStart(endpoint.id(), endpoint.rateLimit());
        if (wait.isPresent()) {
            return DeliveryOutcome.deferred(wait.get());
        }
        try {
            String body = this.payloads.body(announcement.get(), delivery.createdAt());
            long started = System.nanoTime();
            Attempt attempt = post(endpoint, delivery.id().toString(), body);
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            this.attempts.record(delivery.id(), endpoint.id(), delivery.attempts(), attempt.statusCode(), millis,
                    errorOf(attempt.outcome()));
            updateHealth(endpoint, attempt);
            return attempt.outcome();
        }
        finally {
            this.limits.finish(endpoint.id());
        }
    }

    private Attempt post(PartnerEndpoint endpoint, String messageId, String body) {
        URI url;
        try {
            url = new URI(endpoint.url());
            this.guard.checkUrl(url);
        }
        catch (URISyntaxException ex) {
            return new Attempt(null, DeliveryOutcome.failed("The endpoint is not a valid URL"));
        }
        catch (RefusedEndpointException ex) {
            return new Attempt(null, refused(ex));
        }
        HttpPost post = new HttpPost(url);
        post.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), JSON));
        this.signer.headers(messageId, this.clock.instant(), body, endpoint.secrets()).forEach(post::setHeader);
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> deadline = this.deadlines.schedule(() -> {
            timedOut.set(true);
            post.cancel();
        }, this.properties.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = this.http.executeOpen(null, post, null)) {
            return new Attempt(response.getCode(), outcome(response));
        }
        catch (IOException | RuntimeException ex) {
            RefusedEndpointException refusal = refusalIn(ex);
            if (refusal != null) {
                return new Attempt(null, refused(refusal));
            }
            if (timedOut.get()) {
                return new Attempt(null, DeliveryOutcome.retry("No answer within " + this.properties.requestTimeout()));
            }
            return new Attempt(null, DeliveryOutcome.retry(ex.getClass().getSimpleName() + ": " + ex.getMessage()));
        }
        finally {
            deadline.cancel(false);
        }
    }

    private static DeliveryOutcome refused(RefusedEndpointException ex) {
        return DeliveryOutcome.failed("Refused by the SSRF guard: " + ex.getMessage());
    }

    private static RefusedEndpointException refusalIn(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedEndpointException refusal) {
                return refusal;
            }
        }
        return null;
    }

    private DeliveryOutcome outcome(ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        if (status >= 200 && status < 300) {
            return DeliveryOutcome.sent();
        }
        String error = "HTTP " + status + answerExcerpt(response.getEntity());
        if (status == 410) {
            return DeliveryOutcome.failed(error + " (endpoint disabled)");
        }
        if (status == 429 || status == 503) {
            Duration wait = retryAfter(response.getFirstHeader("Retry-After"), this.clock.instant());
            if (wait != null) {
                return DeliveryOutcome.retryAfter(error, wait);
            }
        }
        return DeliveryOutcome.retry(error);
    }

    private void updateHealth(PartnerEndpoint endpoint, Attempt attempt) {
        if (attempt.outcome() instanceof DeliveryOutcome.Sent) {
            this.partners.recordSuccess(endpoint.id());
            return;
        }
        Optional<Partner> disabled;
        String reason;
        if (attempt.statusCode() != null && attempt.statusCode() == 410) {
            reason = "The endpoint answered 410 Gone at " + this.clock.instant();
            this.partners.recordFailure(endpoint.id(), this.properties.disableAfter());
            disabled = this.partners.disableIfEnabled(endpoint.id(), reason);
        }
        else {
            disabled = this.partners.recordFailure(endpoint.id(), this.properties.disableAfter());
            reason = disabled.map(Partner::disabledReason).orElse(null);
        }
        disabled.ifPresent((partner) -> {
            logger.warn("Disabled the endpoint of partner " + partner.id() + ": " + reason);
            this.notices.endpointDisabled(partner, reason);
        });
    }

    private static String errorOf(DeliveryOutcome outcome) {
        if (outcome instanceof DeliveryOutcome.Retry retry) {
            return retry.error();
        }
        if (outcome instanceof DeliveryOutcome.Failed failed) {
            return failed.error();
        }
        return null;
    }

    /** The first few KB of an answer's body, as one line; never more is read. */
    private static String answerExcerpt(HttpEntity entity) throws IOException {
        if (entity == null) {
            return "";
        }
        try (InputStream in = entity.getContent()) {
            byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES);
            String text = new String(bytes, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
            return text.isEmpty() ? "" : ": " + text;
        }
    }

    /**
     * The wait a {@code Retry-After} header asks for (seconds or an HTTP date), capped at
     * an hour; or null.
     */
    static Duration retryAfter(Header header, Instant now) {
        if (header == null || header.getValue() == null) {
            return null;
        }
        String value = header.getValue().strip();
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value));
        }
        catch (NumberFormatException notSeconds) {
            try {
                wait = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            }
            catch (DateTimeParseException notADate) {
                return null;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return (wait.compareTo(MAX_RETRY_AFTER) > 0) ? MAX_RETRY_AFTER : wait;
    }

    @Override
    public void close() throws IOException {
        this.deadlines.shutdownNow();
        this.http.close();
    }

    /**
     * What one request came to.
     *
     * @param statusCode the answer's status code; null if there was none
     * @param outcome for the ledger
     */
    private record Attempt(Integer statusCode, DeliveryOutcome outcome) {
    }

}

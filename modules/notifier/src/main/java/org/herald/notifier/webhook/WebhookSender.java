package org.herald.notifier.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
import org.herald.notifier.partner.PartnerEndpoint;
import org.herald.notifier.partner.Partners;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes one signed POST per webhook delivery: body {@code {"type":"announcement.tagged","timestamp",
 * "data"}}, Standard Webhooks headers, the delivery's id as {@code webhook-id} on every attempt. 2xx is
 * success; 410 Gone disables the partner and fails the delivery; any other answer or a network failure is
 * retried, after at least the {@code Retry-After} of a 429 or 503 (capped at an hour). Redirects are not
 * followed and at most a few KB of an answer are read.
 */
final class WebhookSender implements DeliveryChannel, AutoCloseable {

    static final String EVENT_TYPE = "announcement.tagged";

    private static final int MAX_ANSWER_BYTES = 2048;

    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private static final ContentType JSON = ContentType.create("application/json", (String) null);

    private final CloseableHttpClient http;

    private final ScheduledExecutorService deadlines;

    private final WebhookSigner signer;

    private final Partners partners;

    private final AnnouncementStore announcements;

    private final JsonMapper json;

    private final WebhookProperties properties;

    private final Clock clock;

    WebhookSender(WebhookSigner signer, Partners partners, AnnouncementStore announcements, JsonMapper json,
            WebhookProperties properties, Clock clock) {
        this.signer = signer;
        this.partners = partners;
        this.announcements = announcements;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.http = httpClient(properties);
        this.deadlines = Executors.newSingleThreadScheduledExecutor((runnable) -> {
            Thread thread = new Thread(runnable, "herald-webhook-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static CloseableHttpClient httpClient(WebhookProperties properties) {
        Timeout connect = Timeout.of(properties.connectTimeout());
        Timeout request = Timeout.of(properties.requestTimeout());
        return HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
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
    public DeliveryOutcome deliver(Delivery delivery) {
        Optional<PartnerEndpoint> endpoint = this.partners.endpoint(delivery.recipientId());
        if (endpoint.isEmpty()) {
            return DeliveryOutcome.failed("The partner no longer exists");
        }
        if (!endpoint.get().enabled()) {
            return DeliveryOutcome.failed("The partner's endpoint is disabled");
        }
        Optional<AnnouncementTagged> announcement = this.announcements.find(delivery.announcementId());
        if (announcement.isEmpty()) {
            return DeliveryOutcome.failed("The announcement is no longer stored");
        }
        String body = body(announcement.get(), delivery.createdAt());
        return post(endpoint.get(), delivery.id().toString(), body);
    }

    /** The body: the same on every attempt of a delivery. */
    String body(AnnouncementTagged announcement, Instant timestamp) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", EVENT_TYPE);
        payload.put("timestamp", timestamp.toString());
        payload.put("data", announcement);
        return this.json.writeValueAsString(payload);
    }

    private DeliveryOutcome post(PartnerEndpoint endpoint, String messageId, String body) {
        HttpPost post = new HttpPost(endpoint.url());
        post.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), JSON));
        this.signer.headers(messageId, this.clock.instant(), body, endpoint.secret()).forEach(post::setHeader);
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> deadline = this.deadlines.schedule(() -> {
            timedOut.set(true);
            post.cancel();
        }, this.properties.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = this.http.executeOpen(null, post, null)) {
            return outcome(endpoint, response);
        }
        catch (IOException | RuntimeException ex) {
            if (timedOut.get()) {
                return DeliveryOutcome.retry("No answer within " + this.properties.requestTimeout());
            }
            return DeliveryOutcome.retry(ex.getClass().getSimpleName() + ": " + ex.getMessage());
        }
        finally {
            deadline.cancel(false);
        }
    }

    private DeliveryOutcome outcome(PartnerEndpoint endpoint, ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        if (status >= 200 && status < 300) {
            return DeliveryOutcome.sent();
        }
        String error = "HTTP " + status + answerExcerpt(response.getEntity());
        if (status == 410) {
            this.partners.disable(endpoint.id(), "The endpoint answered 410 Gone at " + this.clock.instant());
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

    /** The wait a {@code Retry-After} header asks for (seconds or an HTTP date), capped at an hour; or null. */
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

}

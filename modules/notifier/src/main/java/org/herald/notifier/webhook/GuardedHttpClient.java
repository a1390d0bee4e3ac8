package org.herald.notifier.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
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
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.herald.notifier.delivery.DeliveryOutcome;
import org.jspecify.annotations.Nullable;

/**
 * Posts webhooks over HTTP, only to the addresses the {@link EndpointGuard} admits (it
 * resolves every name), within the request timeout as a whole (a deadline cancels a
 * request that trickles), without following redirects, reading at most a few KB of an
 * answer, at most {@code concurrency} requests under way at once (over as many kept-alive
 * connections; a caller beyond them waits for a slot before its request's clock starts).
 * What an answer means is {@link WebhookAnswers}'.
 */
final class GuardedHttpClient implements AutoCloseable {

    private static final int MAX_ANSWER_BYTES = 2048;

    private static final ContentType JSON = ContentType.create("application/json", (String) null);

    private final CloseableHttpClient http;

    private final ScheduledExecutorService deadlines;

    private final EndpointGuard guard;

    private final WebhookProperties properties;

    private final Clock clock;

    /** A slot per request under way, as many as the pool's connections. */
    private final Semaphore slots;

    GuardedHttpClient(WebhookProperties properties, EndpointGuard guard, Clock clock) {
        this.slots = new Semaphore(properties.concurrency(), true);
        this.guard = guard;
        this.properties = properties;
        this.clock = clock;
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
        String version = GuardedHttpClient.class.getPackage().getImplementationVersion();
        return "Herald-Webhooks/" + ((version != null) ? version : "dev");
    }

    /**
     * POSTs {@code body} as JSON with {@code headers} to {@code url}. Never throws for a
     * failure of the endpoint or the network: reports it in the exchange.
     */
    Exchange post(String url, Map<String, String> headers, String body) {
        return post(url, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * POSTs {@code body}, JSON in UTF-8, as {@link #post(String, Map, String)} does: the
     * bytes as they are, so that a body shared by many requests is encoded once.
     */
    Exchange post(String url, Map<String, String> headers, byte[] body) {
        URI uri;
        try {
            uri = new URI(url);
            this.guard.checkUrl(uri);
        }
        catch (URISyntaxException ex) {
            return new Exchange(null, WebhookAnswers.notAUrl());
        }
        catch (RefusedEndpointException ex) {
            return new Exchange(null, WebhookAnswers.refused(ex));
        }
        try {
            this.slots.acquire();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Exchange(null, DeliveryOutcome.retry("Interrupted before the request was made"));
        }
        try {
            return post(uri, headers, body);
        }
        finally {
            this.slots.release();
        }
    }

    private Exchange post(URI uri, Map<String, String> headers, byte[] body) {
        HttpPost post = new HttpPost(uri);
        post.setEntity(new ByteArrayEntity(body, JSON));
        headers.forEach(post::setHeader);
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> deadline = this.deadlines.schedule(() -> {
            timedOut.set(true);
            post.cancel();
        }, this.properties.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = this.http.executeOpen(null, post, null)) {
            int status = response.getCode();
            String excerpt = (status >= 200 && status < 300) ? "" : answerExcerpt(response.getEntity());
            return new Exchange(status, WebhookAnswers.answered(status, excerpt, response.getFirstHeader("Retry-After"),
                    this.clock.instant()));
        }
        catch (IOException | RuntimeException ex) {
            RefusedEndpointException refusal = refusalIn(ex);
            if (refusal != null) {
                return new Exchange(null, WebhookAnswers.refused(refusal));
            }
            if (timedOut.get()) {
                return new Exchange(null, WebhookAnswers.noAnswer(this.properties.requestTimeout()));
            }
            return new Exchange(null, WebhookAnswers.broken(ex));
        }
        finally {
            deadline.cancel(false);
        }
    }

    private static @Nullable RefusedEndpointException refusalIn(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedEndpointException refusal) {
                return refusal;
            }
        }
        return null;
    }

    /** The first few KB of an answer's body, as one line; never more is read. */
    private static String answerExcerpt(@Nullable HttpEntity entity) throws IOException {
        if (entity == null) {
            return "";
        }
        try (InputStream in = entity.getContent()) {
            byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES);
            return new String(bytes, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        }
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
    record Exchange(@Nullable Integer statusCode, DeliveryOutcome outcome) {

        boolean gone() {
            return this.statusCode != null && this.statusCode == WebhookAnswers.GONE;
        }

    }

}

package org.herald.publisher.feed;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.herald.support.net.AddressGuard;
import org.herald.support.net.RefusedAddressException;
import org.jspecify.annotations.Nullable;

/**
 * Fetches feed documents over HTTP: a GET naming Herald in its {@code User-Agent},
 * conditional on the last document's {@code ETag} and {@code Last-Modified}, within a
 * timeout for the whole exchange (a body that trickles is cut off), at most a given
 * number of bytes, following up to five redirects. Every host, the redirects' too, is
 * resolved through the SSRF guard, so the address connected to is an address checked.
 */
class FeedFetcher implements AutoCloseable {

    static final String USER_AGENT = "Herald-Publisher/1 (announcement monitor; +https://github.com/herald)";

    private final CloseableHttpClient client;

    private final Duration timeout;

    private final long maxBytes;

    private final Clock clock;

    FeedFetcher(AddressGuard guard, Duration timeout, long maxBytes, Clock clock) {
        Timeout limit = Timeout.of(timeout);
        this.client = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedResolver(guard))
                .setDefaultConnectionConfig(
                        ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build())
                .setMaxConnTotal(8)
                .setMaxConnPerRoute(2)
                .build())
            .setDefaultRequestConfig(RequestConfig.custom()
                .setConnectionRequestTimeout(limit)
                .setResponseTimeout(limit)
                .setMaxRedirects(5)
                .build())
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .setUserAgent(USER_AGENT)
            .build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /**
     * The document at {@code url}, or a 304 when it is unchanged since the document with
     * {@code etag} / {@code lastModified}, or the status and {@code Retry-After} of a 429
     * or 5xx.
     * @throws InvalidFeedException if it cannot be fetched (refused by the guard, not
     * reached, too slow, too large, another status)
     */
    FeedResponse fetch(URI url, @Nullable String etag, @Nullable String lastModified) {
        HttpGet get = new HttpGet(url);
        get.setHeader("Accept", "application/atom+xml, application/rss+xml, application/json;q=0.9, */*;q=0.5");
        if (etag != null) {
            get.setHeader("If-None-Match", etag);
        }
        if (lastModified != null) {
            get.setHeader("If-Modified-Since", lastModified);
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        CompletableFuture<Void> deadline = CompletableFuture.runAsync(() -> {
            timedOut.set(true);
            get.cancel();
        }, CompletableFuture.delayedExecutor(this.timeout.toMillis(), TimeUnit.MILLISECONDS));
        try (ClassicHttpResponse response = this.client.executeOpen(null, get, null)) {
            int status = response.getCode();
            if (status == 304) {
                return FeedResponse.notModified();
            }
            if (status == 429 || status >= 500) {
                return FeedResponse.throttled(status, retryAfter(response.getFirstHeader("Retry-After")));
            }
            if (status != 200) {
                throw new InvalidFeedException(url + " answered " + status);
            }
            return new FeedResponse(200, body(url, response.getEntity()), header(response, "ETag"),
                    header(response, "Last-Modified"), null);
        }
        catch (IOException | RuntimeException ex) {
            if (ex instanceof InvalidFeedException invalid) {
                throw invalid;
            }
            RefusedAddressException refusal = refusalIn(ex);
            if (refusal != null) {
                throw new InvalidFeedException("Refused by the SSRF guard: " + refusal.getMessage(), refusal);
            }
            if (timedOut.get()) {
                throw new InvalidFeedException("No complete answer from " + url + " within " + this.timeout, ex);
            }
            throw new InvalidFeedException("Could not fetch " + url + ": " + ex, ex);
        }
        finally {
            deadline.cancel(false);
        }
    }

    private byte[] body(URI url, @Nullable HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        if (entity.getContentLength() > this.maxBytes) {
            throw new InvalidFeedException(url + " is larger than " + this.maxBytes + " bytes");
        }
        try (InputStream body = entity.getContent()) {
            byte[] document = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBytes + 1));
            if (document.length > this.maxBytes) {
                throw new InvalidFeedException(url + " is larger than " + this.maxBytes + " bytes");
            }
            return document;
        }
    }

    private static @Nullable String header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return (header != null && !header.getValue().isBlank()) ? header.getValue().strip() : null;
    }

    /** A {@code Retry-After} of seconds or an HTTP date, as a wait from now. */
    @Nullable Duration retryAfter(@Nullable Header header) {
        if (header == null || header.getValue().isBlank()) {
            return null;
        }
        String value = header.getValue().strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        }
        catch (NumberFormatException ex) {
            // An HTTP date, then.
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(this.clock.instant(), at);
            return wait.isNegative() ? Duration.ZERO : wait;
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }

    private static @Nullable RefusedAddressException refusalIn(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedAddressException refusal) {
                return refusal;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        this.client.close();
    }

    /**
     * The HTTP client's only way to turn a host into addresses: through the guard. Never
     * answers null (which the client would take for "connect by name").
     */
    private static final class GuardedResolver implements DnsResolver {

        private final AddressGuard guard;

        GuardedResolver(AddressGuard guard) {
            this.guard = guard;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return this.guard.resolve(host);
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            return Arrays.stream(this.guard.resolve(host))
                .map((address) -> new InetSocketAddress(address, port))
                .toList();
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }

    }

}

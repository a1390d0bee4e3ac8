package org.herald.publisher.feed;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Fetches feed documents over HTTP: a GET with a timeout, following redirects, 200 only,
 * at most a given number of bytes.
 */
class FeedFetcher {

    private static final String USER_AGENT = "Herald-Publisher/1 (+https://github.com/herald)";

    private final HttpClient client;

    private final Duration timeout;

    private final long maxBytes;

    FeedFetcher(Duration timeout, long maxBytes) {
        this.client = HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    private static void close(InputStream body) {
        try {
            body.close();
        }
        catch (IOException ex) {
            // It is being abandoned.
        }
    }

    /**
     * The document at {@code url}.
     * @throws InvalidFeedException if it cannot be fetched, is not a 200, or is too large
     */
    byte[] fetch(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url)
            .timeout(this.timeout)
            .header("User-Agent", USER_AGENT)
            .header("Accept", "application/atom+xml, application/json;q=0.9, */*;q=0.5")
            .GET()
            .build();
        try {
            HttpResponse<InputStream> response = this.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new InvalidFeedException(url + " answered " + response.statusCode());
                }
                // The request timeout covers the headers only: a body that trickles is
                // cut off at the same
                // timeout, by closing its stream under the reader.
                CompletableFuture<Void> deadline = CompletableFuture.runAsync(() -> close(body),
                        CompletableFuture.delayedExecutor(this.timeout.toMillis(), TimeUnit.MILLISECONDS));
                try {
                    byte[] document = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBytes + 1));
                    if (document.length > this.maxBytes) {
                        throw new InvalidFeedException(url + " is larger than " + this.maxBytes + " bytes");
                    }
                    return document;
                }
                finally {
                    deadline.cancel(false);
                }
            }
        }
        catch (IOException ex) {
            throw new InvalidFeedException("Could not fetch " + url + ": " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new InvalidFeedException("Interrupted fetching " + url, ex);
        }
    }

}

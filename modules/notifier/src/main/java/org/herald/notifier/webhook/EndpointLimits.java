package org.herald.notifier.webhook;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What each endpoint may take: a token bucket of its rate limit (messages per second, a
 * second's worth of burst) and a cap on the requests under way to it. A slow or hanging
 * endpoint holds at most the cap of the channel's workers; the rest go on serving the
 * others.
 */
final class EndpointLimits {

    private static final Duration BUSY_WAIT = Duration.ofSeconds(1);

    private static final Duration LEAST_WAIT = Duration.ofMillis(50);

    private final int defaultRate;

    private final int maxInFlight;

    private final LongSupplier nanoTime;

    private final Map<UUID, Endpoint> endpoints = new ConcurrentHashMap<>();

    /**
     * @param defaultRate messages per second for an endpoint without its own limit
     * @param maxInFlight requests under way to one endpoint at once
     * @param nanoTime the clock ({@link System#nanoTime()}, but for tests)
     */
    EndpointLimits(int defaultRate, int maxInFlight, LongSupplier nanoTime) {
        this.defaultRate = defaultRate;
        this.maxInFlight = maxInFlight;
        this.nanoTime = nanoTime;
    }

    /**
     * Takes a place for one request to {@code endpoint}, to be given back with
     * {@link #finish}.
     * @param rate its own rate limit, or null for the default
     * @return empty if the request may go now; else how long to wait before asking again
     */
    Optional<Duration> tryStart(UUID endpoint, Integer rate) {
        int perSecond = (rate != null) ? rate : this.defaultRate;
        return this.endpoints.computeIfAbsent(endpoint, (id) -> new Endpoint(perSecond, this.nanoTime.getAsLong()))
            .tryStart(perSecond, this.maxInFlight, this.nanoTime.getAsLong());
    }

    /** Gives back the place {@link #tryStart} took. */
    void finish(UUID endpoint) {
        Endpoint state = this.endpoints.get(endpoint);
        if (state != null) {
            state.finish();
        }
    }

    /** The endpoints that would not take a request now. */
    Set<UUID> unavailable() {
        long now = this.nanoTime.getAsLong();
        Set<UUID> busy = new HashSet<>();
        this.endpoints.forEach((id, state) -> {
            if (!state.available(this.maxInFlight, now)) {
                busy.add(id);
            }
        });
        return busy;
    }

    private static final class Endpoint {

        private double tokens;

        private long refilledAt;

        private int rate;

        private int inFlight;

        Endpoint(int rate, long now) {
            this.rate = rate;
            this.tokens = rate;
            this.refilledAt = now;
        }

        synchronized Optional<Duration> tryStart(int rate, int maxInFlight, long now) {
            this.rate = rate;
            refill(now);
            if (this.inFlight >= maxInFlight) {
                return Optional.of(BUSY_WAIT);
            }
            if (this.tokens < 1) {
                long nanos = (long) Math.ceil((1 - this.tokens) / this.rate * 1_000_000_000L);
                Duration wait = Duration.ofNanos(nanos);
                return Optional.of((wait.compareTo(LEAST_WAIT) < 0) ? LEAST_WAIT : wait);
            }
            this.tokens -= 1;
            this.inFlight++;
            return Optional.empty();
        }

        synchronized void finish() {
            this.inFlight = Math.max(0, this.inFlight - 1);
        }

        synchronized boolean available(int maxInFlight, long now) {
            refill(now);
            return this.inFlight < maxInFlight && this.tokens >= 1;
        }

        private void refill(long now) {
            double elapsed = (now - this.refilledAt) / 1_000_000_000.0;
            this.tokens = Math.min(this.rate, this.tokens + elapsed * this.rate);
            this.refilledAt = now;
        }

    }

}

package org.herald.publisher.feed;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import org.herald.publisher.announcement.Publishing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Schedules a poller for each enabled feed, the first poll at start-up and each next one
 * an interval after the last ended. Polls are counted in
 * {@code herald.publisher.feed.polls}, tagged with the feed and
 * {@code outcome=ok|failed}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(FeedProperties.class)
class FeedConfiguration implements SchedulingConfigurer {

    static final String POLLS_METRIC = "herald.publisher.feed.polls";

    private final FeedProperties properties;

    private final Validator validator;

    private final Publishing publishing;

    private final MeterRegistry meterRegistry;

    FeedConfiguration(FeedProperties properties, Validator validator, Publishing publishing,
            MeterRegistry meterRegistry) {
        this.properties = properties;
        this.validator = validator;
        this.publishing = publishing;
        this.meterRegistry = meterRegistry;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        FeedFetcher fetcher = new FeedFetcher(this.properties.timeout(), this.properties.maxBytes());
        schedule(registrar, GovUkAtomFeed.SOURCE, this.properties.govUkAtom(), fetcher, new GovUkAtomFeed());
        schedule(registrar, GovUkSearchResults.SOURCE, this.properties.govUkSearch(), fetcher,
                new GovUkSearchResults());
    }

    private void schedule(ScheduledTaskRegistrar registrar, String name, FeedProperties.Feed feed, FeedFetcher fetcher,
            FeedReader reader) {
        if (feed.enabled()) {
            FeedPoller poller = new FeedPoller(name, feed.url(), fetcher, reader, this.validator, this.publishing);
            registrar.addFixedDelayTask(new FixedDelayTask(counted(poller), feed.interval(), Duration.ZERO));
        }
    }

    private Runnable counted(FeedPoller poller) {
        Counter ok = Counter.builder(POLLS_METRIC)
            .tag("feed", poller.name())
            .tag("outcome", "ok")
            .register(this.meterRegistry);
        Counter failed = Counter.builder(POLLS_METRIC)
            .tag("feed", poller.name())
            .tag("outcome", "failed")
            .register(this.meterRegistry);
        return () -> {
            FeedPoll poll = poller.poll();
            ((poll.error() == null && poll.failed() == 0) ? ok : failed).increment();
        };
    }

}

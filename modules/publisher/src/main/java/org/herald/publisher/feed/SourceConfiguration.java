package org.herald.publisher.feed;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import org.herald.publisher.announcement.Publishing;
import org.herald.support.net.AddressGuard;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Wires the sources: their table, the SSRF guard, the fetcher and the poller; seeds the
 * configured sources; and, unless polling is off, looks for due sources every tick.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(SourceProperties.class)
class SourceConfiguration implements SchedulingConfigurer {

    private final SourceProperties properties;

    private final SourceScheduler scheduler;

    SourceConfiguration(SourceProperties properties, SourceScheduler scheduler) {
        this.properties = properties;
        this.scheduler = scheduler;
    }

    @Bean
    static Sources sources(DataSource dataSource) {
        return new Sources(JdbcClient.create(dataSource));
    }

    @Bean
    static AddressGuard sourceAddressGuard(SourceProperties properties) {
        return AddressGuard.of(properties.allowedNetworks(), false, SourceProperties.ALLOWED_NETWORKS);
    }

    @Bean(destroyMethod = "close")
    static FeedFetcher feedFetcher(AddressGuard sourceAddressGuard, SourceProperties properties) {
        return new FeedFetcher(sourceAddressGuard, properties.timeout(), properties.maxBytes(), Clock.systemUTC());
    }

    @Bean
    static SourceScheduler sourceScheduler(Sources sources, DataSource dataSource, FeedFetcher feedFetcher,
            Validator validator, Publishing publishing, SourceProperties properties, MeterRegistry meterRegistry,
            AddressGuard sourceAddressGuard) {
        Clock clock = Clock.systemUTC();
        SourcePoller poller = new SourcePoller(sources, new SeenEntries(JdbcClient.create(dataSource)), feedFetcher,
                validator, publishing, properties, new SourceMetrics(meterRegistry), clock);
        return new SourceScheduler(sources, poller, new SourceSeeds(sources, sourceAddressGuard, properties, clock),
                clock);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (this.properties.polling()) {
            registrar
                .addFixedDelayTask(new FixedDelayTask(this.scheduler::pollDue, this.properties.tick(), Duration.ZERO));
        }
    }

}

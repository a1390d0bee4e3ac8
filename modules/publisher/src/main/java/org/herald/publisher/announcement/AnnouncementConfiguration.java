package org.herald.publisher.announcement;

import java.time.Clock;
import java.util.HashSet;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.herald.events.Topics;
import org.herald.support.kafka.TopicProperties;
import org.herald.support.web.BearerKeyFilter;
import org.herald.support.web.RequestBodyLimitFilter;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the announcements API: its key rule, body limit, topic, ledger, sender and
 * metrics.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnnouncementProperties.class)
class AnnouncementConfiguration {

    static final String PUBLISH_PATH = "/api/v1/announcements";

    @Bean
    BearerKeyFilter.Rule announcementsKeyRule(AnnouncementProperties properties) {
        return BearerKeyFilter.Rule.requireKey(PUBLISH_PATH + "/**", new HashSet<>(properties.apiKeys()),
                "herald.publisher.api-keys");
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> announcementsBodyLimitFilter(AnnouncementProperties properties) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.maxBodyBytes()));
        registration.addUrlPatterns(PUBLISH_PATH, PUBLISH_PATH + "/*");
        // After the key check (support's BearerKeyFilter, HIGHEST_PRECEDENCE + 10):
        // strangers get a 401.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    NewTopic announcementsTopic(TopicProperties topics) {
        return topics.topic(Topics.ANNOUNCEMENTS);
    }

    @Bean
    AnnouncementSender announcementSender(ProducerFactory<?, ?> sharedProducerFactory,
            AnnouncementProperties properties) {
        return new AnnouncementSender(sharedProducerFactory.getConfigurationProperties(), properties.sendTimeout());
    }

    @Bean
    PublishedAnnouncements publishedAnnouncements(DataSource dataSource) {
        // A transaction manager of its own: the application's may be Kafka's (all-in-one
        // application).
        return new PublishedAnnouncements(JdbcClient.create(dataSource),
                new TransactionTemplate(new JdbcTransactionManager(dataSource)));
    }

    @Bean
    Publishing publishing(PublishedAnnouncements ledger, AnnouncementSender sender, MeterRegistry meterRegistry) {
        return new Publishing(ledger, sender, new PublishingMetrics(meterRegistry), Clock.systemUTC());
    }

}

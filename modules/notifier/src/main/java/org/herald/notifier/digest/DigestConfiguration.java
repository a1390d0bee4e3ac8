package org.herald.notifier.digest;

import java.time.Clock;

import org.herald.notifier.delivery.AnnouncementStore;
import org.herald.notifier.delivery.CommentaryStore;
import org.herald.notifier.delivery.Channel;
import org.herald.notifier.delivery.DeliveryProperties;
import org.herald.notifier.delivery.RetrySchedules;
import org.herald.notifier.email.DigestSender;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The digests: waiting items, the runs, their schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DigestProperties.class)
class DigestConfiguration {

    @Bean
    DigestItems digestItems(JdbcTemplate jdbc) {
        return new DigestItems(jdbc);
    }

    @Bean
    DigestPeriods digestPeriods(DigestProperties properties) {
        return new DigestPeriods(properties.dailyCron(), properties.weeklyCron(), properties.zone());
    }

    @Bean
    DigestRun digestRun(JdbcClient jdbc, AnnouncementStore announcements, CommentaryStore commentaries,
            DigestSender sender, RetrySchedules schedules, DeliveryProperties delivery) {
        return new DigestRun(new Digests(jdbc), announcements, commentaries, sender, schedules.of(Channel.EMAIL),
                delivery.dispatch().lease());
    }

    @Bean
    DigestSchedule digestSchedule(DigestRun run, DigestPeriods periods, DigestProperties properties) {
        return new DigestSchedule(run, periods, properties.retryPollInterval(), Clock.systemUTC());
    }

}

package org.herald.notifier.delivery;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger, the stored announcements and the dispatcher that works through the ledger.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

    @Bean
    RetrySchedules retrySchedules(DeliveryProperties properties, ObjectProvider<DeliveryChannel> channels) {
        Map<Channel, RetrySchedule> overrides = new EnumMap<>(Channel.class);
        channels.orderedStream()
            .filter((channel) -> !channel.retrySchedule().isEmpty())
            .forEach((channel) -> overrides.put(channel.channel(), new RetrySchedule(channel.retrySchedule())));
        return new RetrySchedules(new RetrySchedule(properties.retrySchedule()), overrides);
    }

    @Bean
    AnnouncementStore announcementStore(JdbcClient jdbc, JsonMapper json) {
        return new AnnouncementStore(jdbc, json);
    }

    @Bean
    CommentaryStore commentaryStore(JdbcClient jdbc) {
        return new CommentaryStore(jdbc);
    }

    @Bean
    DeliveryLedger deliveryLedger(JdbcClient jdbc, JdbcTemplate jdbcTemplate, RetrySchedules schedules) {
        return new DeliveryLedger(jdbc, jdbcTemplate, schedules);
    }

    @Bean
    VacuumCheck vacuumCheck(JdbcClient jdbc) {
        return new VacuumCheck(jdbc);
    }

    @Bean
    LedgerQueries ledgerQueries(JdbcClient jdbc) {
        return new LedgerQueries(jdbc);
    }

    @Bean
    Resends resends(DeliveryLedger ledger, JdbcClient jdbc, ObjectProvider<DeliveryChannel> channels,
            ObjectProvider<Dispatcher> dispatcher) {
        return new Resends(ledger, jdbc, () -> channels.orderedStream().toList(),
                () -> dispatcher.ifAvailable(Dispatcher::wake));
    }

    @Bean
    Dispatcher dispatcher(DeliveryLedger ledger, ObjectProvider<DeliveryChannel> channels, RetrySchedules schedules,
            MeterRegistry meters, DeliveryProperties properties) {
        List<DeliveryChannel> all = channels.orderedStream().toList();
        return new Dispatcher(ledger, all, schedules, meters, properties.dispatch().pollInterval(),
                properties.dispatch().lease());
    }

}

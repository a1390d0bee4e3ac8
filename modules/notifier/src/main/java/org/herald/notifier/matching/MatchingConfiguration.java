package org.herald.notifier.matching;

import org.herald.notifier.delivery.AnnouncementStore;
import org.herald.notifier.delivery.DeliveryLedger;
import org.herald.notifier.delivery.Dispatcher;
import org.herald.notifier.delivery.RetrySchedules;
import org.herald.notifier.partner.Partners;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The intake of tagged announcements and the Kafka listener that feeds it.
 */
@Configuration(proxyBeanMethods = false)
class MatchingConfiguration {

    @Bean
    AnnouncementIntake announcementIntake(AnnouncementStore announcements, JdbcClient jdbc, Partners partners,
            DeliveryLedger ledger, RetrySchedules schedules, TransactionOperations transactions,
            Dispatcher dispatcher) {
        return new AnnouncementIntake(announcements, jdbc, partners, ledger, schedules, transactions, dispatcher::wake);
    }

    @Bean
    AnnouncementListener announcementListener(AnnouncementIntake intake) {
        return new AnnouncementListener(intake);
    }

}

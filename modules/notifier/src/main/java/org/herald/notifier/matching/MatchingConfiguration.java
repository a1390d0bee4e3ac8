package org.herald.notifier.matching;

import org.herald.notifier.delivery.AnnouncementStore;
import org.herald.notifier.delivery.CommentaryStore;
import org.herald.notifier.delivery.DeliveryLedger;
import org.herald.notifier.delivery.Dispatcher;
import org.herald.notifier.delivery.RetrySchedules;
import org.herald.notifier.digest.DigestItems;
import org.herald.notifier.hold.Holds;
import org.herald.notifier.member.Members;
import org.herald.notifier.member.StoryFollowers;
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
    AnnouncementIntake announcementIntake(AnnouncementStore announcements, JdbcClient jdbc, Members members,
            Partners partners, StoryFollowers followers, DeliveryLedger ledger, RetrySchedules schedules,
            TransactionOperations transactions, Dispatcher dispatcher, Holds holds) {
        return new AnnouncementIntake(announcements, jdbc, new Recipients(members, partners), followers, ledger,
                schedules, transactions, dispatcher::wake, holds);
    }

    @Bean
    CommentaryIntake commentaryIntake(AnnouncementStore announcements, CommentaryStore commentaries, Members members,
            Partners partners, DeliveryLedger ledger, DigestItems digestItems, TransactionOperations transactions,
            Dispatcher dispatcher) {
        return new CommentaryIntake(announcements, commentaries, new Recipients(members, partners), ledger, digestItems,
                transactions, dispatcher::wake);
    }

    @Bean
    AnnouncementListener announcementListener(AnnouncementIntake intake) {
        return new AnnouncementListener(intake);
    }

}

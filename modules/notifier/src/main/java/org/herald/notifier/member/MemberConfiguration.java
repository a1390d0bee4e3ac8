package org.herald.notifier.member;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The member directory and the suppressed addresses.
 */
@Configuration(proxyBeanMethods = false)
class MemberConfiguration {

    @Bean
    Members members(JdbcClient jdbc, TransactionOperations transactions, ObjectProvider<MemberChanges> changes) {
        return new Members(jdbc, transactions, () -> changes.orderedStream().toList());
    }

    @Bean
    StoryFollowers storyFollowers(JdbcClient jdbc) {
        return new StoryFollowers(jdbc);
    }

    @Bean
    Suppressions suppressions(JdbcClient jdbc) {
        return new Suppressions(jdbc);
    }

}

package org.herald.notifier.member;

import jakarta.validation.Validator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The member directory and the suppressed addresses.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MemberProperties.class)
class MemberConfiguration {

    @Bean
    Members members(JdbcClient jdbc, TransactionOperations transactions, MemberProperties properties,
            ObjectProvider<MemberChanges> changes) {
        return new Members(jdbc, transactions, properties.maxSubscriptions(), () -> changes.orderedStream().toList());
    }

    @Bean
    MemberForms memberForms(Members members, Validator validator) {
        return new MemberForms(members, validator);
    }

    @Bean
    MemberLists memberLists(JdbcClient jdbc, Members members) {
        return new MemberLists(jdbc, members);
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

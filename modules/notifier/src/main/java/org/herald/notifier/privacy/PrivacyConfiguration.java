package org.herald.notifier.privacy;

import java.util.UUID;

import org.herald.notifier.member.Member;
import org.herald.notifier.member.MemberChanges;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Withdrawal and erasure, told of every member change in its transaction; the retention
 * job on its schedule ({@code herald.notifier.retention.cron}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(RetentionProperties.class)
class PrivacyConfiguration {

    @Bean
    MemberChanges privacyMemberChanges(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
        Withdrawal withdrawal = new Withdrawal(jdbc, json);
        Erasure erasure = new Erasure(jdbc, events);
        return new MemberChanges() {

            @Override
            public void subscriptionsChanged(Member member) {
                withdrawal.subscriptionsChanged(member);
            }

            @Override
            public void erasing(UUID memberId, String email) {
                erasure.erasing(memberId, email);
            }

        };
    }

    @Bean
    Retention retention(JdbcClient jdbc, TransactionOperations transactions, RetentionProperties properties) {
        return new Retention(jdbc, transactions, properties);
    }

    @Bean
    RetentionJob retentionJob(Retention retention) {
        return new RetentionJob(retention);
    }

    /** Runs the pruning on {@code herald.notifier.retention.cron}. */
    static final class RetentionJob {

        private final Retention retention;

        RetentionJob(Retention retention) {
            this.retention = retention;
        }

        @Scheduled(cron = "${herald.notifier.retention.cron:" + RetentionProperties.DEFAULT_CRON + "}")
        void prune() {
            this.retention.prune();
        }

    }

}

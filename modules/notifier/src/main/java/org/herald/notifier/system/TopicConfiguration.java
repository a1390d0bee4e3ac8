package org.herald.notifier.system;

import org.herald.events.Topics;
import org.herald.support.kafka.HeraldTopics;
import org.herald.support.kafka.TopicProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The topics the notifier reads and writes: the tagged announcements and their
 * dead-letter topic, each as {@code herald.kafka.*} says; created before its consumer
 * subscribes, so that a notifier started first is assigned every partition.
 */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

    @Bean
    HeraldTopics heraldNotifierTopics(TopicProperties topics) {
        return topics.topics(Topics.ANNOUNCEMENTS_TAGGED, Topics.deadLetter(Topics.ANNOUNCEMENTS_TAGGED));
    }

}

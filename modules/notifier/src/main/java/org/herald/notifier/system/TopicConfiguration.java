package org.herald.notifier.system;

import org.apache.kafka.clients.admin.NewTopic;
import org.herald.events.Topics;
import org.herald.support.kafka.TopicProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The topics the notifier writes: the dead-letter topic of the tagged announcements it
 * reads.
 */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

    @Bean
    NewTopic taggedAnnouncementsDeadLetterTopic(TopicProperties topics) {
        return topics.topic(Topics.deadLetter(Topics.ANNOUNCEMENTS_TAGGED));
    }

}

package org.herald.support.kafka;

import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics a service reads and writes, as a bean: {@link DeclaredTopics} makes them
 * before the service's consumers subscribe, and Spring Kafka's {@link KafkaAdmin} keeps
 * their configuration. Made by {@link TopicProperties#topics(String...)}.
 */
public final class HeraldTopics extends KafkaAdmin.NewTopics {

    private final List<NewTopic> topics;

    HeraldTopics(List<NewTopic> topics) {
        super(topics.toArray(NewTopic[]::new));
        this.topics = List.copyOf(topics);
    }

    /** The topics, in the order declared. */
    public List<NewTopic> topics() {
        return this.topics;
    }

}

package org.herald.support.kafka;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.kafka.config.TopicBuilder;

/**
 * How the topics a service writes are created, when they do not exist yet.
 *
 * @param partitions {@code herald.kafka.partitions}: partitions of each topic (the ceiling on consumer
 * instances of a group)
 * @param replicationFactor {@code herald.kafka.replication-factor}: replicas of each partition (3 on a
 * production cluster)
 */
@ConfigurationProperties("herald.kafka")
public record TopicProperties(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor) {

    /** A topic of {@code name} with the configured partitions and replicas. */
    public NewTopic topic(String name) {
        return TopicBuilder.name(name).partitions(this.partitions).replicas(this.replicationFactor).build();
    }

}

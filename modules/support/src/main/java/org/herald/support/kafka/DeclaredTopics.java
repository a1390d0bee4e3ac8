package org.herald.support.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;

/**
 * Makes sure every topic a service declares exists with the partitions configured, before
 * any of its consumers subscribes (it runs when the bean is created, before the listener
 * containers start and before Spring Kafka's {@code KafkaAdmin} looks at the topics,
 * which would raise the partitions of a topic with fewer):
 * <ul>
 * <li>a missing topic is created, with its partitions, replicas and configuration;</li>
 * <li>a topic that exists with another partition count fails the start-up, with what to
 * do: partitions are never changed under running consumers (the keys of announcements
 * would move to other partitions while records of theirs are still unread);</li>
 * <li>outside local mode, a topic with one replica is logged as a warning.</li>
 * </ul>
 * A broker that cannot be reached in the admin timeout fails the start-up of a service
 * that reads ({@code required}): a consumer that subscribed to a topic made later, or by
 * the broker's auto-creation with its own partition count, would not see all of its
 * partitions for minutes. A service that only writes (the publisher) starts all the same,
 * with a warning, so that it can answer 503 until the broker is back; the services that
 * read its topic make it.
 */
public class DeclaredTopics implements InitializingBean {

    private static final Log logger = LogFactory.getLog(DeclaredTopics.class);

    private final Map<String, Object> adminConfig;

    private final List<NewTopic> topics;

    private final boolean local;

    private final int timeoutSeconds;

    private final boolean required;

    /**
     * Topics the service reads: it does not start without them.
     * @param adminConfig the admin client's configuration (the broker, security)
     * @param topics the topics the service reads and writes
     * @param local whether Herald runs in local mode
     * ({@link org.herald.support.LocalMode})
     * @param timeoutSeconds how long the broker may take to answer
     */
    public DeclaredTopics(Map<String, Object> adminConfig, List<NewTopic> topics, boolean local, int timeoutSeconds) {
        this(adminConfig, topics, local, timeoutSeconds, true);
    }

    /**
     * @param adminConfig the admin client's configuration (the broker, security)
     * @param topics the topics the service reads and writes
     * @param local whether Herald runs in local mode
     * ({@link org.herald.support.LocalMode})
     * @param timeoutSeconds how long the broker may take to answer
     * @param required whether a broker that cannot be reached fails the start-up (a
     * service that reads), or is only logged (a service that only writes, which waits 5 s
     * at most)
     */
    public DeclaredTopics(Map<String, Object> adminConfig, List<NewTopic> topics, boolean local, int timeoutSeconds,
            boolean required) {
        this.adminConfig = Map.copyOf(adminConfig);
        Map<String, NewTopic> byName = new LinkedHashMap<>();
        topics.forEach((topic) -> byName.putIfAbsent(topic.name(), topic));
        this.topics = List.copyOf(byName.values());
        this.local = local;
        this.required = required;
        this.timeoutSeconds = required ? timeoutSeconds : Math.min(timeoutSeconds, 5);
    }

    @Override
    public void afterPropertiesSet() {
        if (this.topics.isEmpty()) {
            return;
        }
        Map<String, Object> config = new HashMap<>(this.adminConfig);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, this.timeoutSeconds * 1000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, this.timeoutSeconds * 1000);
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "herald-topics");
        try (AdminClient admin = AdminClient.create(config)) {
            ensure(admin);
        }
        catch (BrokerUnreachableException ex) {
            if (this.required) {
                throw ex;
            }
            logger.warn(ex.getMessage() + " Starting anyway: this service only writes them.");
        }
    }

    private void ensure(AdminClient admin) {
        Map<String, TopicDescription> existing = describe(admin);
        checkPartitions(existing);
        List<NewTopic> missing = this.topics.stream().filter((topic) -> !existing.containsKey(topic.name())).toList();
        if (!missing.isEmpty()) {
            create(admin, missing);
            Map<String, TopicDescription> created = describe(admin);
            checkPartitions(created);
            existing.putAll(created);
        }
        warnAboutSingleReplicas(existing);
    }

    private Map<String, TopicDescription> describe(AdminClient admin) {
        List<String> names = this.topics.stream().map(NewTopic::name).toList();
        Map<String, KafkaFuture<TopicDescription>> futures = admin.describeTopics(names).topicNameValues();
        Map<String, TopicDescription> descriptions = new LinkedHashMap<>();
        for (String name : names) {
            try {
                descriptions.put(name, futures.get(name).get(this.timeoutSeconds, TimeUnit.SECONDS));
            }
            catch (ExecutionException ex) {
                if (!(ex.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw unreachable("describe topic " + name, ex.getCause());
                }
            }
            catch (TimeoutException ex) {
                throw unreachable("describe topic " + name, ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw unreachable("describe topic " + name, ex);
            }
        }
        return descriptions;
    }

    private void create(AdminClient admin, List<NewTopic> missing) {
        Map<String, KafkaFuture<Void>> futures = admin.createTopics(missing).values();
        for (NewTopic topic : missing) {
            try {
                futures.get(topic.name()).get(this.timeoutSeconds, TimeUnit.SECONDS);
                logger.info("Created topic " + topic.name() + " with " + topic.numPartitions() + " partition(s) and "
                        + topic.replicationFactor() + " replica(s)");
            }
            catch (ExecutionException ex) {
                if (!(ex.getCause() instanceof TopicExistsException)) {
                    throw unreachable("create topic " + topic.name(), ex.getCause());
                }
                // Another service created it meanwhile; its partitions are checked next.
            }
            catch (TimeoutException ex) {
                throw unreachable("create topic " + topic.name(), ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw unreachable("create topic " + topic.name(), ex);
            }
        }
    }

    private void checkPartitions(Map<String, TopicDescription> existing) {
        List<String> problems = new ArrayList<>();
        for (NewTopic topic : this.topics) {
            TopicDescription description = existing.get(topic.name());
            if (description != null && description.partitions().size() != topic.numPartitions()) {
                problems.add("topic " + topic.name() + " has " + description.partitions().size()
                        + " partition(s), but the configuration asks for " + topic.numPartitions()
                        + " (herald.kafka.topics." + TopicProperties.key(topic.name())
                        + ".partitions, else herald.kafka.partitions)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Kafka topics differ from the configuration: " + String.join("; ", problems)
                    + ". Herald never changes the partitions of an existing topic under running consumers. Set the "
                    + "partitions to the topic's count, or, with every service stopped, change the topic "
                    + "(kafka-topics.sh --alter --partitions N) and then the setting.");
        }
    }

    /**
     * The replicas of {@code topic}: as the broker describes it, or, for a topic just
     * created whose description the broker does not give yet, as it was created.
     */
    private static int replicas(NewTopic topic, @Nullable TopicDescription description) {
        if (description != null && !description.partitions().isEmpty()) {
            return description.partitions().get(0).replicas().size();
        }
        return topic.replicationFactor();
    }

    private void warnAboutSingleReplicas(Map<String, TopicDescription> existing) {
        if (this.local) {
            return;
        }
        List<String> single = this.topics.stream()
            .filter((topic) -> replicas(topic, existing.get(topic.name())) < 2)
            .map(NewTopic::name)
            .toList();
        if (!single.isEmpty()) {
            logger.warn("Topics " + single + " have one replica: a broker lost loses their records. Outside local "
                    + "mode (herald.local) use 3 replicas and min.insync.replicas 2 (herald.kafka.replication-factor=3, "
                    + "herald.kafka.min-insync-replicas=2) on a cluster of at least 3 brokers.");
        }
    }

    private BrokerUnreachableException unreachable(String action, Throwable cause) {
        return new BrokerUnreachableException(
                "Could not " + action + " on the Kafka cluster "
                        + this.adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) + " within "
                        + this.timeoutSeconds + " s; the topics must exist before the service reads them: " + cause,
                cause);
    }

    /** The broker did not answer in time. */
    static final class BrokerUnreachableException extends IllegalStateException {

        BrokerUnreachableException(String message, Throwable cause) {
            super(message, cause);
        }

    }

}

package org.herald.notifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.herald.events.Topics;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * The notifier as one test class runs it: the whole application on a random port, an
 * in-process Kafka broker with the tagged topic, a fresh PostgreSQL database of its own
 * ({@link NotifierTestContext}), the admin key {@link TestApi#ADMIN_KEY}, one partition
 * and a 100 ms dispatch poll. A static field that is {@link ContextProperties} (a real
 * SMTP server, say) adds its settings. Test methods may take a {@link TestApi}, a
 * {@link TestMembers} and a {@link TaggedTopic} ({@link NotifierParameters}). A class's
 * own settings go in {@code @TestPropertySource(properties = ...)}, which wins over
 * these.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "herald.admin-api-keys=" + TestApi.ADMIN_KEY, "herald.kafka.partitions=1",
                "herald.notifier.dispatch.poll-interval=100ms" })
@EmbeddedKafka(partitions = 1, topics = Topics.ANNOUNCEMENTS_TAGGED,
        brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1" })
@ContextCustomizerFactories(NotifierTestContext.class)
@ExtendWith(NotifierParameters.class)
public @interface NotifierTest {

}

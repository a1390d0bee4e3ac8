package org.herald.notifier;

import java.util.ArrayList;
import java.util.List;

import org.herald.testsupport.TestDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A notifier started by hand, as another process would be (its settings on the command
 * line, above the service's defaults): to stop one and start the next on the same
 * database, or to run a second instance beside a test's own.
 */
final class NotifierProcess {

    private NotifierProcess() {
    }

    /**
     * Starts a notifier on a free port, on {@code database} and the broker at
     * {@code brokers}, with the admin key {@link TestApi#ADMIN_KEY} and one partition.
     * @param settings more arguments, {@code --key=value}
     */
    static ConfigurableApplicationContext start(String brokers, TestDatabase.Database database, List<String> settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(), "--spring.datasource.password=",
                "--spring.kafka.bootstrap-servers=" + brokers, "--herald.admin-api-keys=" + TestApi.ADMIN_KEY,
                "--herald.kafka.partitions=1"));
        args.addAll(settings);
        return new SpringApplicationBuilder(NotifierApplication.class).run(args.toArray(new String[0]));
    }

    /** The admin API of a started notifier. */
    static TestApi api(ConfigurableApplicationContext context) {
        return new TestApi(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    /** The Kafka template of a started notifier, to publish with. */
    @SuppressWarnings("unchecked")
    static KafkaTemplate<String, Object> kafka(ConfigurableApplicationContext context) {
        return context.getBean(KafkaTemplate.class);
    }

}

package org.herald.notifier.console;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The console's read side.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    @Bean
    ConsoleQueries consoleQueries(JdbcClient jdbc, JsonMapper json) {
        return new ConsoleQueries(jdbc, json);
    }

    @Bean
    DeadLetterTopics deadLetterTopics(ObjectProvider<KafkaAdmin> admin) {
        KafkaAdmin found = admin.getIfAvailable();
        return new DeadLetterTopics((found != null) ? found.getConfigurationProperties() : Map.of());
    }

}

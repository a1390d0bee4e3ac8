package org.herald.notifier.console;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console's read side.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    @Bean
    ConsoleQueries consoleQueries(JdbcClient jdbc, JsonMapper json) {
        return new ConsoleQueries(jdbc, json);
    }

}

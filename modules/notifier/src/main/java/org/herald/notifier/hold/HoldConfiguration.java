package org.herald.notifier.hold;

import org.herald.notifier.delivery.Dispatcher;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hold and the pause, and the dispatcher's wake-up when either is lifted.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HoldProperties.class)
class HoldConfiguration {

    @Bean
    Holds holds(JdbcClient jdbc, HoldProperties properties) {
        return new Holds(jdbc, properties);
    }

    @Bean
    SendingPause sendingPause(JdbcClient jdbc, Dispatcher dispatcher) {
        return new SendingPause(jdbc, dispatcher::wake);
    }

}

package org.herald.app.services;

import org.herald.embedded.mail.EmbeddedSmtp;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;

/**
 * Starts the services once the app's own context (embedded servers, front door) is up,
 * and stops them before the app's context closes its embedded servers.
 */
@Configuration(proxyBeanMethods = false)
class ServicesConfiguration {

    @Bean
    HeraldServices heraldServices(ObjectProvider<EmbeddedSmtp> smtp) {
        // A member erased in the notifier: their captured mail leaves the dev inbox too.
        return new HeraldServices((address) -> smtp.ifAvailable((server) -> server.forget(address)));
    }

    @Bean
    ApplicationListener<ApplicationStartedEvent> startHeraldServices(HeraldServices services,
            ApplicationArguments arguments, Environment environment) {
        return (event) -> services.start(arguments.getSourceArgs(), environment);
    }

    @Bean
    ReadyLine heraldReadyLine(HeraldServices services) {
        return new ReadyLine(services);
    }

    @Bean
    ApplicationListener<ContextClosedEvent> stopHeraldServices(HeraldServices services) {
        return (event) -> services.close();
    }

}

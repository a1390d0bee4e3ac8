package org.herald.app.demo;

import java.nio.file.Path;

import org.herald.app.services.HeraldServices;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The demo partner's secret is always at hand for the built-in receiver; the demo itself
 * is seeded when {@code herald.demo=true}, once the services are up.
 */
@Configuration(proxyBeanMethods = false)
class DemoConfiguration {

    @Bean
    DemoPartner demoPartner(Environment environment) {
        return new DemoPartner(Path.of(environment.getProperty("herald.data-dir", "./data")));
    }

    @Bean
    @ConditionalOnProperty(name = "herald.demo", havingValue = "true")
    ApplicationListener<ApplicationReadyEvent> seedDemo(DemoPartner partner, HeraldServices services,
            Environment environment) {
        return new SeedDemo((event) -> {
            String[] adminKeys = environment.getProperty("herald.admin-api-keys", String[].class, new String[0]);
            if (adminKeys.length == 0) {
                throw new IllegalStateException("The demo needs herald.admin-api-keys");
            }
            int appPort = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
            new DemoSeeder(partner).seed(services.ports().get("notifier"), appPort, adminKeys[0]);
        });
    }

    /**
     * Seeds the demo when the app is ready, before the other ready listeners: the
     * {@code Herald is ready} line comes after the {@code Demo:} lines.
     */
    private record SeedDemo(java.util.function.Consumer<ApplicationReadyEvent> seed)
            implements
                ApplicationListener<ApplicationReadyEvent>,
                Ordered {

        @Override
        public void onApplicationEvent(ApplicationReadyEvent event) {
            this.seed.accept(event);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

    }

}

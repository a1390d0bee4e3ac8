package org.herald.app;

import org.herald.support.ServiceDefaults;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.PropertySource;

/**
 * The all-in-one app. Its own context owns the embedded servers (started for each
 * standard property not set: {@code spring.kafka.bootstrap-servers},
 * {@code spring.datasource.url}, {@code spring.mail.host}), the front door on port 8080
 * and the dev inbox; it then starts each service in a context of its own, as each would
 * run in a process of its own, and routes requests to them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@PropertySource(value = "classpath:herald-app.yml", factory = ServiceDefaults.class)
public class HeraldApplication {

    public static void main(String[] args) {
        SpringApplication.run(HeraldApplication.class, args);
    }

}

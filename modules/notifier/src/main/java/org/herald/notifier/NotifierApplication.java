package org.herald.notifier;

import org.herald.support.ServiceDefaults;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * The notifier service: takes in tagged announcements, records a delivery for every
 * matching member and partner, and sends the emails and webhooks.
 */
@SpringBootApplication
@PropertySource(value = "classpath:herald-notifier.yml", factory = ServiceDefaults.class)
public class NotifierApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotifierApplication.class, args);
    }

}

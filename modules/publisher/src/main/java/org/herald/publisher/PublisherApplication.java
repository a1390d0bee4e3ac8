package org.herald.publisher;

import org.herald.support.ServiceDefaults;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * The publisher service: takes announcements over HTTP (and from feeds) and writes each
 * new one to the announcements topic, once.
 */
@SpringBootApplication
@PropertySource(value = "classpath:herald-publisher.yml", factory = ServiceDefaults.class)
public class PublisherApplication {

    public static void main(String[] args) {
        SpringApplication.run(PublisherApplication.class, args);
    }

}

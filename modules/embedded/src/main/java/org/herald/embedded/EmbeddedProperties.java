package org.herald.embedded;

import org.herald.embedded.webhook.WebhookInbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code herald.embedded.*}: which embedded servers the all-in-one app may start, and on
 * which ports. A server is started only when enabled here and its standard property
 * ({@code spring.kafka.bootstrap-servers}, {@code spring.datasource.url},
 * {@code spring.mail.host}) is not set. Their data lives in {@code herald.data-dir}.
 *
 * @param enabled whether any embedded server may start (false: the app needs the standard
 * properties)
 * @param kafka the Kafka broker
 * @param postgres the PostgreSQL server
 * @param smtp the SMTP server that captures mail
 * @param webhooks the store of webhooks the built-in receiver got
 */
@ConfigurationProperties("herald.embedded")
public record EmbeddedProperties(@DefaultValue("true") boolean enabled, @DefaultValue Server kafka,
        @DefaultValue Server postgres, @DefaultValue Smtp smtp, @DefaultValue Webhooks webhooks) {

    /**
     * A server.
     *
     * @param enabled whether it may start
     * @param port its port; 0 for the one it had last time while still free, else a free
     * one
     */
    public record Server(@DefaultValue("true") boolean enabled, @DefaultValue("0") int port) {

        public Server {
            checkPort(port);
        }

    }

    /**
     * The SMTP server.
     *
     * @param enabled whether it may start
     * @param port its port; 0 for {@code spring.mail.port} when set, else as for the
     * others
     * @param capacity how many captured messages to keep
     */
    public record Smtp(@DefaultValue("true") boolean enabled, @DefaultValue("0") int port,
            @DefaultValue("500") int capacity) {

        public Smtp {
            checkPort(port);
            checkCapacity(capacity);
        }

    }

    /**
     * The received webhooks.
     *
     * @param capacity how many to keep
     * @param maxBodyBytes {@code herald.embedded.webhooks.max-body-bytes}: the largest
     * body the built-in receiver takes (1 MiB); a larger one is answered 413 and not kept
     */
    public record Webhooks(@DefaultValue("500") int capacity,
            @DefaultValue("" + WebhookInbox.DEFAULT_MAX_BODY_BYTES) int maxBodyBytes) {

        public Webhooks {
            checkCapacity(capacity);
            checkCapacity(maxBodyBytes);
        }

    }

    private static void checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
    }

    private static void checkCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
    }

}

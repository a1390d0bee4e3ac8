package org.herald.embedded;

import org.herald.embedded.webhook.WebhookInbox;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The beans of the embedded set-up that are not servers: the {@link WebhookInbox} the
 * app's built-in receiver fills and the dev inbox reads, and {@link EmbeddedProperties}.
 * The servers themselves are started by {@link EmbeddedDefaults} before the context
 * exists, and registered in it as {@value EmbeddedDefaults#KAFKA_BEAN},
 * {@value EmbeddedDefaults#DATABASE_BEAN} and {@value EmbeddedDefaults#SMTP_BEAN} when
 * started.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "herald.embedded.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(EmbeddedProperties.class)
public class EmbeddedAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WebhookInbox webhookInbox(EmbeddedProperties properties, Environment environment) {
        return new WebhookInbox(DataDirectory.of(environment), properties.webhooks().capacity(),
                properties.webhooks().maxBodyBytes());
    }

}

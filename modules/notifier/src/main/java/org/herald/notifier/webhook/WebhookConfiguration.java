package org.herald.notifier.webhook;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.notifier.delivery.AnnouncementStore;
import org.herald.notifier.partner.PartnerSecrets;
import org.herald.notifier.partner.Partners;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webhook channel: the signer, the sender and the encryption of partners' secrets.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    private static final Log logger = LogFactory.getLog(WebhookConfiguration.class);

    @Bean
    PartnerSecrets partnerSecrets(WebhookProperties properties) {
        if (properties.usesDevelopmentKey()) {
            logger.warn("herald.notifier.webhooks.secret-key is the published development key: partners' secrets "
                    + "are not protected. Set a key of your own (base64 of 32 random bytes) outside development.");
        }
        return new PartnerSecrets(properties.secretKeyBytes());
    }

    @Bean
    WebhookSender webhookSender(Partners partners, AnnouncementStore announcements, JsonMapper json,
            WebhookProperties properties) {
        return new WebhookSender(new WebhookSigner(), partners, announcements, json, properties, Clock.systemUTC());
    }

}

package org.herald.notifier.webhook;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.notifier.delivery.AnnouncementStore;
import org.herald.notifier.delivery.CommentaryStore;
import org.herald.notifier.delivery.DeliveryLedger;
import org.herald.notifier.partner.PartnerSecrets;
import org.herald.notifier.partner.Partners;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The webhook channel: the signer, the guard against internal addresses, the sender with
 * its attempts log and endpoint health, and the encryption of partners' secrets.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ WebhookProperties.class, WebhookKeyProperties.class })
class WebhookConfiguration {

    private static final Log logger = LogFactory.getLog(WebhookConfiguration.class);

    @Bean
    PartnerSecrets partnerSecrets(WebhookProperties properties, WebhookKeyProperties keys) {
        return keys.partnerSecrets(properties.secretKeyBytes());
    }

    @Bean
    EndpointGuard endpointGuard(WebhookProperties properties) {
        if (!properties.allowedNetworks().isEmpty()) {
            logger.info("Webhooks may go to these otherwise refused networks: " + properties.allowedNetworks());
        }
        return EndpointGuard.of(properties.allowedNetworks(), properties.requireHttps());
    }

    @Bean
    WebhookAttempts webhookAttempts(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ObjectProvider<DeliveryLedger> ledger) {
        // Looked up when first needed: the ledger's retry schedules ask for the channels.
        return new WebhookAttempts(jdbc, jdbcTemplate, ledger::getObject);
    }

    @Bean
    WebhookSender webhookSender(Partners partners, AnnouncementStore announcements, CommentaryStore commentaries,
            JsonMapper json, WebhookProperties properties, EndpointGuard guard, WebhookAttempts attempts,
            JavaMailSender mail, JdbcClient jdbc,
            @Value("${herald.notifier.email.from:Herald <herald@localhost>}") String from) {
        Clock clock = Clock.systemUTC();
        EndpointHealth health = new EndpointHealth(partners, new EndpointNotices(mail, from), properties.disableAfter(),
                clock);
        return new WebhookSender(new GuardedHttpClient(properties, guard, clock), new WebhookSigner(),
                new WebhookPayload(json), attempts, health, partners, announcements, commentaries, properties,
                new EndpointLimits(jdbc, properties.rateLimit(), properties.endpointConcurrency(), System::nanoTime),
                clock);
    }

}

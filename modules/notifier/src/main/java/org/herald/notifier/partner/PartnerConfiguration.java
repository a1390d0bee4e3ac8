package org.herald.notifier.partner;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The partner directory. Its {@link PartnerSecrets} comes from the webhook configuration,
 * which owns the encryption key ({@code herald.notifier.webhooks.secret-key}).
 */
@Configuration(proxyBeanMethods = false)
class PartnerConfiguration {

    @Bean
    Partners partners(JdbcClient jdbc, PartnerSecrets secrets) {
        return new Partners(jdbc, secrets);
    }

}

package org.herald.notifier.system;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.notifier.email.EmailProperties;
import org.herald.notifier.webhook.WebhookProperties;
import org.herald.support.LocalMode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Refuses to start outside local mode ({@code herald.local}) while a secret is still its
 * published development value: {@code herald.notifier.email.link-key} (anyone could sign
 * members' unsubscribe and preferences links) or
 * {@code herald.notifier.webhooks.secret-key} (partners' secrets would be sealed with a
 * key everyone has). In local mode it only warns.
 */
@Configuration(proxyBeanMethods = false)
class DevelopmentSecretsConfiguration {

    private static final Log logger = LogFactory.getLog(DevelopmentSecretsConfiguration.class);

    @Bean
    DevelopmentSecrets developmentSecrets(EmailProperties email, WebhookProperties webhooks, Environment environment) {
        List<String> inUse = new ArrayList<>();
        if (EmailProperties.DEVELOPMENT_LINK_KEY.equals(email.linkKey())) {
            inUse.add("herald.notifier.email.link-key (HERALD_NOTIFIER_EMAIL_LINK_KEY: at least 32 random characters)");
        }
        if (webhooks.usesDevelopmentKey()) {
            inUse.add("herald.notifier.webhooks.secret-key (HERALD_NOTIFIER_WEBHOOKS_SECRET_KEY: base64 of 32 random "
                    + "bytes, e.g. openssl rand -base64 32)");
        }
        if (!inUse.isEmpty()) {
            String what = "published development values in use: " + String.join("; ", inUse);
            if (!LocalMode.isLocal(environment)) {
                throw new IllegalStateException("The notifier will not start outside local mode with " + what
                        + ". Set secrets of your own (docs/deployment.md), or herald.local=true on a machine of your own.");
            }
            logger.warn("Local mode (herald.local): " + what + ". Never use them beyond this machine.");
        }
        return new DevelopmentSecrets(inUse.size());
    }

    /** The outcome of the check: how many development secrets are in use (local mode). */
    record DevelopmentSecrets(int inUse) {
    }

}

package org.herald.notifier.system;

import org.herald.notifier.email.EmailProperties;
import org.herald.notifier.webhook.WebhookProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notifier's start-up with the published development secrets: refused outside local
 * mode, with what to set; a warning in local mode; nothing with secrets of one's own.
 */
@ExtendWith(OutputCaptureExtension.class)
class DevelopmentSecretsTests {

    private static final String LINK_KEY = "herald.notifier.email.link-key=a-link-key-of-our-own-0123456789abcdef";

    private static final String SECRET_KEY = "herald.notifier.webhooks.secret-key="
            + "b3VyLW93bi1zZWNyZXQta2V5LW9mLTMyLWJ5dGVzISE=";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withUserConfiguration(Properties.class, DevelopmentSecretsConfiguration.class);

    @Test
    void refusesToStartOutsideLocalModeWithEitherDevelopmentSecret() {
        this.runner.run((context) -> assertThat(context).getFailure()
            .rootCause()
            .hasMessageContaining("will not start outside local mode")
            .hasMessageContaining("herald.notifier.email.link-key")
            .hasMessageContaining("herald.notifier.webhooks.secret-key")
            .hasMessageNotContaining(EmailProperties.DEVELOPMENT_LINK_KEY));
        this.runner.withPropertyValues(LINK_KEY)
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("herald.notifier.webhooks.secret-key")
                .hasMessageNotContaining("link-key"));
        this.runner.withPropertyValues(SECRET_KEY)
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("herald.notifier.email.link-key")
                .hasMessageNotContaining("webhooks.secret-key"));
    }

    @Test
    void startsWithSecretsOfItsOwn() {
        this.runner.withPropertyValues(LINK_KEY, SECRET_KEY).run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void onlyWarnsInLocalMode(CapturedOutput output) {
        this.runner.withPropertyValues("herald.local=true").run((context) -> assertThat(context).hasNotFailed());
        assertThat(output).contains("Local mode (herald.local): published development values in use");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ EmailProperties.class, WebhookProperties.class })
    static class Properties {

    }

}

package org.herald.notifier.preferences;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The members' pages.
 */
@Configuration(proxyBeanMethods = false)
class PreferencesConfiguration {

    @Bean
    Pages pages() {
        return new Pages();
    }

}

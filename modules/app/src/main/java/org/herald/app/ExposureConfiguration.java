package org.herald.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.herald.notifier.email.EmailProperties;
import org.herald.notifier.webhook.WebhookProperties;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Keeps the all-in-one app to this machine while it runs on published values: it listens
 * on 127.0.0.1 unless {@code server.address} says otherwise ({@code herald-app.yml}), and
 * it refuses to start on any other address while a local key ({@code local-admin-key},
 * {@code local-publish-key}) or a development secret
 * ({@code herald.notifier.email.link-key}, {@code herald.notifier.webhooks.secret-key})
 * is in use: anyone who could reach the port could use them. The check runs before the
 * front door listens and before any service starts.
 */
@Configuration(proxyBeanMethods = false)
class ExposureConfiguration {

    static final String LOCAL_ADMIN_KEY = "local-admin-key";

    static final String LOCAL_PUBLISH_KEY = "local-publish-key";

    @Bean
    Exposure exposure(Environment environment) {
        String address = environment.getProperty("server.address", "0.0.0.0");
        if (isLoopback(address)) {
            return new Exposure(address, false);
        }
        List<String> published = publishedValues(environment);
        if (!published.isEmpty()) {
            throw new IllegalStateException("The app will not listen on " + address
                    + " (beyond this machine) while these published values are in use: " + String.join(", ", published)
                    + ". Anyone who can reach the port could use them. Set keys and secrets of your own "
                    + "(docs/app.md), or leave server.address unset to listen on 127.0.0.1 only.");
        }
        return new Exposure(address, true);
    }

    static List<String> publishedValues(Environment environment) {
        Binder binder = Binder.get(environment);
        List<String> published = new ArrayList<>();
        if (binder.bind("herald.admin-api-keys", Bindable.listOf(String.class))
            .orElse(List.of())
            .contains(LOCAL_ADMIN_KEY)) {
            published.add("herald.admin-api-keys (" + LOCAL_ADMIN_KEY + ")");
        }
        if (binder.bind("herald.publisher.api-keys", Bindable.listOf(String.class))
            .orElse(List.of())
            .contains(LOCAL_PUBLISH_KEY)) {
            published.add("herald.publisher.api-keys (" + LOCAL_PUBLISH_KEY + ")");
        }
        if (EmailProperties.DEVELOPMENT_LINK_KEY
            .equals(environment.getProperty("herald.notifier.email.link-key", EmailProperties.DEVELOPMENT_LINK_KEY))) {
            published.add("herald.notifier.email.link-key (the development default)");
        }
        if (WebhookProperties.DEVELOPMENT_SECRET_KEY.equals(environment
            .getProperty("herald.notifier.webhooks.secret-key", WebhookProperties.DEVELOPMENT_SECRET_KEY))) {
            published.add("herald.notifier.webhooks.secret-key (the development default)");
        }
        return published;
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        }
        catch (UnknownHostException ex) {
            throw new IllegalStateException("server.address " + address + " is not an address of this machine", ex);
        }
    }

}

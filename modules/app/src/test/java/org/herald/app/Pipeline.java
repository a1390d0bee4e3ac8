package org.herald.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.herald.notifier.NotifierApplication;
import org.herald.publisher.PublisherApplication;
import org.herald.tagger.TaggerApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three services, each in its own application context as it would run in its own
 * process, wired to one broker, one database (each in its own schema), one SMTP server;
 * and an HTTP client for their APIs. Settings are passed as command-line arguments, as to
 * a real process, so they outrank the services' own defaults.
 */
final class Pipeline implements AutoCloseable {

    static final String PUBLISH_KEY = "test-publish-key";

    static final String ADMIN_KEY = "test-admin-key";

    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ConfigurableApplicationContext publisher;

    private final ConfigurableApplicationContext tagger;

    private final ConfigurableApplicationContext notifier;

    /** A secret of the tests' own: the services refuse the development ones. */
    static final String LINK_KEY = "pipeline-tests-link-key-0123456789abcdef";

    /** Base64 of 32 bytes of the tests' own. */
    static final String SECRET_KEY = "cGlwZWxpbmUtdGVzdHMtc2VjcmV0LWtleS0zMmJ5dGU=";

    /**
     * Starts the notifier, the tagger and the publisher, in that order (as the app does),
     * with {@code extraArgs} after the common settings.
     */
    Pipeline(String bootstrapServers, String jdbcUrl, String dbUser, String dbPassword, int smtpPort,
            String... extraArgs) {
        Map<String, Object> common = new LinkedHashMap<>();
        common.put("server.port", "0");
        common.put("spring.kafka.bootstrap-servers", bootstrapServers);
        common.put("spring.datasource.url", jdbcUrl);
        common.put("spring.datasource.username", dbUser);
        common.put("spring.datasource.password", dbPassword);
        common.put("spring.mail.host", "127.0.0.1");
        common.put("spring.mail.port", String.valueOf(smtpPort));
        common.put("herald.admin-api-keys", ADMIN_KEY);
        common.put("herald.publisher.api-keys", PUBLISH_KEY);
        common.put("herald.notifier.webhooks.allowed-networks", "127.0.0.0/8");
        common.put("herald.notifier.dispatch.poll-interval", "200ms");
        common.put("herald.embedded.enabled", "false");
        common.put("herald.notifier.email.link-key", LINK_KEY);
        common.put("herald.notifier.webhooks.secret-key", SECRET_KEY);
        this.notifier = start(NotifierApplication.class, common, extraArgs);
        this.tagger = start(TaggerApplication.class, common, extraArgs);
        this.publisher = start(PublisherApplication.class, common, extraArgs);
    }

    private static ConfigurableApplicationContext start(Class<?> application, Map<String, Object> properties,
            String... extraArgs) {
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(List.of(extraArgs));
        return new SpringApplicationBuilder(application).run(args.toArray(String[]::new));
    }

    /** POSTs {@code json} to the publisher with the publish key. */
    Response publish(String json) {
        return send(this.publisher, "POST", "/api/v1/announcements", PUBLISH_KEY, json);
    }

    /** Calls an admin endpoint of the notifier. */
    Response notifier(String method, String path, String json) {
        return send(this.notifier, method, path, ADMIN_KEY, json);
    }

    /** Calls an admin endpoint of the tagger. */
    Response tagger(String method, String path, String json) {
        return send(this.tagger, method, path, ADMIN_KEY, json);
    }

    private Response send(ConfigurableApplicationContext context, String method, String path, String key, String json) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + key);
        if (json != null) {
            request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        }
        catch (IOException ex) {
            throw new IllegalStateException(method + " " + path + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", ex);
        }
    }

    @Override
    public void close() {
        this.publisher.close();
        this.tagger.close();
        this.notifier.close();
    }

    record Response(int status, String body) {

        JsonNode json() {
            return JSON.readTree(this.body);
        }

    }

}

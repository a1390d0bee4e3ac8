package org.herald.app.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the demo through the notifier's own admin API, as staff would: the member
 * {@code member@example.org} (critical minerals or aluminium, relevance 1 and up,
 * immediately) and the partner "Demo partner" whose endpoint is the built-in receiver.
 * Seeding again changes nothing: the member exists already (409) and the partner is
 * remembered in the data directory.
 */
public class DemoSeeder {

    static final String MEMBER = """
            {"email":"member@example.org","name":"Demo Member","organisation":"Demo Aluminium Ltd",
             "subscriptions":[{"tags":["critical-minerals","aluminium"],"match":"any","minRelevance":1,"frequency":"immediate"}]}""";

    static final String PARTNER = """
            {"name":"Demo partner","url":"%s","contactEmail":"partner@example.org",
             "tags":["critical-minerals","aluminium"],"match":"any","minRelevance":1}""";

    private static final Log logger = LogFactory.getLog(DemoSeeder.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final DemoPartner partner;

    public DemoSeeder(DemoPartner partner) {
        this.partner = partner;
    }

    /**
     * Seeds the demo into the notifier at {@code notifierPort}, with the partner's
     * endpoint at the app's {@code appPort}.
     */
    public void seed(int notifierPort, int appPort, String adminKey) {
        HttpResponse<String> member = post(notifierPort, "/api/v1/members", MEMBER, adminKey);
        if (member.statusCode() == 201) {
            logger.info("Demo: member member@example.org subscribed to critical-minerals and aluminium");
        }
        else if (member.statusCode() != 409) {
            throw new IllegalStateException("Demo: the notifier refused the demo member: " + member.body());
        }
        if (!this.partner.registered()) {
            String endpoint = "http://127.0.0.1:" + appPort + "/dev/webhooks/" + DemoPartner.NAME;
            HttpResponse<String> created = post(notifierPort, "/api/v1/partners", PARTNER.formatted(endpoint),
                    adminKey);
            if (created.statusCode() != 201) {
                throw new IllegalStateException("Demo: the notifier refused the demo partner: " + created.body());
            }
            JsonNode body = JsonMapper.shared().readTree(created.body());
            this.partner.remember(body.get("id").asString(), body.get("secret").asString());
            logger.info("Demo: partner 'Demo partner' sends webhooks to " + endpoint);
        }
    }

    private HttpResponse<String> post(int port, String path, String json, String adminKey) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + adminKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
        try {
            return this.http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException("Demo: could not reach the notifier", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Demo: interrupted", ex);
        }
    }

}

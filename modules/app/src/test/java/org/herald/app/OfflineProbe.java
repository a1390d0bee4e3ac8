package org.herald.app;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's walk-through, run by {@link OfflineHeraldJarIT} inside a network namespace
 * with nothing but loopback: starts the packaged app on embedded defaults with the demo
 * member and partner, publishes the MoU, and waits for the demo member's email and the
 * partner's verified webhook in the dev inbox. Prints what arrived as JSON on one line;
 * exits 0 if both did, 1 if not within {@link #WAIT}, saying which.
 */
final class OfflineProbe {

    static final Duration WAIT = Duration.ofSeconds(120);

    private OfflineProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDirectory = Path.of(args[0]);
        try (HeraldJar app = new HeraldJar()) {
            app.start("offline", "--herald.data-dir=" + dataDirectory, "--herald.demo=true");
            Instant deadline = Instant.now().plus(WAIT);
            HttpResponse<String> published;
            do {
                // 503 until the demo member and partner are in (the README's "Demo:"
                // lines).
                published = app.post("/api/v1/announcements", "local-publish-key", PipelineScenario.MOU);
                if (published.statusCode() != 202) {
                    Thread.sleep(500);
                }
            }
            while (published.statusCode() != 202 && Instant.now().isBefore(deadline));
            if (published.statusCode() != 202) {
                fail("the publisher answered " + published.statusCode() + ": " + published.body());
            }
            JsonNode emails;
            JsonNode webhooks;
            do {
                Thread.sleep(500);
                emails = JsonMapper.shared().readTree(app.get("/dev/inbox/emails", "none").body());
                webhooks = JsonMapper.shared().readTree(app.get("/dev/inbox/webhooks", "none").body());
            }
            while ((emails.isEmpty() || webhooks.isEmpty()) && Instant.now().isBefore(deadline));
            if (emails.isEmpty() || webhooks.isEmpty()) {
                fail("after " + WAIT + ": " + emails.size() + " email(s), " + webhooks.size() + " webhook(s)");
            }
            System.out.println(JsonMapper.shared()
                .writeValueAsString(
                        JsonMapper.shared().createObjectNode().set("emails", emails).set("webhooks", webhooks)));
        }
        System.exit(0);
    }

    private static void fail(String why) {
        System.err.println("Offline walk-through failed: " + why);
        System.exit(1);
    }

}

package org.herald.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.awaitility.Awaitility.await;

/**
 * The README's walk-through, run by {@link OfflineHeraldJarIT} inside a network namespace
 * with nothing but loopback: starts the packaged app on embedded defaults with the demo
 * member and partner, publishes the MoU, and waits for the demo member's email and the
 * partner's verified webhook in the dev inbox. Prints what arrived as JSON on one line;
 * exits 0 if both did, 1 if not within {@link #WAIT} in all, saying which.
 */
final class OfflineProbe {

    static final Duration WAIT = Duration.ofSeconds(120);

    private static final Duration POLL = Duration.ofMillis(500);

    private OfflineProbe() {
    }

    public static void main(String[] args) {
        try (HeraldJar app = new HeraldJar()) {
            app.start("offline", "--herald.data-dir=" + Path.of(args[0]), "--herald.demo=true");
            Instant deadline = Instant.now().plus(WAIT);
            // 503 until the demo member and partner are in (the README's "Demo:" lines).
            await("the publisher's 202").atMost(left(deadline))
                .pollInterval(POLL)
                .until(() -> app.post("/api/v1/announcements", "local-publish-key", PipelineScenario.MOU)
                    .statusCode() == 202);
            ObjectNode arrived = JsonMapper.shared().createObjectNode();
            await("the demo member's email and the partner's webhook").atMost(left(deadline))
                .pollInterval(POLL)
                .until(() -> {
                    arrived.set("emails", JsonMapper.shared().readTree(app.get("/dev/inbox/emails", "none").body()));
                    arrived.set("webhooks",
                            JsonMapper.shared().readTree(app.get("/dev/inbox/webhooks", "none").body()));
                    return !arrived.get("emails").isEmpty() && !arrived.get("webhooks").isEmpty();
                });
            System.out.println(JsonMapper.shared().writeValueAsString(arrived));
        }
        catch (Throwable ex) {
            System.err.println("Offline walk-through failed: " + ex);
            System.exit(1);
        }
        System.exit(0);
    }

    private static Duration left(Instant deadline) {
        return Duration.between(Instant.now(), deadline);
    }

}

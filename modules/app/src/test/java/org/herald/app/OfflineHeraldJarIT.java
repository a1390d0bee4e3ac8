package org.herald.app;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The all-in-one app tags and delivers with no network beyond loopback: the packaged
 * {@code herald.jar} runs, with {@link OfflineProbe} as its client, in a network
 * namespace of its own ({@code unshare --net}) where only {@code lo} is up, with an empty
 * home and DJL cache directory, so the embedding model, its tokenizer's native library,
 * the embedded PostgreSQL and Kafka must all come from the jar and nothing can be
 * fetched. The MoU reaches the demo member, tagged by the model and the terms, and the
 * demo partner. Skipped, saying why, where {@code unshare} cannot make a namespace (it
 * needs root or user namespaces). Runs after packaging (Failsafe).
 */
class OfflineHeraldJarIT {

    @TempDir
    Path dir;

    @Test
    void tagsAndDeliversTheMouInANamespaceWithOnlyLoopback() throws Exception {
        assumeTrue(namespaceWorks(), "unshare --net with loopback up is unavailable here (needs root)");
        Path home = Files.createDirectories(this.dir.resolve("home"));
        Path out = this.dir.resolve("out.txt");
        Path err = this.dir.resolve("err.txt");
        Process probe = new ProcessBuilder("unshare", "--net", "sh", "-c", "ip link set lo up && exec \"$@\"", "sh",
                "env", "HOME=" + home, "DJL_CACHE_DIR=" + home.resolve("djl"), java(), "-Duser.home=" + home, "-cp",
                System.getProperty("java.class.path"), OfflineProbe.class.getName(),
                this.dir.resolve("data").toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
        assertThat(probe.waitFor(5, TimeUnit.MINUTES)).as("the walk-through ends").isTrue();
        String errors = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(probe.exitValue()).as(errors + " (the app's log: target/herald-jar-offline.log)").isZero();

        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        JsonNode arrived = JsonMapper.shared().readTree(lines.get(lines.size() - 1));
        JsonNode email = arrived.get("emails").get(0);
        assertThat(email.get("envelopeRecipients").get(0).asString()).isEqualTo("member@example.org");
        assertThat(email.get("text").asString()).contains("critical-minerals")
            .contains("aluminium")
            .contains("implied by critical-minerals");
        JsonNode webhook = arrived.get("webhooks").get(0);
        assertThat(webhook.get("verification").get("status").asString()).isEqualTo("VERIFIED");
        JsonNode body = JsonMapper.shared().readTree(webhook.get("body").asString());
        assertThat(body.toString()).as("the learned signal's evidence: a sentence and the example it resembled")
            .contains("SIMILARITY");
        assertThat(home.resolve("djl")).as("the tokenizer's library unpacked from the jar").isDirectory();
    }

    private static boolean namespaceWorks() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder("unshare", "--net", "sh", "-c", "ip link set lo up")
                .redirectErrorStream(true)
                .start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static String java() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

}

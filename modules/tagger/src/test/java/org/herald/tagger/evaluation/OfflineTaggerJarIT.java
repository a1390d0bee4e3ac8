package org.herald.tagger.evaluation;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The tagger jar tags with no network at all: {@code java -jar target/herald-tagger.jar
 * evaluate} (the model, the bundled taxonomy and weights, on the development set) run as
 * a process of its own under {@code unshare --net}, in an empty network namespace (not
 * even loopback is up), with an empty home and DJL cache directory, so that the
 * tokenizer's native library must come from its jar and nothing can be fetched. Skipped,
 * saying why, where {@code unshare} cannot make a namespace (it needs root or user
 * namespaces). Runs after packaging (Failsafe).
 */
class OfflineTaggerJarIT {

    @TempDir
    Path dir;

    @Test
    void evaluatesWithTheModelInAnEmptyNetworkNamespace() throws Exception {
        assumeTrue(unshareWorks(), "unshare --net is unavailable here (needs root or user namespaces)");
        Path labels = this.dir.resolve("announcements-dev.jsonl");
        try (InputStream in = getClass().getResourceAsStream("/data/announcements-dev.jsonl")) {
            Files.copy(in, labels);
        }
        Path jar = Path.of("target", "herald-tagger.jar").toAbsolutePath();
        assertThat(jar).as("the packaged tagger").exists();
        Path home = Files.createDirectories(this.dir.resolve("home"));
        List<String> command = new ArrayList<>(List.of("unshare", "--net", "env", "HOME=" + home,
                "DJL_CACHE_DIR=" + home.resolve("djl"), java(), "-Duser.home=" + home, "-jar", jar.toString(),
                "evaluate", "--labels", labels.toString(), "--json"));
        Process process = new ProcessBuilder(command).redirectErrorStream(false)
            .redirectOutput(this.dir.resolve("out.txt").toFile())
            .redirectError(this.dir.resolve("err.txt").toFile())
            .start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(this.dir.resolve("out.txt"), StandardCharsets.UTF_8);
        String err = Files.readString(this.dir.resolve("err.txt"), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(err).isZero();
        assertThat(out).contains("\"microF1\"").contains("\"items\" : 61");
        assertThat(home.resolve("djl")).isDirectory();
    }

    private static boolean unshareWorks() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder("unshare", "--net", "true").redirectErrorStream(true).start();
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

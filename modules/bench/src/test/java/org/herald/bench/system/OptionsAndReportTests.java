package org.herald.bench.system;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The system benchmark's command line and report, without running anything: the benchmark
 * itself is run by command (docs/performance.md), never by the build.
 */
class OptionsAndReportTests {

    @Test
    void parsesTheOptionsAndRunsTheScenariosInTheBenchmarksOrder() {
        Options options = Options.parse("--members", "100_000", "--scenarios", "email,webhooks", "--rounds", "1",
                "--email-concurrency", "16", "--json", "out/results.json");

        assertThat(options.members()).isEqualTo(100_000);
        assertThat(options.scenarios()).containsExactly("webhooks", "email");
        assertThat(options.runs("memory")).isFalse();
        assertThat(options.rounds()).isEqualTo(1);
        assertThat(options.emailConcurrency()).isEqualTo(16);
        assertThat(options.json()).isEqualTo(Path.of("out/results.json"));
    }

    @Test
    void defaultsToTwentyThousandMembersAndTheNotifiersOwnEmailConcurrency() {
        Options options = Options.parse();

        assertThat(options.members()).isEqualTo(20_000);
        assertThat(options.scenarios()).containsExactly("pipeline", "latency", "webhooks", "email", "memory");
        assertThat(options.emailConcurrency()).isNull();
        assertThat(options.latencyRate()).isNull();
        assertThat(options.notifiers()).containsExactly(1, 2);
        assertThat(options.rounds()).isEqualTo(3);
    }

    @Test
    void runsScaleOutAndLatencyAloneWithTheirOptions() {
        Options options = Options.parse("--scenarios", "scale-out,latency", "--notifiers", "1,2,3", "--latency-rate",
                "4.5", "--latency-seconds", "10");

        assertThat(options.scenarios()).containsExactly("latency", "scale-out");
        assertThat(options.notifiers()).containsExactly(1, 2, 3);
        assertThat(options.latencyRate()).isEqualTo(4.5);
        assertThat(options.latencySeconds()).isEqualTo(10);
    }

    @Test
    void refusesLatencyWithoutARateToRunAt() {
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--scenarios", "latency"))
            .withMessageContaining("--latency-rate");
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--notifiers", "1,0"))
            .withMessageContaining("positive");
        assertThat(Options.wantsHelp("--members", "5", "--help")).isTrue();
        assertThat(Options.HELP).contains("--notifiers LIST").contains("scale-out").contains("--latency-rate R");
    }

    @Test
    void refusesWhatItDoesNotKnowSayingWhatItTakes() {
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--members", "0"))
            .withMessageContaining("positive");
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--scenarios", "email,sms"))
            .withMessageContaining("Unknown scenario sms")
            .withMessageContaining("webhooks");
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--fast"))
            .withMessageContaining("--members N");
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--rounds"))
            .withMessageContaining("needs a value");
    }

    @Test
    void printsATableWithRatiosAndWritesTheSameAsJson(@TempDir Path directory) throws Exception {
        Report report = new Report();
        report.fact("cores", 2);
        report.row("email", "fan-out to 20,000", 1500, 2000.0, "emails/s", "median of 3");
        report.row("memory", "notifier peak RSS", 300.5, null, "MB", "target 512: \"met\"");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Path json = directory.resolve("results.json");
        report.write(json);

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).contains("cores: 2");
        assertThat(lines).anySatisfy((line) -> assertThat(line).contains("fan-out to 20,000 (emails/s)")
            .contains("1,500")
            .contains("2,000")
            .contains("75 %"));
        String text = Files.readString(json);
        assertThat(text).contains("\"cores\": \"2\"")
            .contains("\"herald\": 1500.000, \"ceiling\": 2000.000, \"ratio\": 0.750")
            .contains("\"ceiling\": null, \"ratio\": null, \"note\": \"target 512: \\\"met\\\"\"");
    }

}

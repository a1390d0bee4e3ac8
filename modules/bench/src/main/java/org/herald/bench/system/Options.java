package org.herald.bench.system;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The system benchmark's options ({@link #HELP}; defaults in docs/performance.md).
 *
 * @param members members the email announcement goes to
 * @param scenarios which scenarios to run, in the benchmark's order
 * @param rounds Herald and ceiling runs each at the best setting (medians reported)
 * @param partners partner endpoints each webhook announcement goes to
 * @param announcements announcements in the webhook stream
 * @param pipelineAnnouncements announcements the pipeline scenario publishes at once
 * @param latencyRate announcements/s of the latency scenario; null for half the
 * pipeline's rate
 * @param latencySeconds how long the latency scenario publishes
 * @param notifiers the numbers of notifier processes the scale-out scenario runs with, in
 * order
 * @param emailConcurrency the notifier's {@code herald.notifier.email.concurrency}; null
 * for its default
 * @param webhookConcurrency the notifier's {@code herald.notifier.webhooks.concurrency}
 * @param jars the {@code modules} directory holding each service's {@code target/} jar
 * @param work where the processes' data and logs go (emptied first)
 * @param json the results file
 * @param jfr whether the notifier runs with a JFR recording ({@code notifier.jfr} in the
 * work directory)
 */
record Options(int members, Set<String> scenarios, int rounds, int partners, int announcements,
        int pipelineAnnouncements, @Nullable Double latencyRate, int latencySeconds, List<Integer> notifiers,
        @Nullable Integer emailConcurrency, int webhookConcurrency, Path jars, Path work, Path json, boolean jfr) {

    static final List<String> SCENARIOS = List.of("pipeline", "latency", "webhooks", "email", "scale-out", "memory");

    static final List<String> DEFAULT_SCENARIOS = List.of("pipeline", "latency", "webhooks", "email", "memory");

    static final String HELP = """
            java -jar modules/bench/target/herald-bench.jar [options]   (from the repository's root)
              --scenarios LIST            any of %s (default %s)
              --members N                 members the email announcement goes to (20000)
              --rounds N                  Herald and ceiling runs, alternating, per scenario; medians (3)
              --partners N                webhook endpoints each webhook announcement goes to (100)
              --announcements N           announcements in the webhook stream (50)
              --pipeline-announcements N  announcements the pipeline publishes at once, fan-out 1 (100)
              --latency-rate R            announcements/s of the latency run (half the pipeline's rate;
                                          needed when the pipeline does not run)
              --latency-seconds N         how long the latency run publishes (20)
              --notifiers LIST            notifier processes of the scale-out runs, e.g. 1,2 (1,2)
              --email-concurrency N       herald.notifier.email.concurrency (the notifier's default, 16)
              --webhook-concurrency N     herald.notifier.webhooks.concurrency and per-endpoint cap (16)
              --jars DIR                  the directory holding <service>/target/herald-<service>.jar (modules)
              --work DIR                  data and logs of the processes (modules/bench/target/bench-run)
              --json FILE                 the results (modules/bench/target/herald-bench.json)
              --jfr                       the notifier records a JFR profile into the work directory
              --help                      this text
            java -jar modules/bench/target/herald-bench.jar tagging [--rounds N] ...   the tagger alone (docs/tagging.md)
            """
        .formatted(String.join(",", SCENARIOS), String.join(",", DEFAULT_SCENARIOS));

    static Options parse(String... args) {
        int members = 20_000;
        Set<String> scenarios = new LinkedHashSet<>(DEFAULT_SCENARIOS);
        int rounds = 3;
        int partners = 100;
        int announcements = 50;
        int pipelineAnnouncements = 100;
        Double latencyRate = null;
        int latencySeconds = 20;
        List<Integer> notifiers = List.of(1, 2);
        Integer emailConcurrency = null;
        int webhookConcurrency = 16;
        Path jars = Path.of("modules");
        Path work = Path.of("modules/bench/target/bench-run");
        Path json = null;
        boolean jfr = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--members" -> members = positive(arg, value(args, ++i, arg));
                case "--scenarios" -> scenarios = scenarios(value(args, ++i, arg));
                case "--rounds" -> rounds = positive(arg, value(args, ++i, arg));
                case "--partners" -> partners = positive(arg, value(args, ++i, arg));
                case "--announcements" -> announcements = positive(arg, value(args, ++i, arg));
                case "--pipeline-announcements" -> pipelineAnnouncements = positive(arg, value(args, ++i, arg));
                case "--latency-rate" -> latencyRate = rate(arg, value(args, ++i, arg));
                case "--latency-seconds" -> latencySeconds = positive(arg, value(args, ++i, arg));
                case "--notifiers" -> notifiers = counts(arg, value(args, ++i, arg));
                case "--email-concurrency" -> emailConcurrency = positive(arg, value(args, ++i, arg));
                case "--webhook-concurrency" -> webhookConcurrency = positive(arg, value(args, ++i, arg));
                case "--jars" -> jars = Path.of(value(args, ++i, arg));
                case "--work" -> work = Path.of(value(args, ++i, arg));
                case "--json" -> json = Path.of(value(args, ++i, arg));
                case "--jfr" -> jfr = true;
                default -> throw new IllegalArgumentException("Unknown option " + arg + "; usage:\n" + HELP);
            }
        }
        if (scenarios.contains("latency") && !scenarios.contains("pipeline") && latencyRate == null) {
            throw new IllegalArgumentException(
                    "The latency scenario runs at half the pipeline's rate: run the pipeline too, or give --latency-rate R");
        }
        Path results = (json != null) ? json : work.resolveSibling("herald-bench.json");
        return new Options(members, scenarios, rounds, partners, announcements, pipelineAnnouncements, latencyRate,
                latencySeconds, notifiers, emailConcurrency, webhookConcurrency, jars, work, results, jfr);
    }

    static boolean wantsHelp(String... args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    boolean runs(String scenario) {
        return this.scenarios.contains(scenario);
    }

    private static Set<String> scenarios(String list) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String name : list.split(",")) {
            String scenario = name.strip();
            if (!SCENARIOS.contains(scenario)) {
                throw new IllegalArgumentException(
                        "Unknown scenario " + scenario + "; scenarios: " + String.join(",", SCENARIOS));
            }
            wanted.add(scenario);
        }
        Set<String> ordered = new LinkedHashSet<>();
        SCENARIOS.stream().filter(wanted::contains).forEach(ordered::add);
        return ordered;
    }

    private static List<Integer> counts(String option, String list) {
        List<Integer> counts = new ArrayList<>();
        for (String count : list.split(",")) {
            int value = positive(option, count.strip());
            if (value > 8) {
                throw new IllegalArgumentException(option + " takes up to 8 notifiers, not " + value);
            }
            counts.add(value);
        }
        return List.copyOf(counts);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int positive(String option, String value) {
        try {
            int number = Integer.parseInt(value.replace("_", ""));
            if (number > 0) {
                return number;
            }
        }
        catch (NumberFormatException ex) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a positive whole number, not " + value);
    }

    private static double rate(String option, String value) {
        try {
            double number = Double.parseDouble(value);
            if (number > 0 && Double.isFinite(number)) {
                return number;
            }
        }
        catch (NumberFormatException ex) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a positive number, not " + value);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("members=" + this.members + " scenarios="
                + String.join(",", this.scenarios) + " rounds=" + this.rounds);
        if (runs("webhooks")) {
            text.append(" partners=").append(this.partners).append(" announcements=").append(this.announcements);
        }
        if (runs("pipeline")) {
            text.append(" pipeline-announcements=").append(this.pipelineAnnouncements);
        }
        if (runs("latency")) {
            text.append(" latency-rate=")
                .append((this.latencyRate != null) ? String.format(Locale.ROOT, "%.1f", this.latencyRate)
                        : "half the pipeline's")
                .append(" latency-seconds=")
                .append(this.latencySeconds);
        }
        if (runs("scale-out")) {
            text.append(" notifiers=").append(this.notifiers.stream().map(String::valueOf).toList());
        }
        return text.append(" email-concurrency=")
            .append((this.emailConcurrency != null) ? this.emailConcurrency : "default")
            .append(" webhook-concurrency=")
            .append(this.webhookConcurrency)
            .toString();
    }

}

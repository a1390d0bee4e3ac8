package org.herald.bench.system;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The system benchmark's options:
 * {@code [--members N] [--scenarios email,webhooks,pipeline,latency,memory] [--rounds N]
 * [--partners N] [--announcements N] [--email-concurrency N]
 * [--webhook-concurrency N] [--jars DIR] [--work DIR] [--json FILE] [--jfr]}.
 *
 * @param members members the email announcement goes to
 * @param scenarios which scenarios to run, in the benchmark's order
 * @param rounds Herald and ceiling runs each at the best setting (medians reported)
 * @param partners partner endpoints each webhook announcement goes to
 * @param announcements announcements in the webhook stream
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
        @Nullable Integer emailConcurrency, int webhookConcurrency, Path jars, Path work, Path json, boolean jfr) {

    static final List<String> SCENARIOS = List.of("pipeline", "latency", "webhooks", "email", "memory");

    static Options parse(String... args) {
        int members = 20_000;
        Set<String> scenarios = new LinkedHashSet<>(List.of("webhooks", "email", "memory"));
        int rounds = 3;
        int partners = 100;
        int announcements = 50;
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
                case "--email-concurrency" -> emailConcurrency = positive(arg, value(args, ++i, arg));
                case "--webhook-concurrency" -> webhookConcurrency = positive(arg, value(args, ++i, arg));
                case "--jars" -> jars = Path.of(value(args, ++i, arg));
                case "--work" -> work = Path.of(value(args, ++i, arg));
                case "--json" -> json = Path.of(value(args, ++i, arg));
                case "--jfr" -> jfr = true;
                default -> throw new IllegalArgumentException("Unknown option " + arg + "; options: --members N,"
                        + " --scenarios " + String.join(",", SCENARIOS) + ", --rounds N, --partners N,"
                        + " --announcements N, --email-concurrency N, --webhook-concurrency N, --jars DIR,"
                        + " --work DIR, --json FILE, --jfr");
            }
        }
        Path results = (json != null) ? json : work.resolveSibling("herald-bench.json");
        return new Options(members, scenarios, rounds, partners, announcements, emailConcurrency, webhookConcurrency,
                jars, work, results, jfr);
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

    @Override
    public String toString() {
        return "members=" + this.members + " scenarios=" + String.join(",", this.scenarios) + " rounds=" + this.rounds
                + " partners=" + this.partners + " announcements=" + this.announcements + " email-concurrency="
                + ((this.emailConcurrency != null) ? this.emailConcurrency : "default") + " webhook-concurrency="
                + this.webhookConcurrency;
    }

}

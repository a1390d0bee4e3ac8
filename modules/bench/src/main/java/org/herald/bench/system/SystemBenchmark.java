package org.herald.bench.system;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Herald against the raw ceiling of the same machine in the same run: starts the
 * {@link Stack}, runs the chosen scenarios, prints a table and writes it as JSON
 * (docs/performance.md).
 * <p>
 * {@code java -jar modules/bench/target/herald-bench.jar [--members N] [--scenarios pipeline,latency,...] ...}
 * (see {@link Options#HELP}).
 */
public final class SystemBenchmark {

    /** The most resident memory a service may take (the target). */
    static final long RSS_TARGET = 512L * 1024 * 1024;

    private final Options options;

    private final PrintStream out;

    SystemBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (Options.wantsHelp(args)) {
            System.out.print(Options.HELP);
            System.exit(0);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        }
        catch (IllegalArgumentException ex) {
            System.err.println(ex.getMessage());
            System.exit(2);
            return;
        }
        try {
            new SystemBenchmark(options, System.out).run();
        }
        catch (SmtpSinkBinary.MissingToolException ex) {
            System.err.println(ex.getMessage());
            System.exit(3);
        }
        System.exit(0);
    }

    /** The pipeline, then latency at half its rate, each announcement to one member. */
    private void fanOutOne(Stack stack, Publisher publisher, Report report) throws Exception {
        try (FanOutOne audience = FanOutOne.seed(stack)) {
            Double rate = this.options.latencyRate();
            if (this.options.runs("pipeline")) {
                this.out.println("Pipeline:");
                double max = new PipelineScenario(stack, this.options, publisher, this.out).run(report);
                if (rate == null) {
                    rate = max / 2;
                }
            }
            if (this.options.runs("latency") && rate != null) {
                this.out.printf(Locale.ROOT, "Latency (%.1f announcements/s for %d s):%n", rate,
                        this.options.latencySeconds());
                audience.withPartner(publisher);
                new LatencyScenario(stack, this.options, publisher, this.out).run(report, rate);
            }
        }
    }

    void run() throws Exception {
        long started = System.nanoTime();
        Report report = new Report();
        report.fact("started", Instant.now());
        report.fact("cores", Runtime.getRuntime().availableProcessors());
        report.fact("options", this.options);
        this.out.println("Herald benchmark (" + this.options + ")");
        try (Stack stack = Stack.start(this.options, this.out)) {
            report.fact("database", stack.databaseDescription());
            report.fact("database autovacuum", stack.autovacuum() ? "on"
                    : "off: the benchmark runs VACUUM ANALYZE before each round of the webhook, email and scale-out"
                            + " scenarios");
            report.fact("service heap", Stack.SERVICE_HEAP);
            this.out.printf(Locale.ROOT, "  everything up in %.1f s; %s, autovacuum %s%n",
                    (System.nanoTime() - started) / 1e9, stack.databaseDescription(),
                    stack.autovacuum() ? "on" : "off (VACUUM ANALYZE before each round)");
            Publisher publisher = new Publisher(stack);
            if (this.options.runs("pipeline") || this.options.runs("latency")) {
                fanOutOne(stack, publisher, report);
            }
            if (this.options.runs("webhooks")) {
                this.out.println("Webhooks:");
                new WebhookScenario(stack, this.options, publisher, this.out).run(report);
            }
            if (this.options.runs("email")) {
                this.out.println("Email fan-out:");
                new EmailScenario(stack, this.options, publisher, this.out).run(report);
            }
            if (this.options.runs("scale-out")) {
                this.out.println("Scale-out (email fan-out, " + this.options.notifiers() + " notifiers):");
                new ScaleOutScenario(stack, this.options, publisher, this.out).run(report);
            }
            if (this.options.runs("memory")) {
                for (Child service : stack.services) {
                    OptionalLong peak = service.peakRss();
                    if (peak.isPresent()) {
                        double megabytes = peak.getAsLong() / (1024.0 * 1024);
                        report.row("memory", service.name() + " peak RSS", megabytes, null, "MB",
                                "VmHWM at " + Stack.SERVICE_HEAP + "; target 512: "
                                        + ((peak.getAsLong() <= RSS_TARGET) ? "met" : "missed"));
                    }
                }
            }
        }
        report.fact("whole run", String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - started) / 1e9));
        this.out.println();
        report.print(this.out);
        report.write(this.options.json());
        this.out.println();
        this.out.println("Results written to " + this.options.json().toAbsolutePath());
    }

}

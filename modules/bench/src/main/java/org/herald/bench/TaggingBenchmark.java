package org.herald.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.herald.bench.SingleThreadMeter.Figures;
import org.herald.tagger.tagging.RelevanceTagger;
import org.herald.tagger.tagging.Tagging;
import org.herald.tagger.taxonomy.TaxonomyReader;

/**
 * Tagging throughput on one core: the {@link RelevanceTagger} with the bundled taxonomy
 * on announcements of 1 to 3 KB ({@link Corpus}), on a single thread, after a warm-up;
 * prints announcements per second and bytes allocated per announcement for each round,
 * their median and best, and, as the ceiling of the same machine at the same moment, the
 * rate of Lucene's {@link StandardAnalyzer} only tokenising the same texts, measured in
 * rounds alternating with the tagger's (so a busy machine slows both alike). The goal is
 * 20,000 announcements a second; it is printed, not asserted.
 * <p>
 * Then, for {@code --model-seconds} (20; 0 skips it), the combined tagger with the
 * embedding model ({@link ModelBenchmark}): throughput, latency percentiles, resident
 * memory with and without the model, and its load time.
 * <p>
 * {@code java -jar modules/bench/target/herald-bench.jar tagging [--warmup SECONDS] [--rounds N] [--seconds SECONDS] [--model-seconds SECONDS]}
 */
public final class TaggingBenchmark {

    static final int GOAL = 20_000;

    private final PrintStream out;

    private final Options options;

    TaggingBenchmark(PrintStream out, Options options) {
        this.out = out;
        this.options = options;
    }

    public static void main(String[] args) {
        new TaggingBenchmark(System.out, Options.parse(args)).run();
    }

    void run() {
        List<Announcement> announcements = Corpus.compose(10, 42);
        int[] sizes = announcements.stream().mapToInt(Announcement::bytes).sorted().toArray();
        try (RelevanceTagger tagger = new RelevanceTagger(TaxonomyReader.read(bundledTaxonomy(), "bundled"));
                StandardAnalyzer analyzer = new StandardAnalyzer()) {
            this.out.printf(Locale.ROOT, "Tagging throughput on one thread: RelevanceTagger, bundled taxonomy %s%n",
                    tagger.taxonomyVersion());
            this.out.printf(Locale.ROOT, "%d announcements of %,d to %,d bytes (mean %,d), title + summary + body%n",
                    sizes.length, sizes[0], sizes[sizes.length - 1], (int) Arrays.stream(sizes).average().orElse(0));
            this.out.printf(Locale.ROOT, "Java %s, %s; warm-up %.0f s, then %d rounds of %.0f s for each%n%n",
                    Runtime.version(), System.getProperty("java.vm.name"), this.options.warmup(), this.options.rounds(),
                    this.options.seconds());
            ToIntFunction<Announcement> tagging = (a) -> tags(tagger, a);
            ToIntFunction<Announcement> tokenising = (a) -> tokens(analyzer, a);
            SingleThreadMeter taggingMeter = new SingleThreadMeter();
            SingleThreadMeter tokenisingMeter = new SingleThreadMeter();
            taggingMeter.run(announcements, tagging, this.options.warmup() / 2);
            tokenisingMeter.run(announcements, tokenising, this.options.warmup() / 2);
            List<Figures> tagged = new ArrayList<>();
            List<Figures> tokenised = new ArrayList<>();
            for (int round = 1; round <= this.options.rounds(); round++) {
                tagged.add(taggingMeter.run(announcements, tagging, this.options.seconds()));
                tokenised.add(tokenisingMeter.run(announcements, tokenising, this.options.seconds()));
                this.out.printf(Locale.ROOT,
                        "round %d: tagging %,8.0f announcements/s %6.1f KB allocated each | ceiling %,8.0f/s%n", round,
                        last(tagged).perSecond(), last(tagged).bytesPerItem() / 1024, last(tokenised).perSecond());
            }
            Figures median = median(tagged);
            Figures best = best(tagged);
            this.out.printf(Locale.ROOT,
                    "%nTagging on one core: median %,.0f, best %,.0f announcements/s (goal %,d: %s); %,.1f KB allocated per announcement%n",
                    median.perSecond(), best.perSecond(), GOAL, (median.perSecond() >= GOAL) ? "met" : "NOT met",
                    median.bytesPerItem() / 1024);
            this.out.printf(Locale.ROOT,
                    "Ceiling, StandardAnalyzer tokenising the same texts: median %,.0f, best %,.0f/s; tagging's median is %.0f %% of its%n",
                    median(tokenised).perSecond(), best(tokenised).perSecond(),
                    100 * median.perSecond() / median(tokenised).perSecond());
            this.out.printf(Locale.ROOT, "(checksums %d %d)%n", taggingMeter.sink(), tokenisingMeter.sink());
        }
        if (this.options.modelSeconds() > 0) {
            new ModelBenchmark(this.out).run(announcements, this.options.modelSeconds());
        }
    }

    private static Figures last(List<Figures> rounds) {
        return rounds.get(rounds.size() - 1);
    }

    private static Figures median(List<Figures> rounds) {
        List<Figures> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(Figures::perSecond));
        return sorted.get(sorted.size() / 2);
    }

    private static Figures best(List<Figures> rounds) {
        return rounds.stream().max(Comparator.comparingDouble(Figures::perSecond)).orElseThrow();
    }

    private static int tags(RelevanceTagger tagger, Announcement announcement) {
        Tagging tagging = tagger.tag(announcement.title(), announcement.summary(), announcement.body());
        return tagging.tags().size() * 4 + tagging.relevance();
    }

    private static int tokens(StandardAnalyzer analyzer, Announcement announcement) {
        return tokens(analyzer, announcement.title()) + tokens(analyzer, announcement.summary())
                + tokens(analyzer, announcement.body());
    }

    private static int tokens(StandardAnalyzer analyzer, String text) {
        if (text == null) {
            return 0;
        }
        try (TokenStream stream = analyzer.tokenStream("text", new StringReader(text))) {
            int count = 0;
            stream.reset();
            while (stream.incrementToken()) {
                count++;
            }
            stream.end();
            return count;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static InputStream bundledTaxonomy() {
        InputStream in = TaggingBenchmark.class.getResourceAsStream("/taxonomy/default.yaml");
        if (in == null) {
            throw new IllegalStateException("The tagger's bundled taxonomy is not on the class path");
        }
        return in;
    }

    /** The command line: seconds of warm-up, rounds, and seconds per round. */
    record Options(double warmup, int rounds, double seconds, double modelSeconds) {

        static Options parse(String... args) {
            double warmup = 10;
            int rounds = 7;
            double seconds = 2;
            double modelSeconds = 20;
            for (int i = 0; i < args.length; i++) {
                String value = (i + 1 < args.length) ? args[i + 1] : null;
                switch (args[i]) {
                    case "--warmup" -> warmup = Double.parseDouble(required(args[i], value));
                    case "--rounds" -> rounds = Integer.parseInt(required(args[i], value));
                    case "--seconds" -> seconds = Double.parseDouble(required(args[i], value));
                    case "--model-seconds" -> modelSeconds = Double.parseDouble(required(args[i], value));
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                            + "'; usage: [--warmup SECONDS] [--rounds N] [--seconds SECONDS] [--model-seconds SECONDS]");
                }
                i++;
            }
            if (rounds < 1 || seconds <= 0 || warmup < 0) {
                throw new IllegalArgumentException(
                        "--rounds must be at least 1, --seconds above 0, --warmup not negative");
            }
            return new Options(warmup, rounds, seconds, modelSeconds);
        }

        private static String required(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }

    }

}

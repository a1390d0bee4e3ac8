package org.herald.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.herald.tagger.tagging.CombinedTagger;
import org.herald.tagger.tagging.MiniLmEmbedder;
import org.herald.tagger.tagging.Tagging;

/**
 * The combined tagger with the embedding model (all-MiniLM-L6-v2, in-process) on the same
 * announcements, one at a time on the calling thread: the time to load the model and the
 * bundled taxonomy and weights, the process's resident memory before and after
 * ({@code VmRSS} of {@code /proc/self/status}: ONNX Runtime's memory is native, not
 * heap), then throughput and the 50th and 99th percentile latency per announcement. The
 * targets (at least 10 announcements a second on one core, p99 at most 300 ms, at most
 * 300 MB more memory) are printed, not asserted; run under {@code taskset -c 0} for one
 * core (ONNX Runtime otherwise uses every core for one announcement).
 */
final class ModelBenchmark {

    static final double TARGET_PER_SECOND = 10;

    static final double TARGET_P99_MILLIS = 300;

    static final double TARGET_MORE_MB = 300;

    private final PrintStream out;

    ModelBenchmark(PrintStream out) {
        this.out = out;
    }

    void run(List<Announcement> announcements, double seconds) {
        System.gc();
        long rssBefore = residentKilobytes();
        long start = System.nanoTime();
        try (CombinedTagger tagger = CombinedTagger.load(resource("/taxonomy/default.yaml"), "bundled",
                resource("/taxonomy/default.weights.json"), "bundled", MiniLmEmbedder.bundled())) {
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            this.out.printf(Locale.ROOT,
                    "%nWith the model: CombinedTagger, all-MiniLM-L6-v2 (quantised), taxonomy %s%n",
                    tagger.taxonomyVersion());
            this.out.printf(Locale.ROOT, "loaded the model, taxonomy and weights in %.1f s%n", loadSeconds);
            for (int i = 0; i < Math.min(20, announcements.size()); i++) {
                tag(tagger, announcements.get(i));
            }
            long[] nanos = new long[1 << 16];
            int count = 0;
            long sink = 0;
            long began = System.nanoTime();
            long budget = (long) (seconds * 1e9);
            while (System.nanoTime() - began < budget && count < nanos.length) {
                Announcement announcement = announcements.get(count % announcements.size());
                long t0 = System.nanoTime();
                sink += tag(tagger, announcement);
                nanos[count++] = System.nanoTime() - t0;
            }
            double elapsed = (System.nanoTime() - began) / 1e9;
            long rssAfter = residentKilobytes();
            long[] sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
            double perSecond = count / elapsed;
            double p50 = sorted[count / 2] / 1e6;
            double p99 = sorted[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] / 1e6;
            double moreMb = (rssAfter - rssBefore) / 1024.0;
            this.out.printf(Locale.ROOT, "%d announcements in %.1f s: %.1f announcements/s (target %.0f: %s)%n", count,
                    elapsed, perSecond, TARGET_PER_SECOND, (perSecond >= TARGET_PER_SECOND) ? "met" : "NOT met");
            this.out.printf(Locale.ROOT, "latency per announcement: p50 %.1f ms, p99 %.1f ms (target %.0f ms: %s)%n",
                    p50, p99, TARGET_P99_MILLIS, (p99 <= TARGET_P99_MILLIS) ? "met" : "NOT met");
            this.out.printf(Locale.ROOT,
                    "resident memory: %,d MB without the model, %,d MB with it: %+.0f MB (target at most %.0f more: %s)%n",
                    rssBefore / 1024, rssAfter / 1024, moreMb, TARGET_MORE_MB,
                    (moreMb <= TARGET_MORE_MB) ? "met" : "NOT met");
            this.out.printf(Locale.ROOT, "(checksum %d)%n", sink);
        }
    }

    private static int tag(CombinedTagger tagger, Announcement announcement) {
        Tagging tagging = tagger.tag(announcement.title(), announcement.summary(), announcement.body());
        return tagging.tags().size() * 4 + tagging.relevance();
    }

    /** {@code VmRSS} of this process in kB, or -1 where {@code /proc} is not there. */
    static long residentKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        }
        catch (IOException ex) {
            return -1;
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = ModelBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The tagger's " + name + " is not on the class path");
            }
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}

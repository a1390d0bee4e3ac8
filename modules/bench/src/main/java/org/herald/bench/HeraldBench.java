package org.herald.bench;

import java.util.Arrays;

import org.herald.bench.system.ChildMains;
import org.herald.bench.system.SystemBenchmark;

/**
 * The benchmark jar's entry point: {@code java -jar herald-bench.jar [options]} runs the
 * system benchmark ({@link SystemBenchmark}); {@code tagging [options]} the tagger alone
 * ({@link TaggingBenchmark}); {@code broker}, {@code database} and {@code receiver} are
 * the helper processes the system benchmark starts.
 */
public final class HeraldBench {

    private HeraldBench() {
    }

    public static void main(String[] args) throws Exception {
        String command = (args.length > 0) ? args[0] : "";
        String[] rest = (args.length > 0) ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (command) {
            case "tagging" -> TaggingBenchmark.main(rest);
            case "broker" -> ChildMains.broker(rest);
            case "database" -> ChildMains.database(rest);
            case "receiver" -> ChildMains.receiver(rest);
            default -> SystemBenchmark.main(args);
        }
    }

}

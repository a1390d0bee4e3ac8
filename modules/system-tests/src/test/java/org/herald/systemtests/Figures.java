package org.herald.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;

/**
 * Prints a scenario's figures, and keeps them in {@code target/system-tests/figures.txt}.
 */
final class Figures {

    private Figures() {
    }

    static void print(Path work, String scenario, String figures) {
        String line = "[system-tests] " + scenario + ": " + figures;
        System.out.println(line);
        try {
            Files.writeString(work.resolve("figures.txt"), line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static String seconds(long fromNanos, long toNanos) {
        return seconds(Duration.ofNanos(toNanos - fromNanos));
    }

}

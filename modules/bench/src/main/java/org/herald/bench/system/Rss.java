package org.herald.bench.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Memory figures of a process from {@code /proc/<pid>/status} (Linux only). */
final class Rss {

    private Rss() {
    }

    /** The value of {@code field} ({@code VmHWM:}, {@code VmRSS:}), in bytes. */
    static OptionalLong of(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    String kb = line.substring(field.length()).strip().split("\\s+")[0];
                    return OptionalLong.of(Long.parseLong(kb) * 1024);
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            // not Linux, or the process is gone
        }
        return OptionalLong.empty();
    }

}

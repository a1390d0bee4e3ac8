package org.herald.embedded.postgres;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ties a postmaster's life to this JVM's. {@code pg_ctl} detaches the postmaster, so it
 * outlives a {@code kill -9} of the JVM; this small shell, a child of the JVM that
 * ignores the usual signals, reads its standard input from the JVM and, when that pipe
 * closes without the word {@code stop} (the JVM died), asks the postmaster for a fast
 * shutdown. A normal close says {@code stop} first. Unix only; elsewhere the next start
 * clears the orphan ({@link OrphanedPostmaster}).
 */
final class Watchdog implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(Watchdog.class);

    private static final Path SHELL = Path.of("/bin/sh");

    private final Process process;

    private Watchdog(Process process) {
        this.process = process;
    }

    static boolean isAvailable() {
        return Files.isExecutable(SHELL);
    }

    /**
     * Watches {@code postmasterPid}, or returns {@code null} where no shell is available.
     */
    static Watchdog watch(long postmasterPid) {
        if (!isAvailable()) {
            return null;
        }
        String script = "trap '' INT TERM HUP; read line; [ \"$line\" = stop ] || kill -INT " + postmasterPid;
        try {
            Process process = new ProcessBuilder(SHELL.toString(), "-c", script)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
            return new Watchdog(process);
        }
        catch (IOException ex) {
            logger.warn("Could not start the PostgreSQL watchdog; after a crash the next start stops the orphan", ex);
            return null;
        }
    }

    /** Stands the watchdog down without touching the postmaster. */
    @Override
    public void close() {
        try (OutputStream in = this.process.getOutputStream()) {
            in.write("stop\n".getBytes(StandardCharsets.US_ASCII));
        }
        catch (IOException ex) {
            // Already gone.
        }
        try {
            if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
                this.process.destroyForcibly();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            this.process.destroyForcibly();
        }
    }

}

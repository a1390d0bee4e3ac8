package org.herald.embedded.postgres;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what a killed JVM left in a PostgreSQL data directory before it is started
 * again: a postmaster still running (stopped the way {@code pg_ctl stop -m fast} would,
 * by SIGINT) or a {@code postmaster.pid} naming a process that is not PostgreSQL (a
 * reused pid), which PostgreSQL would take for a live server.
 * <p>
 * zonky holds a file lock on {@code epg-lock} in the data directory while its owner runs.
 * If that lock can be taken, no live JVM owns the directory, so a postmaster found there
 * is an orphan; if it cannot, another process uses the directory and nothing is touched.
 */
final class OrphanedPostmaster {

    static final String OWNER_LOCK = "epg-lock";

    static final String PID_FILE = "postmaster.pid";

    private static final Logger logger = LoggerFactory.getLogger(OrphanedPostmaster.class);

    private OrphanedPostmaster() {
    }

    /** Makes {@code dataDirectory} startable, or says why it is not. */
    static void clear(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileOutputStream out = new FileOutputStream(dataDirectory.resolve(OWNER_LOCK).toFile());
                FileLock lock = out.getChannel().tryLock()) {
            if (lock == null) {
                throw inUse(dataDirectory);
            }
            OptionalLong pid = pid(pidFile);
            Optional<ProcessHandle> process = pid.isPresent() ? ProcessHandle.of(pid.getAsLong()) : Optional.empty();
            if (process.isPresent() && process.get().isAlive() && isPostgres(process.get())) {
                stop(process.get(), dataDirectory);
            }
            else if (process.isPresent() && process.get().isAlive()) {
                logger.warn("{} names pid {}, which is not PostgreSQL; removing the stale file", pidFile,
                        pid.getAsLong());
                Files.deleteIfExists(pidFile);
            }
            // A pid file naming no live process: PostgreSQL removes it itself.
        }
        catch (OverlappingFileLockException ex) {
            throw inUse(dataDirectory);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not check " + dataDirectory + " for an orphaned postmaster", ex);
        }
    }

    /**
     * Sends the fast-shutdown signal (SIGINT) where the platform can, else a plain
     * terminate.
     */
    static void signalFastShutdown(ProcessHandle process) {
        if (Watchdog.isAvailable()) {
            try {
                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
                if (kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                    return;
                }
            }
            catch (IOException ex) {
                // Fall through to terminate.
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        process.destroy();
    }

    private static void stop(ProcessHandle postmaster, Path dataDirectory) {
        logger.warn("Stopping orphaned PostgreSQL (pid {}) left running on {} by a previous run", postmaster.pid(),
                dataDirectory);
        List<ProcessHandle> backends = postmaster.descendants().toList();
        signalFastShutdown(postmaster);
        if (!awaitExit(postmaster, 60)) {
            logger.warn("Orphaned PostgreSQL (pid {}) ignored the shutdown request; killing it", postmaster.pid());
            postmaster.destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
            awaitExit(postmaster, 10);
        }
        backends.forEach((backend) -> awaitExit(backend, 10));
    }

    private static boolean awaitExit(ProcessHandle process, long seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        }
        catch (TimeoutException | ExecutionException ex) {
            return !process.isAlive();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        // Where the platform hides the command line, trust the pid file.
        return process.info().command().map((command) -> command.contains("postgres")).orElse(true);
    }

    private static OptionalLong pid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(lines.get(0).strip()));
        }
        catch (NumberFormatException ex) {
            return OptionalLong.empty();
        }
    }

    private static IllegalStateException inUse(Path dataDirectory) {
        return new IllegalStateException(dataDirectory + " is in use by another running process (another Herald on "
                + "the same data directory?); stop it or choose another herald.data-dir");
    }

}

package org.herald.systemtests.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One child process, started from a fixed command line, its output appended to a log file
 * under {@code target/}, that can be killed ({@code kill -9}), stopped (SIGTERM, then
 * {@code kill -9} after a grace period) and started again.
 */
public final class ManagedProcess implements AutoCloseable {

    private final String name;

    private final List<String> command;

    private final Path log;

    private Process process;

    ManagedProcess(String name, List<String> command, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.log = log;
    }

    public String name() {
        return this.name;
    }

    public Path log() {
        return this.log;
    }

    /** Starts the process (again); the caller waits for it to be ready. */
    public synchronized void start() {
        if (isAlive()) {
            throw new IllegalStateException(this.name + " is running already");
        }
        try {
            Files.createDirectories(this.log.getParent());
            Files.writeString(this.log,
                    "%n==== %s: starting %s%n%s%n%n".formatted(Instant.now(), this.name,
                            String.join(" ", this.command)),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            this.process = new ProcessBuilder(this.command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
                .start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start " + this.name, ex);
        }
    }

    public synchronized boolean isAlive() {
        return this.process != null && this.process.isAlive();
    }

    /** The pid of the running process. */
    public synchronized long pid() {
        if (this.process == null) {
            throw new IllegalStateException(this.name + " was never started");
        }
        return this.process.pid();
    }

    /** {@code kill -9}: returns once the process is gone. */
    public void kill() {
        Process current;
        synchronized (this) {
            current = this.process;
        }
        if (current == null) {
            return;
        }
        current.destroyForcibly();
        awaitExit(current, Duration.ofSeconds(30));
    }

    /**
     * SIGTERM (the JVM runs its shutdown hooks), then {@code kill -9} after
     * {@code grace}.
     */
    public void stop(Duration grace) {
        Process current;
        synchronized (this) {
            current = this.process;
        }
        if (current == null || !current.isAlive()) {
            return;
        }
        current.destroy();
        if (!awaitExit(current, grace)) {
            current.destroyForcibly();
            awaitExit(current, Duration.ofSeconds(30));
        }
    }

    /** The last {@code lines} lines of the log, for a failure message. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(this.log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
        catch (IOException | UncheckedIOException ex) {
            return "(no log: " + ex + ")";
        }
    }

    /** Whether the current run's log holds {@code marker}. */
    boolean logContains(String marker) {
        try {
            String text = Files.readString(this.log, StandardCharsets.ISO_8859_1);
            int runStart = text.lastIndexOf("==== ");
            return text.indexOf(marker, Math.max(runStart, 0)) >= 0;
        }
        catch (IOException ex) {
            return false;
        }
    }

    /** Stops the process and any it started; never throws. */
    @Override
    public void close() {
        try {
            stop(Duration.ofSeconds(20));
        }
        catch (RuntimeException ex) {
            // reaped below
        }
        Process current;
        synchronized (this) {
            current = this.process;
        }
        if (current != null) {
            current.descendants().forEach(ProcessHandle::destroyForcibly);
            current.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return this.name;
    }

    private static boolean awaitExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}

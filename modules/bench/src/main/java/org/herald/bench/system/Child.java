package org.herald.bench.system;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * One child process of the benchmark, its output in a log file of its own; stopped with
 * SIGTERM, then {@code kill -9} after a grace period. Modelled on the system tests'
 * {@code ManagedProcess}.
 */
final class Child implements AutoCloseable {

    private final String name;

    private final List<String> command;

    private final Path log;

    private final int port;

    private Process process;

    Child(String name, List<String> command, Path log) {
        this(name, command, log, 0);
    }

    /** A child serving HTTP on {@code port}. */
    Child(String name, List<String> command, Path log, int port) {
        this.name = name;
        this.command = List.copyOf(command);
        this.log = log;
        this.port = port;
    }

    String name() {
        return this.name;
    }

    int port() {
        return this.port;
    }

    Child start() {
        try {
            Files.createDirectories(this.log.getParent());
            Files.writeString(this.log, String.join(" ", this.command) + "\n\n", StandardCharsets.UTF_8);
            this.process = new ProcessBuilder(this.command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
                .start();
            return this;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start " + this.name + " (" + this.command.get(0) + ")", ex);
        }
    }

    boolean isAlive() {
        return this.process != null && this.process.isAlive();
    }

    long pid() {
        return this.process.pid();
    }

    boolean logContains(String marker) {
        try {
            return Files.readString(this.log, StandardCharsets.ISO_8859_1).contains(marker);
        }
        catch (IOException ex) {
            return false;
        }
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(this.log, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
        catch (IOException ex) {
            return "(no log: " + ex + ")";
        }
    }

    /** The last {@code chars} characters of its log. */
    String tailChars(int chars) {
        try (RandomAccessFile file = new RandomAccessFile(this.log.toFile(), "r")) {
            long start = Math.max(0, file.length() - chars);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        catch (IOException ex) {
            return "";
        }
    }

    /** Peak resident memory so far ({@code VmHWM} of /proc/pid/status), in bytes. */
    OptionalLong peakRss() {
        if (!isAlive()) {
            return OptionalLong.empty();
        }
        return Rss.of(pid(), "VmHWM:");
    }

    @Override
    public void close() {
        Process current = this.process;
        if (current == null) {
            return;
        }
        current.destroy();
        try {
            if (!current.waitFor(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS)) {
                current.descendants().forEach(ProcessHandle::destroyForcibly);
                current.destroyForcibly();
                current.waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            current.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return this.name;
    }

}

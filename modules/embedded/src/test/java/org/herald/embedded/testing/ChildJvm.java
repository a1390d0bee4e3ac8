package org.herald.embedded.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A main class of the test sources run in a child JVM on the test class path, so a test
 * can {@code kill -9} it ({@link #killHard()}) the way a crash or an operator would.
 */
public final class ChildJvm implements AutoCloseable {

    /** What a child prints, followed by details, once it has done its work. */
    public static final String READY = "READY";

    private final Process process;

    private final CompletableFuture<String> ready = new CompletableFuture<>();

    private final List<String> output = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code mainClass} with {@code arguments}; its standard input stays open
     * until it is killed.
     */
    public static ChildJvm start(Class<?> mainClass, String... arguments) throws IOException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx384m", "-cp",
                System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(arguments));
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Waits for the child's {@value #READY} line and returns what followed it. */
    public String awaitReady(long timeoutSeconds) throws Exception {
        try {
            return this.ready.get(timeoutSeconds, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException("Child JVM not ready; its output:\n" + output(), ex);
        }
    }

    /**
     * {@code kill -9}: no shutdown hooks, no clean-up, children of the child left as they
     * are.
     */
    public void killHard() throws Exception {
        this.process.destroyForcibly();
        this.process.onExit().get(30, TimeUnit.SECONDS);
    }

    public long pid() {
        return this.process.pid();
    }

    public synchronized String output() {
        return String.join("\n", this.output);
    }

    @Override
    public void close() throws Exception {
        if (this.process.isAlive()) {
            killHard();
        }
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (this) {
                    this.output.add(line);
                }
                if (line.startsWith(READY)) {
                    this.ready.complete(line.substring(READY.length()).strip());
                }
            }
        }
        catch (IOException ex) {
            // The child is gone.
        }
        this.ready.completeExceptionally(new IllegalStateException("Child JVM exited"));
    }

}

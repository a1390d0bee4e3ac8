package org.herald.app;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged app, {@code target/herald.jar}, run as a process the way a newcomer runs
 * it, with an HTTP client for its port. Its output goes to
 * {@code target/herald-jar-<name>.log}.
 */
final class HeraldJar implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<Process> processes = new ArrayList<>();

    private final int port;

    HeraldJar() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    /**
     * Starts the jar with {@code args} (and its port) and waits until its services
     * answer.
     */
    Process start(String name, String... args) throws IOException {
        Path jar = Path.of("target", "herald.jar").toAbsolutePath();
        assertThat(jar).as("the packaged app").exists();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                        "--server.port=" + this.port));
        command.addAll(List.of(args));
        File log = Path.of("target", "herald-jar-" + name + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        this.processes.add(process);
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("the app is running; see " + log).isTrue();
            return ready();
        });
        return process;
    }

    /**
     * Ready when the publisher, started last, answers (405: it takes no GET) rather than
     * the router's 503.
     */
    private boolean ready() {
        try {
            return get("/api/v1/announcements", "local-publish-key").statusCode() == 405;
        }
        catch (IOException ex) {
            return false;
        }
    }

    /** What the app started as {@code name} has logged so far. */
    String log(String name) throws IOException {
        return java.nio.file.Files.readString(Path.of("target", "herald-jar-" + name + ".log"));
    }

    HttpResponse<String> get(String path, String key) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key).GET());
    }

    HttpResponse<String> post(String path, String key, String json) throws IOException {
        return send(HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ex);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + this.port + path);
    }

    @Override
    public void close() {
        this.processes.forEach(Process::destroyForcibly);
    }

}

package org.herald.notifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.herald.testsupport.TestDatabase;

import static org.awaitility.Awaitility.await;

/**
 * A notifier in a JVM of its own ({@code java -cp <the test classpath>
 * org.herald.notifier.NotifierApplication}), for what only a process boundary shows: a
 * heap of a given size. Its output goes to {@code target/notifier-jvm/<name>.log}.
 * Stopped, then killed, when closed.
 */
final class NotifierJvm implements AutoCloseable {

    private final Process process;

    private final int port;

    private final Path log;

    private NotifierJvm(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts a notifier on a free port, on {@code database} and the broker at
     * {@code brokers}, with the admin key {@link TestApi#ADMIN_KEY} and one partition,
     * and waits until it is healthy.
     * @param jvmOptions options of the JVM, e.g. {@code -Xmx256m}
     * @param settings more arguments, {@code --key=value}
     */
    static NotifierJvm start(String name, String brokers, TestDatabase.Database database, List<String> jvmOptions,
            List<String> settings) throws IOException {
        int port = freePort();
        Path log = Path.of("target", "notifier-jvm", name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), NotifierApplication.class.getName(),
                "--server.port=" + port, "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(), "--spring.datasource.password=",
                "--spring.kafka.bootstrap-servers=" + brokers, "--herald.admin-api-keys=" + TestApi.ADMIN_KEY,
                "--herald.kafka.partitions=1"));
        command.addAll(settings);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
            .start();
        NotifierJvm jvm = new NotifierJvm(process, port, log);
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(jvm::healthy);
        }
        catch (RuntimeException ex) {
            jvm.close();
            throw new IllegalStateException("The notifier did not start; see " + log.toAbsolutePath(), ex);
        }
        return jvm;
    }

    private boolean healthy() {
        if (!this.process.isAlive()) {
            throw new IllegalStateException("The notifier exited with " + this.process.exitValue());
        }
        try {
            HttpResponse<String> health = api().get("/actuator/health");
            return health.statusCode() == 200;
        }
        catch (RuntimeException ex) {
            return false;
        }
    }

    TestApi api() {
        return new TestApi(this.port);
    }

    boolean alive() {
        return this.process.isAlive();
    }

    /** What the notifier printed so far. */
    String output() {
        try {
            return Files.readString(this.log);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        this.process.destroy();
        try {
            if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
                this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            this.process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}

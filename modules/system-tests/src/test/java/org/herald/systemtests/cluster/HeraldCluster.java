package org.herald.systemtests.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.herald.embedded.local.LocalPorts;

import static org.awaitility.Awaitility.await;

/**
 * Herald as separate processes on free ports: the broker and PostgreSQL (each a JVM of
 * its own, with its data under {@code target/system-tests}), the publisher, tagger and
 * notifier from their executable jars, and an SMTP server in the test JVM. Every part can
 * be killed or stopped and started again on the same port and data; {@link #close()}
 * reaps them all.
 */
public final class HeraldCluster implements AutoCloseable {

    public static final String ADMIN_KEY = "system-tests-admin-key";

    public static final String PUBLISH_KEY = "system-tests-publish-key";

    /**
     * The dispatcher's lease in these tests; the default is 2 min (docs/guarantees.md).
     */
    public static final Duration NOTIFIER_LEASE = Duration.ofSeconds(20);

    /**
     * The notifier's SMTP concurrency in these tests: 4, not the default 16, because the
     * fault tests assert duplicates at most the sends in flight at a crash, and a small
     * number of them makes that bound tight.
     */
    public static final int EMAIL_CONCURRENCY = 4;

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private static final List<String> SERVICE_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Djava.awt.headless=true");

    private final Path work;

    private final int kafkaPort = LocalPorts.freePort();

    private final int databasePort = LocalPorts.freePort();

    private final SmtpSink smtp = new SmtpSink(LocalPorts.freePort());

    private final int publisherPort = LocalPorts.freePort();

    private final int taggerPort = LocalPorts.freePort();

    private final int notifierPort = LocalPorts.freePort();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ManagedProcess broker;

    private final ManagedProcess database;

    private final ManagedProcess publisher;

    private final ManagedProcess tagger;

    private final ManagedProcess notifier;

    private HeraldCluster(Path work, Path jars) {
        this.work = work;
        Path logs = work.resolve("logs");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        this.broker = new ManagedProcess("broker",
                List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                        BrokerMain.class.getName(), work.resolve("broker").toString(),
                        Integer.toString(this.kafkaPort)),
                logs.resolve("broker.log"));
        this.database = new ManagedProcess("postgresql",
                List.of(java, "-Xmx128m", "-XX:+UseSerialGC", "-cp", classPath, DatabaseMain.class.getName(),
                        work.resolve("database").toString(), Integer.toString(this.databasePort)),
                logs.resolve("postgresql.log"));
        List<String> datasource = List.of("--spring.datasource.url=" + jdbcUrl(),
                "--spring.datasource.username=postgres", "--spring.datasource.password=");
        this.publisher = service(java, jars, "publisher", this.publisherPort, logs,
                concat(datasource, List.of("--herald.publisher.api-keys=" + PUBLISH_KEY)));
        this.tagger = service(java, jars, "tagger", this.taggerPort, logs, List.of());
        this.notifier = service(java, jars, "notifier", this.notifierPort, logs,
                concat(datasource,
                        List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + this.smtp.port(),
                                "--herald.notifier.dispatch.lease=" + NOTIFIER_LEASE.toSeconds() + "s",
                                "--herald.notifier.email.concurrency=" + EMAIL_CONCURRENCY,
                                // Service jars are not in local mode: secrets of their
                                // own.
                                "--herald.notifier.email.link-key=system-tests-link-key-0123456789abcdef",
                                "--herald.notifier.webhooks.secret-key=c3lzdGVtLXRlc3RzLXNlY3JldC1rZXktMzJieXRlcyE=")));
    }

    /** Starts everything and returns once every service answers healthy. */
    public static HeraldCluster start() {
        Path work = Path.of(System.getProperty("herald.system-tests.work", "target/system-tests"));
        Path jars = Path.of(System.getProperty("herald.system-tests.jars", ".."));
        try {
            // A fresh deployment each run: no topics, offsets or rows of an earlier one.
            deleteRecursively(work);
            Files.createDirectories(work);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        HeraldCluster cluster = new HeraldCluster(work.toAbsolutePath(), jars.toAbsolutePath());
        // A backstop for a test JVM stopped before the run's end: no child process
        // outlives it.
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "herald-cluster-reaper"));
        try {
            cluster.ensureUp();
            return cluster;
        }
        catch (RuntimeException | Error ex) {
            cluster.close();
            throw ex;
        }
    }

    /**
     * Starts whatever is not running (after a scenario that failed half-way), and waits
     * until all is ready.
     */
    public void ensureUp() {
        List<Runnable> waits = new ArrayList<>();
        if (!this.broker.isAlive()) {
            this.broker.start();
            waits.add(this::awaitBroker);
        }
        if (!this.database.isAlive()) {
            this.database.start();
            waits.add(this::awaitDatabase);
        }
        waits.forEach(Runnable::run);
        this.smtp.start();
        List<ManagedProcess> started = new ArrayList<>();
        for (ManagedProcess service : List.of(this.publisher, this.tagger, this.notifier)) {
            if (!service.isAlive()) {
                service.start();
                started.add(service);
            }
        }
        started.forEach(this::awaitHealthy);
    }

    public ManagedProcess broker() {
        return this.broker;
    }

    public ManagedProcess database() {
        return this.database;
    }

    public ManagedProcess publisher() {
        return this.publisher;
    }

    public ManagedProcess tagger() {
        return this.tagger;
    }

    public ManagedProcess notifier() {
        return this.notifier;
    }

    public SmtpSink smtp() {
        return this.smtp;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + this.kafkaPort;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + this.databasePort + "/herald";
    }

    public URI publisherUri(String path) {
        return URI.create("http://127.0.0.1:" + this.publisherPort + path);
    }

    public URI notifierUri(String path) {
        return URI.create("http://127.0.0.1:" + this.notifierPort + path);
    }

    public Path work() {
        return this.work;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    /**
     * Starts the broker again on its port and data, and waits until it takes requests.
     */
    public void startBroker() {
        this.broker.start();
        awaitBroker();
    }

    /**
     * Starts PostgreSQL again on its port and data, and waits until it takes connections.
     */
    public void startDatabase() {
        this.database.start();
        awaitDatabase();
    }

    /** Starts {@code service} again and waits until it answers healthy. */
    public void restart(ManagedProcess service) {
        service.start();
        awaitHealthy(service);
    }

    @Override
    public void close() {
        for (ManagedProcess process : List.of(this.publisher, this.tagger, this.notifier, this.broker, this.database)) {
            process.close();
        }
        this.smtp.close();
    }

    private void awaitBroker() {
        awaitStarted(this.broker, () -> this.broker.logContains(BrokerMain.READY));
    }

    private void awaitDatabase() {
        awaitStarted(this.database, () -> this.database.logContains(DatabaseMain.READY));
    }

    private void awaitHealthy(ManagedProcess service) {
        URI health = URI.create("http://127.0.0.1:" + port(service) + "/actuator/health");
        awaitStarted(service, () -> status(health) == 200);
    }

    private void awaitStarted(ManagedProcess process, BooleanSupplier ready) {
        await(process.name() + " ready").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        process.name() + " exited while starting; its log ends:\n" + process.tail(60));
            }
            return ready.getAsBoolean();
        });
    }

    private int status(URI uri) {
        try {
            return this.http
                .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
        }
        catch (IOException ex) {
            return -1;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private int port(ManagedProcess service) {
        return Map
            .of(this.publisher, this.publisherPort, this.tagger, this.taggerPort, this.notifier, this.notifierPort)
            .get(service);
    }

    private ManagedProcess service(String java, Path jars, String name, int port, Path logs, List<String> extra) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(SERVICE_JVM);
        command.add("-jar");
        command.add(jars.resolve(name).resolve("target").resolve("herald-" + name + ".jar").toString());
        command.add("--server.port=" + port);
        command.add("--spring.kafka.bootstrap-servers=" + bootstrapServers());
        command.add("--herald.admin-api-keys=" + ADMIN_KEY);
        command.addAll(extra);
        return new ManagedProcess(name, command, logs.resolve(name + ".log"));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

}

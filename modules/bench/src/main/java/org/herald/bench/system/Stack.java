package org.herald.bench.system;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

/**
 * Everything the benchmark runs against, each a process of its own on free ports: the
 * Kafka broker, PostgreSQL (the server on 127.0.0.1:5432 if it answers, with a fresh
 * database, else an embedded one), Postfix's {@code smtp-sink} (always: the notifier's
 * health needs its mail server), the webhook receiver, and the publisher, tagger and one
 * or more notifiers from their executable jars with production settings (durable commits,
 * acks=all, the recommended heap).
 */
final class Stack implements AutoCloseable {

    static final String ADMIN_KEY = "bench-admin-key";

    static final String PUBLISH_KEY = "bench-publish-key";

    /** The heap each service runs with (docs/performance.md). */
    static final String SERVICE_HEAP = "-Xmx384m";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    final int kafkaPort = Processes.freePort();

    final int smtpPort = Processes.freePort();

    final int receiverPort = Processes.freePort();

    final int publisherPort = Processes.freePort();

    final int taggerPort = Processes.freePort();

    final List<Child> services = new ArrayList<>();

    private final List<Integer> notifierPorts = new ArrayList<>();

    private final List<Child> children = new ArrayList<>();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Options options;

    private final PrintStream out;

    private String jdbcUrl = "";

    private String databaseDescription = "";

    private @Nullable String localDatabase;

    private boolean autovacuum = true;

    private @Nullable Child smtpSink;

    private String java = "";

    private Path logs = Path.of(".");

    private Path work = Path.of(".");

    private List<String> datasource = List.of();

    private Stack(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    static Stack start(Options options, PrintStream out) {
        String sink = SmtpSinkBinary.find();
        Stack stack = new Stack(options, out);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-reaper"));
        try {
            stack.startAll(sink);
            return stack;
        }
        catch (RuntimeException ex) {
            stack.close();
            throw ex;
        }
    }

    private void startAll(String sink) {
        Path work = this.options.work().toAbsolutePath();
        this.work = work;
        Processes.deleteRecursively(work);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.java = java;
        String benchJar = Path.of(System.getProperty("java.class.path").split(File.pathSeparator)[0])
            .toAbsolutePath()
            .toString();
        Path logs = work.resolve("logs");
        this.logs = logs;
        Child broker = child(new Child("broker", List.of(java, "-Xmx512m", "-jar", benchJar, "broker",
                work.resolve("broker").toString(), Integer.toString(this.kafkaPort)), logs.resolve("broker.log")));
        Child database = null;
        if (LocalDatabase.answers()) {
            this.localDatabase = "herald_bench_" + System.currentTimeMillis();
            this.jdbcUrl = LocalDatabase.create(this.localDatabase);
            this.databaseDescription = "the local PostgreSQL on 127.0.0.1:5432";
        }
        else {
            int port = Processes.freePort();
            database = child(new Child(
                    "postgresql", List.of(java, "-Xmx128m", "-jar", benchJar, "database",
                            work.resolve("database").toString(), Integer.toString(port)),
                    logs.resolve("postgresql.log")));
            this.jdbcUrl = "jdbc:postgresql://127.0.0.1:" + port + "/herald";
            this.databaseDescription = "an embedded PostgreSQL 15 on port " + port;
        }
        String user = System.getProperty("user.name");
        // -c: a running count of messages received, read by smtpMessages()
        this.smtpSink = child(new Child("smtp-sink",
                List.of(sink, "-c", "-u", user, "127.0.0.1:" + this.smtpPort, "1000"), logs.resolve("smtp-sink.log")));
        Child receiver = child(new Child("receiver",
                List.of(java, "-Xmx256m", "-jar", benchJar, "receiver", Integer.toString(this.receiverPort)),
                logs.resolve("receiver.log")));
        awaitReady(broker, () -> broker.logContains(ChildMains.READY));
        if (database != null) {
            Child db = database;
            awaitReady(db, () -> db.logContains(ChildMains.READY));
        }
        awaitReady(receiver, () -> receiver.logContains(ChildMains.READY));
        this.datasource = List.of("--spring.datasource.url=" + this.jdbcUrl, "--spring.datasource.username=postgres",
                "--spring.datasource.password=");
        this.autovacuum = readAutovacuum();
        List<String> publisher = new ArrayList<>(this.datasource);
        publisher.add("--herald.publisher.api-keys=" + PUBLISH_KEY);
        service("publisher", "publisher", this.publisherPort, publisher, List.of());
        service("tagger", "tagger", this.taggerPort, List.of(), List.of());
        startNotifier();
        for (Child service : this.services) {
            awaitHealthy(service);
        }
    }

    /**
     * Starts notifiers until {@code count} run (same broker, same database); waits for
     * them.
     */
    void startNotifiers(int count) {
        List<Child> started = new ArrayList<>();
        while (this.notifierPorts.size() < count) {
            started.add(startNotifier());
        }
        started.forEach(this::awaitHealthy);
    }

    int notifiers() {
        return this.notifierPorts.size();
    }

    private Child startNotifier() {
        int instance = this.notifierPorts.size() + 1;
        int port = Processes.freePort();
        this.notifierPorts.add(port);
        List<String> notifier = new ArrayList<>(this.datasource);
        notifier.addAll(List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + this.smtpPort,
                "--herald.notifier.email.link-key=bench-link-key-0123456789abcdef-0123",
                "--herald.notifier.webhooks.secret-key=YmVuY2gtc2VjcmV0LWtleS0zMi1ieXRlcy1sb25nISE=",
                "--herald.notifier.webhooks.allowed-networks=127.0.0.0/8",
                "--herald.notifier.webhooks.concurrency=" + this.options.webhookConcurrency(),
                "--herald.notifier.webhooks.endpoint-concurrency=" + this.options.webhookConcurrency()));
        if (this.options.emailConcurrency() != null) {
            notifier.add("--herald.notifier.email.concurrency=" + this.options.emailConcurrency());
        }
        String name = (instance == 1) ? "notifier" : "notifier-" + instance;
        List<String> jvm = this.options.jfr()
                ? List.of("-XX:StartFlightRecording=filename=" + this.work.resolve(name + ".jfr") + ",settings=profile")
                : List.of();
        return service(name, "notifier", port, notifier, jvm);
    }

    /**
     * Messages {@code smtp-sink} has received since it started, from the last of its
     * running counters ({@code sess=N quit=N mesg=N}) in its log.
     */
    long smtpMessages() {
        Child sink = this.smtpSink;
        String tail = (sink != null) ? sink.tailChars(200) : "";
        int at = tail.lastIndexOf("mesg=");
        if (at < 0) {
            return 0;
        }
        int end = at + 5;
        while (end < tail.length() && Character.isDigit(tail.charAt(end))) {
            end++;
        }
        return Long.parseLong(tail.substring(at + 5, end));
    }

    String jdbcUrl() {
        return this.jdbcUrl;
    }

    String databaseDescription() {
        return this.databaseDescription;
    }

    /**
     * Whether the server vacuums and analyses tables by itself ({@code autovacuum} and
     * {@code track_counts} both on).
     */
    boolean autovacuum() {
        return this.autovacuum;
    }

    /**
     * Before a round that writes many ledger rows: where the server does not vacuum by
     * itself, {@code VACUUM ANALYZE} the benchmark's database, so that the dead rows of
     * earlier rounds and statistics never gathered do not slow the notifier's claims from
     * round to round (docs/performance.md). Prints what it did; does nothing where
     * autovacuum is on, as in production.
     */
    void tidyDatabase() throws SQLException {
        if (this.autovacuum) {
            return;
        }
        long started = System.nanoTime();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
        this.out.printf(Locale.ROOT, "  VACUUM ANALYZE (the server's autovacuum is off) in %.2f s%n",
                (System.nanoTime() - started) / 1e9);
    }

    private boolean readAutovacuum() {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT current_setting('autovacuum') = 'on' AND current_setting('track_counts') = 'on'")) {
            row.next();
            return row.getBoolean(1);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not read the database's autovacuum setting: " + ex.getMessage(), ex);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(this.jdbcUrl, "postgres", "");
    }

    URI publisher(String path) {
        return URI.create("http://127.0.0.1:" + this.publisherPort + path);
    }

    URI notifier(String path) {
        return URI.create("http://127.0.0.1:" + this.notifierPorts.get(0) + path);
    }

    URI receiver(String path) {
        return URI.create("http://127.0.0.1:" + this.receiverPort + path);
    }

    private Child service(String name, String module, int port, List<String> extra, List<String> jvm) {
        Path jar = this.options.jars().resolve(module).resolve("target").resolve("herald-" + module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": build the services first (./mvnw -q -DskipTests package)");
        }
        List<String> command = new ArrayList<>(List.of(this.java, SERVICE_HEAP));
        command.addAll(jvm);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=127.0.0.1:" + this.kafkaPort,
                "--herald.admin-api-keys=" + ADMIN_KEY));
        command.addAll(extra);
        Child service = child(new Child(name, command, this.logs.resolve(name + ".log"), port));
        this.services.add(service);
        return service;
    }

    private void awaitHealthy(Child service) {
        URI health = URI.create("http://127.0.0.1:" + service.port() + "/actuator/health");
        awaitReady(service, () -> status(health) == 200);
    }

    private Child child(Child child) {
        this.out.println("  starting " + child.name());
        this.children.add(child.start());
        return child;
    }

    private void awaitReady(Child child, BooleanSupplier ready) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!ready.getAsBoolean()) {
            if (!child.isAlive()) {
                throw new IllegalStateException(
                        child.name() + " exited while starting; its log ends:\n" + child.tail(40));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        child.name() + " not ready in " + START_TIMEOUT + "; its log ends:\n" + child.tail(40));
            }
            Processes.pause(250);
        }
    }

    int status(URI uri) {
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

    @Override
    public synchronized void close() {
        for (int i = this.children.size() - 1; i >= 0; i--) {
            this.children.get(i).close();
        }
        this.children.clear();
        if (this.localDatabase != null) {
            LocalDatabase.drop(this.localDatabase, this.out);
            this.localDatabase = null;
        }
    }

}

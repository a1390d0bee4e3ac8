package org.herald.embedded.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.herald.embedded.local.LocalPorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker from the Kafka server jar, run in this JVM: one node in KRaft
 * combined mode (broker and controller), listening on the loopback interface only, its
 * log in {@code <data-dir>/kafka}.
 * <p>
 * The storage is formatted on the first start only; the cluster id is kept in the log
 * directory's {@code meta.properties}, so records survive a stop and a start, and a
 * {@code kill -9} of the JVM (Kafka's {@code .lock} is a file lock the operating system
 * drops with the process; the broker recovers its log on the next start). Ports are
 * remembered in the data directory and reused while free. Why in process rather than a
 * child JVM: docs/adr/0002-embedded-kafka-broker.md.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** The directory, under the data directory, that holds the broker's log. */
    public static final String DIRECTORY = "kafka";

    private static final Logger logger = LoggerFactory.getLogger(EmbeddedKafka.class);

    private static final int NODE_ID = 1;

    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private static final String HOST = "127.0.0.1";

    private final Path logDirectory;

    private final int port;

    private final String clusterId;

    private final KafkaRaftServer server;

    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(Path logDirectory, int port, String clusterId, KafkaRaftServer server) {
        this.logDirectory = logDirectory;
        this.port = port;
        this.clusterId = clusterId;
        this.server = server;
    }

    /** Starts a broker on {@code dataDirectory}, on its remembered port or a free one. */
    public static EmbeddedKafka start(Path dataDirectory) {
        return start(dataDirectory, 0);
    }

    /**
     * Starts a broker on {@code dataDirectory}; returns once it takes requests.
     * @param dataDirectory the Herald data directory; the log goes to its
     * {@value #DIRECTORY} folder
     * @param port the client port, or 0 for the remembered one while free, else a free
     * one
     */
    public static EmbeddedKafka start(Path dataDirectory, int port) {
        Path logDirectory = dataDirectory.resolve(DIRECTORY).toAbsolutePath().normalize();
        LocalPorts ports = new LocalPorts(dataDirectory);
        int brokerPort = ports.choose("kafka", port);
        int controllerPort = ports.choose("kafka.controller", 0);
        if (controllerPort == brokerPort) {
            controllerPort = LocalPorts.freePort();
        }
        createDirectories(logDirectory);
        KafkaConfig config = KafkaConfig.fromProps(configuration(logDirectory, brokerPort, controllerPort), false);
        String clusterId = formatOnFirstStart(logDirectory);
        long started = System.nanoTime();
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        }
        catch (RuntimeException ex) {
            stop(server);
            throw new IllegalStateException("Embedded Kafka broker did not start on " + logDirectory, ex);
        }
        logger.info(
                "Embedded Kafka broker (KRaft, cluster {}) listening on {}:{} (controller {}), log in {}, up in {} ms",
                clusterId, HOST, brokerPort, controllerPort, logDirectory, (System.nanoTime() - started) / 1_000_000);
        return new EmbeddedKafka(logDirectory, brokerPort, clusterId, server);
    }

    /** The value for {@code bootstrap.servers}, e.g. {@code 127.0.0.1:40123}. */
    public String bootstrapServers() {
        return HOST + ":" + this.port;
    }

    /** The port clients connect to. */
    public int port() {
        return this.port;
    }

    /** The broker's log directory. */
    public Path logDirectory() {
        return this.logDirectory;
    }

    /** The cluster id written when the storage was formatted. */
    public String clusterId() {
        return this.clusterId;
    }

    /**
     * Stops the broker (controlled shutdown, log flushed). Calling it again does nothing.
     */
    @Override
    public void close() {
        if (this.closed.compareAndSet(false, true)) {
            logger.info("Stopping embedded Kafka broker on port {}", this.port);
            stop(this.server);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers() + ", " + this.logDirectory + "]";
    }

    static Properties configuration(Path logDirectory, int brokerPort, int controllerPort) {
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        properties.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST
                + ":" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        properties.put("log.dirs", logDirectory.toString());
        // A single node: every internal topic has one replica, and transactions work.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        // Topics are made by the services, with their configured partitions
        // (DeclaredTopics);
        // a topic the broker made on first use would have its own count.
        properties.put("auto.create.topics.enable", "false");
        properties.put("group.initial.rebalance.delay.ms", "0");
        // After a kill -9 the restarted controller still holds the dead incarnation's
        // registration and refuses the
        // new one until that session expires (default 9 s); in one process a short
        // session costs nothing.
        properties.put("broker.session.timeout.ms", "3000");
        properties.put("broker.heartbeat.interval.ms", "500");
        // Sized for a laptop rather than a cluster: fewer threads, a small log-cleaner
        // buffer (default 128 MB).
        properties.put("num.network.threads", "2");
        properties.put("num.io.threads", "2");
        properties.put("background.threads", "2");
        properties.put("num.recovery.threads.per.data.dir", "1");
        properties.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        // Fixed when the internal topics are first created; 50 each is for a cluster.
        properties.put("offsets.topic.num.partitions", "5");
        properties.put("transaction.state.log.num.partitions", "5");
        return properties;
    }

    private static String formatOnFirstStart(Path logDirectory) {
        Path metaProperties = logDirectory.resolve("meta.properties");
        if (Files.isRegularFile(metaProperties)) {
            return readClusterId(metaProperties);
        }
        String clusterId = Uuid.randomUuid().toString();
        logger.info("Formatting embedded Kafka storage in {} (cluster {})", logDirectory, clusterId);
        try (PrintStream output = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)) {
            new Formatter().setPrintStream(output)
                .setNodeId(NODE_ID)
                .setClusterId(clusterId)
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(logDirectory.toString())
                .addDirectory(logDirectory.toString())
                .run();
        }
        catch (Exception ex) {
            throw new IllegalStateException("Could not format Kafka storage in " + logDirectory, ex);
        }
        return clusterId;
    }

    private static String readClusterId(Path metaProperties) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(metaProperties)) {
            properties.load(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read " + metaProperties, ex);
        }
        String clusterId = properties.getProperty("cluster.id");
        if (clusterId == null) {
            throw new IllegalStateException(
                    metaProperties + " has no cluster.id; move the folder away to start afresh");
        }
        return clusterId;
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not create " + directory, ex);
        }
    }

    private static void stop(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        }
        catch (RuntimeException ex) {
            logger.warn("Embedded Kafka broker did not stop cleanly", ex);
        }
    }

}

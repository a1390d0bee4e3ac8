package org.herald.embedded.postgres;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import org.herald.embedded.testing.ChildJvm;

/**
 * Run in a child JVM by {@link EmbeddedDatabaseTests}: starts PostgreSQL on a data
 * directory (with or without the watchdog), commits a row, says
 * {@code READY <postmaster pid>} and waits to be killed.
 */
public final class PostgresChild {

    private PostgresChild() {
    }

    public static void main(String[] arguments) throws Exception {
        Path dataDirectory = Path.of(arguments[0]);
        boolean stopWithJvm = Boolean.parseBoolean(arguments[1]);
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory, 0, stopWithJvm);
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE survivor (name text)");
            statement.execute("INSERT INTO survivor VALUES ('committed before the crash')");
        }
        String pid = Files.readAllLines(database.directory().resolve("postmaster.pid"), StandardCharsets.UTF_8).get(0);
        System.out.println(ChildJvm.READY + " " + pid.strip());
        System.out.flush();
        System.in.read();
    }

}

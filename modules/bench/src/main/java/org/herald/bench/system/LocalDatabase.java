package org.herald.bench.system;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server on 127.0.0.1:5432, when one answers: the benchmark runs in a
 * database of its own there, made at the start and dropped at the end.
 */
final class LocalDatabase {

    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private LocalDatabase() {
    }

    static boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    /** Creates {@code name}; answers its JDBC URL. */
    static String create(String name) {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("PostgreSQL answers on 127.0.0.1:5432 but would not create a database as"
                    + " user postgres without a password: " + ex.getMessage(), ex);
        }
        return "jdbc:postgresql://127.0.0.1:5432/" + name;
    }

    static void drop(String name, PrintStream out) {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
        }
        catch (SQLException ex) {
            out.println("  could not drop the database " + name + ": " + ex.getMessage());
        }
    }

}

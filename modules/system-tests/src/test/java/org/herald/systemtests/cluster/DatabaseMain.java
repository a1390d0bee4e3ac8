package org.herald.systemtests.cluster;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.herald.embedded.postgres.EmbeddedDatabase;

/**
 * Runs a throwaway PostgreSQL 15 (zonky's binaries, via {@link EmbeddedDatabase}) from a
 * JVM of its own: {@code DatabaseMain <data-dir> <port>}. SIGTERM stops the server
 * ({@code pg_ctl stop -m fast}); if the JVM is killed, the embedded module's watchdog
 * stops it.
 */
public final class DatabaseMain {

    static final String READY = "HERALD-DATABASE-READY";

    private DatabaseMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(database::close, "database-shutdown"));
        System.out.println(READY + " " + database.jdbcUrl());
        new CountDownLatch(1).await();
    }

}

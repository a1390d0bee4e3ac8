package org.herald.bench.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.herald.embedded.kafka.EmbeddedKafka;
import org.herald.embedded.postgres.EmbeddedDatabase;

/**
 * The mains of the benchmark's helper processes, each run as
 * {@code java -jar herald-bench.jar <name> ...}: the broker, an embedded PostgreSQL (when
 * none answers on 127.0.0.1:5432) and the webhook receiver.
 */
public final class ChildMains {

    static final String READY = "HERALD-BENCH-READY";

    private ChildMains() {
    }

    /** {@code broker <data-dir> <port>}: the Kafka server jar, KRaft, one node. */
    public static void broker(String[] args) throws InterruptedException {
        EmbeddedKafka broker = EmbeddedKafka.start(Path.of(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "broker-shutdown"));
        System.out.println(READY + " " + broker.bootstrapServers());
        new CountDownLatch(1).await();
    }

    /** {@code database <data-dir> <port>}: PostgreSQL 15 from zonky's binaries. */
    public static void database(String[] args) throws InterruptedException {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(database::close, "database-shutdown"));
        System.out.println(READY + " " + database.jdbcUrl());
        new CountDownLatch(1).await();
    }

    /**
     * {@code receiver <port>}: an HTTP server that answers 204 to every POST and counts
     * them; {@code GET /stats} answers {@code count firstMicros lastMicros} (epoch
     * microseconds of the first and last POST received).
     */
    public static void receiver(String[] args) throws IOException {
        AtomicLong count = new AtomicLong();
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 1024);
        server.setExecutor(Executors.newFixedThreadPool(64));
        server.createContext("/", (exchange) -> {
            if ("POST".equals(exchange.getRequestMethod())) {
                drain(exchange.getRequestBody());
                long now = micros();
                first.compareAndSet(0, now);
                last.accumulateAndGet(now, Math::max);
                count.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
                return;
            }
            answer(exchange, count.get() + " " + first.get() + " " + last.get());
        });
        server.createContext("/reset", (exchange) -> {
            count.set(0);
            first.set(0);
            last.set(0);
            answer(exchange, "0 0 0");
        });
        server.start();
        System.out.println(READY + " receiver on " + server.getAddress());
    }

    static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    private static void drain(InputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        while (body.read(buffer) >= 0) {
            // discard
        }
    }

    private static void answer(HttpExchange exchange, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

}

package org.herald.systemtests.cluster;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.herald.embedded.kafka.EmbeddedKafka;

/**
 * Runs the broker (the Kafka server jar, KRaft, one node) in a JVM of its own:
 * {@code BrokerMain <data-dir> <port>}. SIGTERM stops it cleanly; {@code kill -9} leaves
 * a log the next start recovers.
 */
public final class BrokerMain {

    static final String READY = "HERALD-BROKER-READY";

    private BrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedKafka broker = EmbeddedKafka.start(Path.of(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "broker-shutdown"));
        System.out.println(READY + " " + broker.bootstrapServers());
        new CountDownLatch(1).await();
    }

}

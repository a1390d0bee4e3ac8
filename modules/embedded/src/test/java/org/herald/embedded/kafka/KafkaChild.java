package org.herald.embedded.kafka;

import java.nio.file.Path;

import org.herald.embedded.testing.ChildJvm;

/**
 * Run in a child JVM by {@link EmbeddedKafkaTests}: starts the broker on a data
 * directory, commits records in a transaction, says {@code READY <bootstrap servers>} and
 * waits to be killed.
 */
public final class KafkaChild {

    private KafkaChild() {
    }

    public static void main(String[] arguments) throws Exception {
        Path dataDirectory = Path.of(arguments[0]);
        String topic = arguments[1];
        int count = Integer.parseInt(arguments[2]);
        EmbeddedKafka kafka = EmbeddedKafka.start(dataDirectory);
        Clients.sendInTransaction(kafka.bootstrapServers(), topic, count);
        System.out.println(ChildJvm.READY + " " + kafka.bootstrapServers());
        System.out.flush();
        System.in.read();
    }

}

package org.herald.app;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The same story on a Kafka broker and a PostgreSQL server in containers, as in
 * production. Runs where a Docker engine is available and is skipped, saying so, where
 * none is: it adds coverage and never replaces {@link PipelineEndToEndTests}.
 */
@Testcontainers(disabledWithoutDocker = true)
class PipelineContainersTests {

    @Container
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:15");

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
        .withPerMethodLifecycle(false);

    private static MockWebServer partnerEndpoint;

    private static Pipeline pipeline;

    @BeforeAll
    static void start() throws Exception {
        partnerEndpoint = new MockWebServer();
        partnerEndpoint.start();
        pipeline = new Pipeline(kafka.getBootstrapServers(), postgres.getJdbcUrl(), postgres.getUsername(),
                postgres.getPassword(), mail.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (partnerEndpoint != null) {
            partnerEndpoint.close();
        }
    }

    @Test
    void deliversTheMouOnceByEmailAndSignedWebhook() throws Exception {
        new PipelineScenario(pipeline, mail, partnerEndpoint).deliversTheMouOnceByEmailAndSignedWebhook();
    }

}

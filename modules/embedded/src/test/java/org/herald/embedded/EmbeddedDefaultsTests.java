package org.herald.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import org.herald.embedded.kafka.EmbeddedKafka;
import org.herald.embedded.local.LocalPorts;
import org.herald.embedded.mail.EmbeddedSmtp;
import org.herald.embedded.postgres.EmbeddedDatabase;
import org.herald.embedded.webhook.WebhookInbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EmbeddedDefaultsTests {

    @TempDir
    Path dataDirectory;

    @Test
    void startsWhatIsNotConfiguredPointsTheStandardPropertiesAtItAndStopsItWithTheContext() throws Exception {
        EmbeddedKafka kafka;
        EmbeddedDatabase database;
        EmbeddedSmtp smtp;
        try (ConfigurableApplicationContext context = run("--herald.data-dir=" + this.dataDirectory)) {
            Environment environment = context.getEnvironment();
            kafka = context.getBean(EmbeddedDefaults.KAFKA_BEAN, EmbeddedKafka.class);
            database = context.getBean(EmbeddedDefaults.DATABASE_BEAN, EmbeddedDatabase.class);
            smtp = context.getBean(EmbeddedDefaults.SMTP_BEAN, EmbeddedSmtp.class);

            // Above the services' @PropertySource defaults, which name localhost:9092 and
            // :5432.
            assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(kafka.bootstrapServers());
            assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(database.jdbcUrl());
            assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("postgres");
            assertThat(environment.getProperty("spring.datasource.password")).isEmpty();
            assertThat(environment.getProperty("spring.mail.host")).isEqualTo("127.0.0.1");
            assertThat(environment.getProperty("spring.mail.port", Integer.class)).isEqualTo(smtp.port());
            assertThat(environment.getProperty("logging.level.kafka")).isEqualTo("WARN");
            // On the embedded broker and database: local mode.
            assertThat(environment.getProperty(EmbeddedDefaults.LOCAL_PROPERTY)).isEqualTo("true");
            assertThat(kafka.logDirectory()).startsWith(this.dataDirectory);
            assertThat(database.directory()).startsWith(this.dataDirectory);
            assertThat(context.getBean(WebhookInbox.class).webhooks()).isEmpty();
            try (Connection connection = DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                    "postgres", "")) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
        assertThat(LocalPorts.isFree(kafka.port())).isTrue();
        assertThat(LocalPorts.isFree(database.port())).isTrue();
        assertThat(LocalPorts.isFree(smtp.port())).isTrue();
        assertThat(database.directory().resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void leavesExplicitlySetPropertiesAloneAndStartsNothingForThem() {
        try (ConfigurableApplicationContext context = run("--herald.data-dir=" + this.dataDirectory,
                "--spring.kafka.bootstrap-servers=kafka.example:9092",
                "--spring.datasource.url=jdbc:postgresql://db.example/herald", "--spring.mail.host=mail.example")) {
            Environment environment = context.getEnvironment();

            assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("kafka.example:9092");
            assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://db.example/herald");
            assertThat(environment.getProperty("spring.mail.host")).isEqualTo("mail.example");
            assertThat(environment.getProperty(EmbeddedDefaults.LOCAL_PROPERTY)).isNull();
            assertThat(context.containsBean(EmbeddedDefaults.KAFKA_BEAN)).isFalse();
            assertThat(context.containsBean(EmbeddedDefaults.DATABASE_BEAN)).isFalse();
            assertThat(context.containsBean(EmbeddedDefaults.SMTP_BEAN)).isFalse();
        }
        assertThat(this.dataDirectory.resolve("kafka")).doesNotExist();
        assertThat(this.dataDirectory.resolve("postgres")).doesNotExist();
    }

    @Test
    void startsNothingWhenDisabled() {
        try (ConfigurableApplicationContext context = run("--herald.data-dir=" + this.dataDirectory,
                "--herald.embedded.enabled=false")) {
            assertThat(context.getEnvironment().getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo("localhost:9092");
            assertThat(context.getEnvironment().getProperty("spring.mail.host")).isNull();
            assertThat(context.getBeanNamesForType(WebhookInbox.class)).isEmpty();
            assertThat(context.getEnvironment().getProperty("logging.level.kafka")).isNull();
        }
        assertThat(this.dataDirectory).isEmptyDirectory();
    }

    @Test
    void stopsTheServersWhenTheApplicationFailsToStart() {
        int port = LocalPorts.freePort();
        assertThatExceptionOfType(BeanCreationException.class)
            .isThrownBy(() -> run("--herald.data-dir=" + this.dataDirectory, "--herald.embedded.kafka.enabled=false",
                    "--herald.embedded.postgres.enabled=false", "--spring.mail.port=" + port, "--test.fail=true"));
        assertThat(this.dataDirectory.resolve("mail")).isDirectory();
        assertThat(LocalPorts.isFree(port)).isTrue();
    }

    private static ConfigurableApplicationContext run(String... arguments) {
        SpringApplication application = new SpringApplication(TestApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application.run(arguments);
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @PropertySource("classpath:service-defaults.properties")
    static class TestApplication {

        @Bean
        @ConditionalOnProperty("test.fail")
        Object failing() {
            throw new IllegalStateException("A bean that cannot be created");
        }

    }

}

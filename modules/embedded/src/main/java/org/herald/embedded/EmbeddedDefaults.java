package org.herald.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.herald.embedded.kafka.EmbeddedKafka;
import org.herald.embedded.mail.EmbeddedSmtp;
import org.herald.embedded.postgres.EmbeddedDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Starts the embedded servers the all-in-one app needs, each only when its standard
 * property is not set explicitly, and points that property at it:
 * <ul>
 * <li>{@code spring.kafka.bootstrap-servers} → {@link EmbeddedKafka}, bean
 * {@value #KAFKA_BEAN};</li>
 * <li>{@code spring.datasource.url} (with {@code username}, {@code password}) →
 * {@link EmbeddedDatabase}, bean {@value #DATABASE_BEAN};</li>
 * <li>{@code spring.mail.host} (with {@code port}) → {@link EmbeddedSmtp}, bean
 * {@value #SMTP_BEAN}.</li>
 * </ul>
 * Registered in {@code META-INF/spring.factories}, so it runs for every
 * {@code SpringApplication} with this jar on its class path;
 * {@code herald.embedded.enabled=false} turns it off. It runs when the environment is
 * ready and logging is initialised (after {@link LoggingApplicationListener}), so an
 * explicit setting anywhere Boot reads configuration from (command line, environment
 * variables, {@code application.yml}, test properties) wins, and the servers' start-up is
 * logged. Settings that only appear later ({@code @PropertySource} files such as the
 * services' defaults, {@code @DynamicPropertySource}) do not count as explicit, and the
 * values filled in here rank above them.
 * <p>
 * The servers become singletons of the application context, destroyed after every other
 * bean (so listeners and pools stop first); if the application fails before its context
 * exists, they are stopped here.
 */
public class EmbeddedDefaults implements SmartApplicationListener {

    /**
     * The name of the property source holding the values pointing at the embedded
     * servers.
     */
    public static final String PROPERTY_SOURCE = "heraldEmbeddedDefaults";

    /**
     * Local mode ({@code org.herald.support.LocalMode}), set to {@code true} here when
     * both the broker and the database are embedded.
     */
    public static final String LOCAL_PROPERTY = "herald.local";

    public static final String KAFKA_BEAN = "heraldEmbeddedKafka";

    public static final String DATABASE_BEAN = "heraldEmbeddedDatabase";

    public static final String SMTP_BEAN = "heraldEmbeddedSmtp";

    private static final Logger logger = LoggerFactory.getLogger(EmbeddedDefaults.class);

    private final Map<String, AutoCloseable> servers = new LinkedHashMap<>();

    private boolean ownedByContext;

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
        return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType)
                || ApplicationPreparedEvent.class.isAssignableFrom(eventType)
                || ApplicationFailedEvent.class.isAssignableFrom(eventType);
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            start(prepared.getEnvironment());
        }
        else if (event instanceof ApplicationPreparedEvent prepared) {
            handOver(prepared.getApplicationContext().getBeanFactory());
        }
        else if (event instanceof ApplicationFailedEvent && !this.ownedByContext) {
            stopAll();
        }
    }

    private synchronized void start(ConfigurableEnvironment environment) {
        EmbeddedProperties properties = Binder.get(environment)
            .bindOrCreate("herald.embedded", Bindable.of(EmbeddedProperties.class));
        if (!properties.enabled() || !this.servers.isEmpty()) {
            return;
        }
        Path dataDirectory = DataDirectory.of(environment);
        boolean database = properties.postgres().enabled() && !environment.containsProperty("spring.datasource.url");
        boolean kafka = properties.kafka().enabled() && !environment.containsProperty("spring.kafka.bootstrap-servers");
        boolean smtp = properties.smtp().enabled() && !environment.containsProperty("spring.mail.host");
        if (!database && !kafka && !smtp) {
            return;
        }
        logger.info("Starting embedded servers for what is not configured, data in {} ({})", dataDirectory,
                DataDirectory.PROPERTY);
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            // PostgreSQL and Kafka take a few seconds each: start them side by side.
            CompletableFuture<EmbeddedDatabase> startingDatabase = startIf(database,
                    () -> EmbeddedDatabase.start(dataDirectory, properties.postgres().port()));
            CompletableFuture<EmbeddedKafka> startingKafka = startIf(kafka,
                    () -> EmbeddedKafka.start(dataDirectory, properties.kafka().port()));
            List<RuntimeException> failures = new ArrayList<>();
            EmbeddedDatabase embeddedDatabase = await(startingDatabase, DATABASE_BEAN, failures);
            EmbeddedKafka embeddedKafka = await(startingKafka, KAFKA_BEAN, failures);
            if (!failures.isEmpty()) {
                failures.subList(1, failures.size()).forEach(failures.get(0)::addSuppressed);
                throw failures.get(0);
            }
            if (embeddedDatabase != null) {
                values.put("spring.datasource.url", embeddedDatabase.jdbcUrl());
                values.put("spring.datasource.username", embeddedDatabase.username());
                values.put("spring.datasource.password", embeddedDatabase.password());
            }
            if (embeddedKafka != null) {
                values.put("spring.kafka.bootstrap-servers", embeddedKafka.bootstrapServers());
            }
            if (embeddedKafka != null && embeddedDatabase != null) {
                // On its embedded broker and database the app is in local mode
                // (org.herald.support.LocalMode); an explicit herald.local wins.
                values.put(LOCAL_PROPERTY, "true");
            }
            if (smtp) {
                int port = (properties.smtp().port() != 0) ? properties.smtp().port()
                        : environment.getProperty("spring.mail.port", Integer.class, 0);
                EmbeddedSmtp embeddedSmtp = EmbeddedSmtp.start(dataDirectory, port, properties.smtp().capacity());
                this.servers.put(SMTP_BEAN, embeddedSmtp);
                values.put("spring.mail.host", embeddedSmtp.host());
                values.put("spring.mail.port", embeddedSmtp.port());
            }
        }
        catch (RuntimeException ex) {
            stopAll();
            throw ex;
        }
        addLowestExplicit(environment.getPropertySources(), new MapPropertySource(PROPERTY_SOURCE, values));
        logger.info("Embedded defaults in use: {}", values.keySet());
    }

    private static <T extends AutoCloseable> CompletableFuture<T> startIf(boolean wanted, Supplier<T> start) {
        if (!wanted) {
            return CompletableFuture.completedFuture(null);
        }
        // A thread of its own: the common pool may have a single worker on a small
        // machine.
        return CompletableFuture.supplyAsync(start, (task) -> new Thread(task, "herald-embedded-start").start());
    }

    /**
     * Waits for a server and records it for stopping, or records why it failed; the
     * others still get awaited.
     */
    private <T extends AutoCloseable> T await(CompletableFuture<T> starting, String name,
            List<RuntimeException> failures) {
        try {
            T server = starting.join();
            if (server != null) {
                this.servers.put(name, server);
            }
            return server;
        }
        catch (CompletionException ex) {
            failures.add((ex.getCause() instanceof RuntimeException runtime) ? runtime : ex);
            return null;
        }
    }

    private synchronized void handOver(ConfigurableListableBeanFactory beanFactory) {
        if (this.servers.isEmpty()) {
            return;
        }
        DefaultSingletonBeanRegistry registry = (DefaultSingletonBeanRegistry) beanFactory;
        this.servers.forEach((name, server) -> {
            beanFactory.registerSingleton(name, server);
            // Registered before any other bean, so destroyed after all of them.
            registry.registerDisposableBean(name, server::close);
        });
        this.ownedByContext = true;
    }

    private synchronized void stopAll() {
        List<AutoCloseable> running = new ArrayList<>(this.servers.values());
        this.servers.clear();
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            }
            catch (Exception ex) {
                logger.warn("Could not stop {}", running.get(i), ex);
            }
        }
    }

    private static void addLowestExplicit(MutablePropertySources sources, MapPropertySource source) {
        if (sources.contains(DefaultPropertiesPropertySource.NAME)) {
            sources.addBefore(DefaultPropertiesPropertySource.NAME, source);
        }
        else {
            sources.addLast(source);
        }
    }

}

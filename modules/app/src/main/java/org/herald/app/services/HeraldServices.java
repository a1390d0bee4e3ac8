package org.herald.app.services;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.notifier.NotifierApplication;
import org.herald.notifier.privacy.MemberErased;
import org.herald.publisher.PublisherApplication;
import org.herald.support.LocalMode;
import org.herald.tagger.TaggerApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.env.Environment;

/**
 * The three services of the app, each in its own application context, as each would run
 * in its own process. They are started with the app's own arguments, their web servers on
 * free loopback ports, and the broker, database and mail server the app resolved (the
 * embedded ones or those given); they are stopped in the reverse order: the intake first,
 * the notifier last.
 */
public class HeraldServices implements AutoCloseable {

    private static final Log logger = LogFactory.getLog(HeraldServices.class);

    /**
     * Standard properties every service gets from the app's environment, unless the
     * arguments name them.
     */
    static final List<String> SHARED_PROPERTIES = List.of("spring.kafka.bootstrap-servers", "spring.datasource.url",
            "spring.datasource.username", "spring.datasource.password", "spring.mail.host", "spring.mail.port");

    private final List<Service> running = new CopyOnWriteArrayList<>();

    private final Consumer<String> erased;

    public HeraldServices() {
        this((address) -> {
        });
    }

    /**
     * Services that tell {@code erased} the address of each member the notifier erases
     * (the dev inbox forgets their mail).
     */
    public HeraldServices(Consumer<String> erased) {
        this.erased = erased;
    }

    /**
     * Starts notifier, tagger and publisher, in that order, so each finds its consumer
     * ready.
     */
    public void start(String[] appArgs, Environment environment) {
        String[] args = serviceArgs(appArgs, environment);
        start("notifier", NotifierApplication.class, args, erasures());
        start("tagger", TaggerApplication.class, args);
        start("publisher", PublisherApplication.class, args);
    }

    private ApplicationListener<ApplicationEvent> erasures() {
        return erasures(this.erased);
    }

    /**
     * A listener for the notifier's context that hands the address of each
     * {@link MemberErased} to {@code erased}.
     */
    static ApplicationListener<ApplicationEvent> erasures(Consumer<String> erased) {
        return (event) -> {
            if (event instanceof PayloadApplicationEvent<?> payload
                    && payload.getPayload() instanceof MemberErased member) {
                erased.accept(member.email());
            }
        };
    }

    private void start(String name, Class<?> application, String[] args, ApplicationListener<?>... listeners) {
        long started = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application).main(application)
            .listeners(listeners)
            .run(args);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.running.add(new Service(name, context, port));
        logger.info("Started the " + name + " on 127.0.0.1:" + port + " in " + (System.nanoTime() - started) / 1_000_000
                + " ms");
    }

    /** The port of each running service's own web server, by name. */
    public Map<String, Integer> ports() {
        Map<String, Integer> ports = new java.util.LinkedHashMap<>();
        this.running.forEach((service) -> ports.put(service.name(), service.port()));
        return ports;
    }

    /**
     * The arguments a service gets: the app's, with its own port, without embedded
     * servers of its own.
     */
    static String[] serviceArgs(String[] appArgs, Environment environment) {
        List<String> args = new ArrayList<>();
        Arrays.stream(appArgs)
            .filter((arg) -> !arg.startsWith("--server.port=") && !arg.startsWith("--server.address="))
            .forEach(args::add);
        args.add("--server.port=0");
        args.add("--server.address=127.0.0.1");
        args.add("--herald.embedded.enabled=false");
        if (Arrays.stream(appArgs).noneMatch((arg) -> arg.startsWith("--" + LocalMode.PROPERTY + "="))) {
            // Local mode as the app resolved it: on its embedded broker and database, or
            // as herald.local says.
            args.add("--" + LocalMode.PROPERTY + "=" + LocalMode.isLocal(environment));
        }
        for (String property : SHARED_PROPERTIES) {
            String value = environment.getProperty(property);
            boolean given = Arrays.stream(appArgs).anyMatch((arg) -> arg.startsWith("--" + property + "="));
            if (value != null && !given) {
                args.add("--" + property + "=" + value);
            }
        }
        return args.toArray(String[]::new);
    }

    @Override
    public void close() {
        List<Service> stopping = new ArrayList<>(this.running);
        java.util.Collections.reverse(stopping);
        for (Service service : stopping) {
            try {
                service.context().close();
            }
            catch (RuntimeException ex) {
                logger.warn("Stopping the " + service.name() + " failed", ex);
            }
            this.running.remove(service);
        }
    }

    private record Service(String name, ConfigurableApplicationContext context, int port) {
    }

}

package org.herald.app.services;

import java.lang.management.ManagementFactory;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Logs one line once the app takes announcements: its address, the services' ports and
 * how long it took. Spring Boot's {@code Started HeraldApplication} comes before the
 * services start (they start on {@code ApplicationStartedEvent}, after it), so it is not
 * the line to wait for; this one is, logged last of the ready listeners (after the demo's
 * {@code Demo:} lines).
 */
final class ReadyLine implements ApplicationListener<ApplicationReadyEvent>, Ordered {

    private static final Log logger = LogFactory.getLog(ReadyLine.class);

    private final HeraldServices services;

    ReadyLine(HeraldServices services) {
        this.services = services;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        logger.info(line(event));
    }

    String line(ApplicationReadyEvent event) {
        String address = event.getApplicationContext().getEnvironment().getProperty("server.address", "127.0.0.1");
        int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        return "Herald is ready at http://" + address + ":" + port + " (services " + this.services.ports() + ", "
                + uptime / 100 / 10.0 + " s after the JVM started)";
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

}

package org.herald.app.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.herald.app.services.HeraldServices;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Port 8080's routes: the announcements API to the publisher, the tagging API and the
 * console's preview page to the tagger, the rest of the API, the members' public pages
 * (unsubscribe, preferences) and the rest of the console (sign-in included) to the
 * notifier. The app's own pages live under {@code /dev}.
 */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    /** Paths the gateway takes; the notifier's public pages are among them. */
    static final String[] MAPPINGS = { "/api/*", "/unsubscribe/*", "/preferences/*", "/email/*", "/v3/*",
            "/swagger-ui/*", "/swagger-ui.html", "/console/*" };

    @Bean
    ServletRegistrationBean<ServiceGateway> serviceGateway(HeraldServices services) {
        ServiceGateway gateway = new ServiceGateway(() -> routes(services.ports()));
        ServletRegistrationBean<ServiceGateway> registration = new ServletRegistrationBean<>(gateway, MAPPINGS);
        registration.setName("serviceGateway");
        registration.setLoadOnStartup(1);
        return registration;
    }

    static List<Route> routes(Map<String, Integer> ports) {
        List<Route> routes = new ArrayList<>();
        // The notifier's gates on an announcement's fan-out, before the publisher's
        // announcements.
        add(routes, "notifier", ports, List.of("/api/v1/announcements/*/approve", "/api/v1/announcements/*/cancel"));
        add(routes, "publisher", ports, List.of("/api/v1/announcements"));
        add(routes, "tagger", ports, List.of("/api/v1/tagging", "/console/preview"));
        add(routes, "notifier", ports, List.of("/api/", "/unsubscribe", "/preferences", "/email", "/v3", "/swagger-ui",
                "/swagger-ui.html", "/console"));
        return routes;
    }

    /**
     * A service not started yet keeps its route, without a port: its paths answer 503,
     * not another's.
     */
    private static void add(List<Route> routes, String service, Map<String, Integer> ports, List<String> prefixes) {
        routes.add(new Route(service, prefixes, ports.get(service)));
    }

}

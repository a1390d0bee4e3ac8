package org.herald.app.gateway;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayConfigurationTests {

    @Test
    void routesEachPathToTheServiceThatOwnsIt() {
        List<Route> routes = GatewayConfiguration.routes(Map.of("publisher", 1, "tagger", 2, "notifier", 3));
        assertThat(owner(routes, "/api/v1/announcements")).isEqualTo("publisher");
        assertThat(owner(routes, "/api/v1/tagging/preview")).isEqualTo("tagger");
        assertThat(owner(routes, "/api/v1/members/42")).isEqualTo("notifier");
        assertThat(owner(routes, "/unsubscribe")).isEqualTo("notifier");
        assertThat(owner(routes, "/api/v1/announcementsx")).isEqualTo("notifier");
        assertThat(owner(routes, "/api/v1/announcements/0b5c/approve")).isEqualTo("notifier");
        assertThat(owner(routes, "/api/v1/announcements/0b5c/cancel")).isEqualTo("notifier");
        assertThat(owner(routes, "/api/v1/announcements//approve")).isEqualTo("publisher");
        assertThat(owner(routes, "/console/preview")).isEqualTo("tagger");
        assertThat(owner(routes, "/console/sign-in")).isEqualTo("notifier");
        assertThat(owner(routes, "/console/announcements/0b5c")).isEqualTo("notifier");
        assertThat(owner(routes, "/console")).isEqualTo("notifier");
    }

    @Test
    void keepsTheRouteOfAServiceStillStartingSoItsPathsGoNowhereElse() {
        List<Route> routes = GatewayConfiguration.routes(Map.of("notifier", 3));
        Route announcements = routes.stream()
            .filter((route) -> route.matches("/api/v1/announcements"))
            .findFirst()
            .orElseThrow();
        assertThat(announcements.service()).isEqualTo("publisher");
        assertThat(announcements.port()).isNull();
    }

    private static String owner(List<Route> routes, String path) {
        return routes.stream().filter((route) -> route.matches(path)).findFirst().orElseThrow().service();
    }

}

package org.herald.support.web;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class BearerKeyFilterTests {

    private final BearerKeyFilter filter = new BearerKeyFilter(List.of(
            BearerKeyFilter.Rule.requireKey("/api/v1/announcements", Set.of("publish-key"),
                    "herald.publisher.api-keys"),
            BearerKeyFilter.Rule.open("/actuator/health/**"),
            BearerKeyFilter.Rule.requireKey("/api/**", Set.of("admin-key"), "herald.admin-api-keys")));

    @Test
    void admitsAKnownKey() throws Exception {
        MockHttpServletResponse response = call("/api/v1/announcements", "Bearer publish-key");
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void refusesAMissingKeyWithAProblemDetail() throws Exception {
        MockHttpServletResponse response = call("/api/v1/members", null);
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.getContentAsString()).contains("\"status\":401").contains("herald.admin-api-keys");
    }

    @Test
    void refusesAKeyOfAnotherRuleAndNeverEchoesIt() throws Exception {
        MockHttpServletResponse response = call("/api/v1/announcements", "Bearer admin-key");
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).doesNotContain("admin-key").doesNotContain("publish-key");
    }

    @Test
    void refusesOtherSchemes() throws Exception {
        assertThat(call("/api/v1/members", "Basic admin-key").getStatus()).isEqualTo(401);
        assertThat(call("/api/v1/members", "Bearer ").getStatus()).isEqualTo(401);
    }

    @Test
    void leavesOpenAndUnmatchedPathsAlone() throws Exception {
        assertThat(call("/actuator/health/liveness", null).getStatus()).isEqualTo(200);
        assertThat(call("/unsubscribe", null).getStatus()).isEqualTo(200);
    }

    @Test
    void seesARequestWithAKeyOnAnOpenPathAsAuthorisedAndOneWithoutAsAnonymous() throws Exception {
        BearerKeyFilter health = new BearerKeyFilter(List
            .of(BearerKeyFilter.Rule.openWithKey("/actuator/health/**", Set.of("admin-key"), "herald.admin-api-keys")));

        assertThat(principal(health, "/actuator/health", "Bearer admin-key")).isEqualTo(BearerKeyFilter.KEY_HOLDER);
        assertThat(principal(health, "/actuator/health", null)).isNull();
        assertThat(principal(health, "/actuator/health", "Bearer wrong-key")).isNull();
    }

    @Test
    void keepsKeysOutOfToString() {
        assertThat(BearerKeyFilter.Rule.requireKey("/api/**", Set.of("admin-key"), "herald.admin-api-keys").toString())
            .doesNotContain("admin-key");
    }

    private static String principal(BearerKeyFilter filter, String path, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(200);
        HttpServletRequest passed = (HttpServletRequest) chain.getRequest();
        return (passed.getUserPrincipal() != null) ? passed.getUserPrincipal().getName() : null;
    }

    private MockHttpServletResponse call(String path, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        this.filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

}

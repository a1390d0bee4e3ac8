package org.herald.support.console;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleFilterTests {

    private final ConsoleSessions sessions = new ConsoleSessions(List.of("the-key"), Duration.ofHours(1),
            Clock.systemUTC());

    private final ConsoleFilter filter = new ConsoleFilter(this.sessions, "/console/announcements");

    private MockHttpServletResponse run(MockHttpServletRequest request, MockFilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        this.filter.doFilter(request, response, chain);
        return response;
    }

    @Test
    void signsInWithTheFormsTokenAndSetsASecureCookieBehindAnHttpsProxy() throws Exception {
        MockHttpServletResponse form = run(new MockHttpServletRequest("GET", "/console/sign-in"),
                new MockFilterChain());
        assertThat(form.getContentAsString()).contains("<label for=\"key\">Admin key</label>");
        String setCookie = form.getHeader("Set-Cookie");
        assertThat(setCookie).startsWith(ConsoleFilter.SIGN_IN_COOKIE + "=")
            .contains("; HttpOnly", "; SameSite=Strict");
        String token = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
        assertThat(form.getContentAsString()).contains("value=\"" + token + "\"");

        MockHttpServletRequest withoutToken = new MockHttpServletRequest("POST", "/console/sign-in");
        withoutToken.setParameter("key", "the-key");
        assertThat(run(withoutToken, new MockFilterChain()).getStatus()).isEqualTo(403);

        MockHttpServletRequest signIn = new MockHttpServletRequest("POST", "/console/sign-in");
        signIn.setCookies(new Cookie(ConsoleFilter.SIGN_IN_COOKIE, token));
        signIn.setParameter("_csrf", token);
        signIn.setParameter("key", "the-key");
        signIn.addHeader("X-Forwarded-Proto", "https");
        MockHttpServletResponse signedIn = run(signIn, new MockFilterChain());
        assertThat(signedIn.getStatus()).isEqualTo(303);
        assertThat(signedIn.getHeader("Location")).isEqualTo("/console/announcements");
        assertThat(signedIn.getHeader("Set-Cookie")).startsWith("herald_console=v1.")
            .contains("; Path=/console", "; HttpOnly", "; SameSite=Strict", "; Secure");
    }

    @Test
    void sendsAVisitorWithoutASessionToSignInAndRefusesTheirPosts() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse page = run(new MockHttpServletRequest("GET", "/console/health"), chain);
        assertThat(page.getStatus()).isEqualTo(303);
        assertThat(page.getHeader("Location")).isEqualTo("/console/sign-in");
        assertThat(run(new MockHttpServletRequest("POST", "/console/sending/pause"), chain).getStatus()).isEqualTo(403);
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void letsAFormPostThroughOnlyWithItsSessionsCsrfToken() throws Exception {
        String session = this.sessions.signIn("the-key").orElseThrow();
        MockHttpServletRequest forged = new MockHttpServletRequest("POST", "/console/sending/pause");
        forged.setCookies(new Cookie(ConsoleFilter.SESSION_COOKIE, session));
        forged.setParameter("_csrf", "forged");
        MockFilterChain refused = new MockFilterChain();
        assertThat(run(forged, refused).getStatus()).isEqualTo(403);
        assertThat(refused.getRequest()).isNull();

        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/console/sending/pause");
        post.setCookies(new Cookie(ConsoleFilter.SESSION_COOKIE, session));
        post.setParameter("_csrf", this.sessions.csrfToken(session));
        MockFilterChain passed = new MockFilterChain();
        run(post, passed);
        assertThat(passed.getRequest()).isNotNull();
        assertThat(passed.getRequest().getAttribute(ConsoleFilter.CSRF_ATTRIBUTE))
            .isEqualTo(this.sessions.csrfToken(session));
    }

    @Test
    void leavesEverythingOutsideTheConsoleAlone() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = run(new MockHttpServletRequest("POST", "/consoles"), chain);
        assertThat(chain.getRequest()).isNotNull();
        assertThat(response.getHeader("Cache-Control")).isNull();
    }

}

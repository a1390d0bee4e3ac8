package org.herald.support.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Checks {@code Authorization: Bearer <key>} against the keys of the first rule whose
 * path pattern matches the request; answers 401 with a problem detail when the key is
 * missing or unknown. Requests no rule matches pass through. Keys are compared in
 * constant time and never logged.
 */
public class BearerKeyFilter extends OncePerRequestFilter {

    /** The name of the principal of a request that presented a valid key. */
    public static final String KEY_HOLDER = "herald-key-holder";

    private static final String BEARER = "Bearer ";

    private final List<Rule> rules;

    public BearerKeyFilter(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        PathContainer path = PathContainer
            .parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        Rule rule = this.rules.stream().filter((candidate) -> candidate.matches(path)).findFirst().orElse(null);
        if (rule == null || rule.keys() == null) {
            chain.doFilter(request, response);
            return;
        }
        if (isAuthorised(request, rule.keys())) {
            chain.doFilter(new KeyHolder(request), response);
            return;
        }
        if (!rule.required()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        String detail = (request.getHeader(HttpHeaders.AUTHORIZATION) == null)
                ? "This endpoint needs an API key: Authorization: Bearer <key> (" + rule.keysProperty() + ")"
                : "The API key is not one of " + rule.keysProperty();
        Problems.write(Problems.of(HttpStatus.UNAUTHORIZED, detail, request), response);
    }

    private static boolean isAuthorised(HttpServletRequest request, Set<String> keys) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] presented = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (String key : keys) {
            match |= !key.isEmpty() && MessageDigest.isEqual(presented, key.getBytes(StandardCharsets.UTF_8));
        }
        return match;
    }

    /**
     * A request that presented a valid key: its principal is {@value #KEY_HOLDER}, in
     * every role, so that Spring Boot's {@code when-authorized} settings (health details)
     * show it what they show an authorised user.
     */
    private static final class KeyHolder extends HttpServletRequestWrapper {

        private static final Principal PRINCIPAL = () -> KEY_HOLDER;

        KeyHolder(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Principal getUserPrincipal() {
            return PRINCIPAL;
        }

        @Override
        public boolean isUserInRole(String role) {
            return true;
        }

    }

    /**
     * Requests matching {@code pattern} need one of {@code keys}; {@code keys} null means
     * open (no key); {@code required} false means open, but a request with one of
     * {@code keys} is seen as authorised.
     *
     * @param pattern a path pattern, e.g. {@code /api/**}
     * @param keys the accepted keys, or null for an open path
     * @param keysProperty the configuration property holding the keys, named in the 401
     * detail
     * @param required whether a request without one of the keys is refused
     */
    public record Rule(PathPattern pattern, @Nullable Set<String> keys, @Nullable String keysProperty,
            boolean required) {

        public static Rule requireKey(String pattern, Set<String> keys, String keysProperty) {
            return new Rule(PathPatternParser.defaultInstance.parse(pattern), Set.copyOf(keys), keysProperty, true);
        }

        public static Rule open(String pattern) {
            return new Rule(PathPatternParser.defaultInstance.parse(pattern), null, null, false);
        }

        /**
         * Open to all; a request with one of {@code keys} is authorised (e.g. health
         * details with {@code show-details: when-authorized}).
         */
        public static Rule openWithKey(String pattern, Set<String> keys, String keysProperty) {
            return new Rule(PathPatternParser.defaultInstance.parse(pattern), Set.copyOf(keys), keysProperty, false);
        }

        boolean matches(PathContainer path) {
            return this.pattern.matches(path);
        }

        @Override
        public String toString() {
            String access = (this.keys == null) ? "open"
                    : (this.required ? this.keysProperty : "open, authorised by " + this.keysProperty);
            return "Rule[" + this.pattern + " -> " + access + "]";
        }

    }

}

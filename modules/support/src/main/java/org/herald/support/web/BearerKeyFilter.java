package org.herald.support.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
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
        if (rule == null || rule.keys() == null || isAuthorised(request, rule.keys())) {
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
     * Requests matching {@code pattern} need one of {@code keys}; {@code keys} null means
     * open (no key).
     *
     * @param pattern a path pattern, e.g. {@code /api/**}
     * @param keys the accepted keys, or null for an open path
     * @param keysProperty the configuration property holding the keys, named in the 401
     * detail
     */
    public record Rule(PathPattern pattern, @Nullable Set<String> keys, @Nullable String keysProperty) {

        public static Rule requireKey(String pattern, Set<String> keys, String keysProperty) {
            return new Rule(PathPatternParser.defaultInstance.parse(pattern), Set.copyOf(keys), keysProperty);
        }

        public static Rule open(String pattern) {
            return new Rule(PathPatternParser.defaultInstance.parse(pattern), null, null);
        }

        boolean matches(PathContainer path) {
            return this.pattern.matches(path);
        }

        @Override
        public String toString() {
            return "Rule[" + this.pattern + " -> " + ((this.keys != null) ? this.keysProperty : "open") + "]";
        }

    }

}

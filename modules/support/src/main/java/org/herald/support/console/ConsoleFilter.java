package org.herald.support.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.support.web.Problems;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Guards the staff console, {@code /console/**}: serves the sign-in form and takes it (an
 * admin key in, a session cookie out), signs out, sends a request without a valid session
 * to the sign-in form (a form post without one is refused), and refuses a form post whose
 * {@code _csrf} field is not the session's token. A request it lets through carries the
 * session's CSRF token as the request attribute {@value #CSRF_ATTRIBUTE}, for the pages'
 * forms.
 * <p>
 * The cookie is HttpOnly, SameSite=Strict, Path=/console, and Secure when the request
 * came over HTTPS (to this server or to a proxy that says so in
 * {@code X-Forwarded-Proto}). The sign-in form has a token of its own (double-submit: a
 * random cookie and the same value in the form). Keys are never logged.
 */
public class ConsoleFilter extends OncePerRequestFilter {

    /** The session cookie's name. */
    public static final String SESSION_COOKIE = "herald_console";

    /** The request attribute holding the session's CSRF token. */
    public static final String CSRF_ATTRIBUTE = "consoleCsrf";

    /** The form field carrying the CSRF token. */
    public static final String CSRF_FIELD = "_csrf";

    static final String SIGN_IN_COOKIE = "herald_console_sign_in";

    private static final String PREFIX = "/console";

    private static final String SIGN_IN = PREFIX + "/sign-in";

    private static final String SIGN_OUT = PREFIX + "/sign-out";

    private static final Log logger = LogFactory.getLog(ConsoleFilter.class);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConsoleSessions sessions;

    private final String home;

    /**
     * @param sessions the session signer
     * @param home where {@code /console} and a successful sign-in lead, e.g.
     * {@code /console/announcements}
     */
    public ConsoleFilter(ConsoleSessions sessions, String home) {
        this.sessions = sessions;
        this.home = home;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !(path.equals(PREFIX) || path.startsWith(PREFIX + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy",
                "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'");
        boolean post = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
        if (path.equals(SIGN_IN)) {
            if (post) {
                signIn(request, response);
            }
            else {
                signInForm(request, response, HttpStatus.OK, null);
            }
            return;
        }
        String session = cookie(request, SESSION_COOKIE);
        if (!this.sessions.isValid(session)) {
            if (post) {
                Problems.write(Problems.of(HttpStatus.FORBIDDEN, "Sign in to the console first", request), response);
            }
            else {
                response.setStatus(HttpStatus.SEE_OTHER.value());
                response.setHeader("Location", SIGN_IN);
            }
            return;
        }
        if (post && !this.sessions.isCsrfToken(session, request.getParameter(CSRF_FIELD))) {
            Problems.write(Problems.of(HttpStatus.FORBIDDEN,
                    "The form's CSRF token is missing or is not this session's: reload the page and try again",
                    request), response);
            return;
        }
        if (path.equals(SIGN_OUT) && post) {
            response.addHeader("Set-Cookie", sessionCookie(request, "", 0));
            redirect(response, SIGN_IN + "?signed-out");
            return;
        }
        if (path.equals(PREFIX) || path.equals(PREFIX + "/")) {
            redirect(response, this.home);
            return;
        }
        request.setAttribute(CSRF_ATTRIBUTE, this.sessions.csrfToken(session));
        chain.doFilter(request, response);
    }

    private void signIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String expected = cookie(request, SIGN_IN_COOKIE);
        String presented = request.getParameter(CSRF_FIELD);
        if (expected == null || presented == null || !MessageDigest
            .isEqual(expected.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII))) {
            Problems.write(Problems.of(HttpStatus.FORBIDDEN,
                    "The sign-in form's CSRF token is missing or wrong: reload the form and try again", request),
                    response);
            return;
        }
        String key = request.getParameter("key");
        String session = (key != null) ? this.sessions.signIn(key).orElse(null) : null;
        if (session == null) {
            logger.warn("Console sign-in refused: not an admin key (from " + request.getRemoteAddr() + ")");
            signInForm(request, response, HttpStatus.UNAUTHORIZED, "That is not an admin key.");
            return;
        }
        response.addHeader("Set-Cookie", sessionCookie(request, session, (int) this.sessions.lifetime().toSeconds()));
        redirect(response, this.home);
    }

    private void signInForm(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            @Nullable String error) throws IOException {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        response.addHeader("Set-Cookie", SIGN_IN_COOKIE + "=" + token + "; Path=" + SIGN_IN
                + "; Max-Age=3600; HttpOnly; SameSite=Strict" + (isSecure(request) ? "; Secure" : ""));
        response.setStatus(status.value());
        response.setContentType("text/html;charset=UTF-8");
        String message = (error != null)
                ? "<p class=\"error\" role=\"alert\" id=\"sign-in-error\">" + HtmlUtils.htmlEscape(error) + "</p>"
                : (request.getParameter("signed-out") != null) ? "<p role=\"status\">You have signed out.</p>" : "";
        response.getWriter()
            .write("""
                    <!DOCTYPE html>
                    <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                    <title>Sign in · Herald console</title>
                    <style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
                    label{display:block;font-weight:600;margin:1rem 0 .25rem}input{font-size:1rem;padding:.4rem;width:100%%;box-sizing:border-box}
                    button{margin-top:1rem;font-size:1rem;padding:.5rem 1rem;background:#1d4f91;color:#fff;border:0;border-radius:4px}
                    .error{color:#a4000f;font-weight:600}</style></head>
                    <body><main><h1>Herald console</h1><h2>Sign in</h2>%s
                    <form method="post" action="/console/sign-in">
                    <input type="hidden" name="_csrf" value="%s">
                    <label for="key">Admin key</label>
                    <input id="key" name="key" type="password" autocomplete="current-password" required>
                    <button type="submit">Sign in</button>
                    </form><p>The admin keys are <code>herald.admin-api-keys</code>.</p></main></body></html>
                    """
                .formatted(message, token));
    }

    private static String sessionCookie(HttpServletRequest request, String value, int maxAge) {
        return SESSION_COOKIE + "=" + value + "; Path=" + PREFIX + "; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + (isSecure(request) ? "; Secure" : "");
    }

    /**
     * Over HTTPS, here or at a proxy in front ({@code X-Forwarded-Proto}; a client that
     * sends it only makes its own cookie stricter).
     */
    private static boolean isSecure(HttpServletRequest request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }

    private static void redirect(HttpServletResponse response, String location) {
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", location);
    }

    private static @Nullable String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

}

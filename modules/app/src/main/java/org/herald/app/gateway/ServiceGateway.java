package org.herald.app.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.support.web.Problems;

import org.springframework.http.HttpStatus;

/**
 * A reverse proxy to the services' own web servers on loopback: method, headers, body and
 * status pass through unchanged but for hop-by-hop headers. The services answer as if
 * called directly, so their keys, problem details and limits hold on port 8080 too.
 */
public class ServiceGateway extends HttpServlet {

    private static final Log logger = LogFactory.getLog(ServiceGateway.class);

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect",
            "http2-settings");

    private final Supplier<List<Route>> routes;

    private final HttpClient client = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();

    /**
     * @param routes the routes, asked on each request (services start after the gateway)
     */
    public ServiceGateway(Supplier<List<Route>> routes) {
        this.routes = routes;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Route route = this.routes.get()
            .stream()
            .filter((candidate) -> candidate.matches(path))
            .findFirst()
            .orElse(null);
        if (route == null) {
            Problems.write(Problems.of(HttpStatus.NOT_FOUND, "No service answers " + path, request), response);
            return;
        }
        if (route.port() == null) {
            response.setHeader("Retry-After", "5");
            Problems.write(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "The " + route.service() + " is still starting",
                    request), response);
            return;
        }
        String query = (request.getQueryString() != null) ? "?" + request.getQueryString() : "";
        HttpRequest.Builder forward = HttpRequest
            .newBuilder(URI.create("http://127.0.0.1:" + route.port() + request.getRequestURI() + query))
            .timeout(Duration.ofSeconds(60))
            .method(request.getMethod(), body(request));
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : Collections.list(request.getHeaders(name))) {
                    forward.header(name, value);
                }
            }
        }
        forward.header("X-Forwarded-Host", String.valueOf(request.getHeader("Host")));
        forward.header("X-Forwarded-Proto", request.getScheme());
        try {
            HttpResponse<InputStream> answer = this.client.send(forward.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            response.setStatus(answer.statusCode());
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach((value) -> response.addHeader(name, value));
                }
            });
            try (InputStream in = answer.body(); OutputStream out = response.getOutputStream()) {
                in.transferTo(out);
            }
        }
        catch (ConnectException ex) {
            Problems.write(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "The " + route.service() + " is not running yet",
                    request), response);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            Problems.write(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Interrupted", request), response);
        }
        catch (IOException ex) {
            logger.warn("Forwarding " + request.getMethod() + " " + path + " to the " + route.service() + " failed: "
                    + ex.getMessage());
            if (!response.isCommitted()) {
                Problems.write(
                        Problems.of(HttpStatus.BAD_GATEWAY, "The " + route.service() + " did not answer", request),
                        response);
            }
        }
    }

    private static HttpRequest.BodyPublisher body(HttpServletRequest request) throws IOException {
        long length = request.getContentLengthLong();
        if (length == 0 || (length < 0 && request.getHeader("Transfer-Encoding") == null)) {
            return HttpRequest.BodyPublishers.noBody();
        }
        InputStream in = request.getInputStream();
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> in);
        return (length > 0) ? HttpRequest.BodyPublishers.fromPublisher(stream, length) : stream;
    }

}

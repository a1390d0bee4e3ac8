package org.herald.bench.system;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts announcements to the publisher and partners to the notifier, as a client would.
 */
final class Publisher {

    /** The MoU of 4 February 2026: the tagger gives it {@code critical-minerals}. */
    static final String MOU = """
            {"source":"bench","externalId":"%s","url":"https://www.gov.uk/government/news/herald-bench/%s",
             "title":"UK and US sign Memorandum of Understanding on critical minerals",
             "summary":"Securing critical mineral supply chains; responsible sourcing and processing; investment in mining, processing and recycling capacity; sharing policy and regulatory practice.",
             "body":"The UK and US signed a Memorandum of Understanding on critical minerals: securing critical mineral supply chains, responsible sourcing and processing, investment in mining, processing and recycling capacity, sharing policy and regulatory practice, and a Mining, Minerals and Metals Investment Ministerial within six months.",
             "publishedAt":"2026-02-04T09:00:00Z","organisation":"Department for Business and Trade","documentType":"press_release"}
            """;

    /**
     * Sanctions on Russian metals: the tagger gives it {@code sanctions}, not critical
     * minerals.
     */
    static final String SANCTIONS = """
            {"source":"bench","externalId":"%s","url":"https://www.gov.uk/government/news/herald-bench/%s",
             "title":"New sanctions ban the import of metals originating in Russia",
             "summary":"The Office of Financial Sanctions Implementation publishes guidance on asset freezes; companies and individuals are designated under the Russia (Sanctions) (EU Exit) Regulations.",
             "publishedAt":"2026-02-05T09:00:00Z","organisation":"Office of Financial Sanctions Implementation","documentType":"press_release"}
            """;

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final Stack stack;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Publisher(Stack stack) {
        this.stack = stack;
    }

    /**
     * Publishes {@code template} under the page {@code name}; answers its id once 202.
     */
    UUID publish(String template, String name) {
        HttpResponse<String> response = post(this.stack.publisher("/api/v1/announcements"), Stack.PUBLISH_KEY,
                template.formatted(name, name));
        if (response.statusCode() != 202) {
            throw new IllegalStateException("The publisher answered " + response.statusCode() + ": " + response.body());
        }
        return id(response.body());
    }

    /**
     * Adds a partner at {@code url} for {@code tag}, its rate limit {@code rateLimit}.
     */
    UUID partner(String name, String url, String tag, int rateLimit) {
        String json = """
                {"name":"%s","url":"%s","contactEmail":"ops@%s.example","tags":["%s"],"rateLimit":%d}
                """.formatted(name, url, name, tag, rateLimit);
        HttpResponse<String> response = post(this.stack.notifier("/api/v1/partners"), Stack.ADMIN_KEY, json);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("The notifier answered " + response.statusCode() + ": " + response.body());
        }
        return id(response.body());
    }

    /**
     * Pauses the notifier's sending (every channel) or resumes it, through its admin API.
     */
    void sending(boolean paused) {
        String path = paused ? "/api/v1/sending/pause" : "/api/v1/sending/resume";
        HttpResponse<String> response = post(this.stack.notifier(path), Stack.ADMIN_KEY, "{}");
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("The notifier answered " + response.statusCode() + ": " + response.body());
        }
    }

    String get(java.net.URI uri) {
        try {
            return this.http
                .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        }
        catch (IOException ex) {
            throw new IllegalStateException("GET " + uri + " failed: " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }

    private HttpResponse<String> post(java.net.URI uri, String key, String json) {
        HttpRequest request = HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
        try {
            return this.http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException("POST " + uri + " failed: " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }

    private static UUID id(String body) {
        Matcher matcher = ID.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("No id in " + body);
        }
        return UUID.fromString(matcher.group(1));
    }

}

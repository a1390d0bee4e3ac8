package org.herald.systemtests;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.herald.events.AnnouncementIds;
import org.herald.systemtests.cluster.HeraldCluster;

/** Posts announcements to the publisher's API, as an upstream system would. */
final class Announcements {

    /**
     * The MoU of 4 February 2026: the tagger gives it {@code critical-minerals} at
     * relevance 2 or more.
     */
    private static final String MATCHING = """
            {"source":"system-tests","externalId":"%s","url":"%s",
             "title":"UK and US sign Memorandum of Understanding on critical minerals",
             "summary":"Securing critical mineral supply chains; responsible sourcing and processing; investment in mining, processing and recycling capacity; sharing policy and regulatory practice.",
             "body":"The UK and US signed a Memorandum of Understanding on critical minerals: securing critical mineral supply chains, responsible sourcing and processing, investment in mining, processing and recycling capacity, sharing policy and regulatory practice, and a Mining, Minerals and Metals Investment Ministerial within six months.",
             "publishedAt":"2026-02-04T09:00:00Z","organisation":"Department for Business and Trade","documentType":"press_release"}
            """;

    /** An announcement no member's subscription matches. */
    private static final String UNMATCHED = """
            {"source":"system-tests","externalId":"%s","url":"%s",
             "title":"Opening hours of the visitor centre over the bank holiday",
             "summary":"The visitor centre opens at ten and closes at four.",
             "publishedAt":"2026-02-04T09:00:00Z","organisation":"Cabinet Office","documentType":"news_story"}
            """;

    private final HeraldCluster cluster;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Announcements(HeraldCluster cluster) {
        this.cluster = cluster;
    }

    static String url(String name) {
        return "https://www.gov.uk/government/news/herald-system-tests/" + name;
    }

    static UUID id(String name) {
        return AnnouncementIds.idFor(url(name));
    }

    /** Posts the MoU under the page {@code name}; answers the status. */
    int postMatching(String name) {
        return post(MATCHING.formatted(name, url(name)));
    }

    /**
     * Posts an announcement nobody subscribed to under the page {@code name}; answers the
     * status.
     */
    int postUnmatched(String name) {
        return post(UNMATCHED.formatted(name, url(name)));
    }

    int post(String json) {
        return post(HttpRequest.BodyPublishers.ofString(json), "application/json").statusCode();
    }

    HttpResponse<String> post(HttpRequest.BodyPublisher body, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(this.cluster.publisherUri("/api/v1/announcements"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + HeraldCluster.PUBLISH_KEY)
            .header("Content-Type", contentType)
            .POST(body)
            .build();
        try {
            return this.http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            return new FailedResponse(request, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new FailedResponse(request, ex);
        }
    }

    /** No answer at all (connection refused or reset): status -1. */
    private record FailedResponse(HttpRequest request, Exception failure) implements HttpResponse<String> {

        @Override
        public int statusCode() {
            return -1;
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true);
        }

        @Override
        public String body() {
            return String.valueOf(this.failure);
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.URI uri() {
            return this.request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }

    }

}

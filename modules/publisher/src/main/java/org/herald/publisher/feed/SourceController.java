package org.herald.publisher.feed;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.herald.support.net.AddressGuard;
import org.herald.support.web.InvalidFieldsException;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/sources} (admin key): add, list, show (with status), change and remove
 * the sources polled for announcements.
 */
@RestController
@RequestMapping("/api/v1/sources")
class SourceController {

    private static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

    private final Sources sources;

    private final AddressGuard guard;

    private final SourceProperties properties;

    private final Clock clock = Clock.systemUTC();

    SourceController(Sources sources, AddressGuard sourceAddressGuard, SourceProperties properties) {
        this.sources = sources;
        this.guard = sourceAddressGuard;
        this.properties = properties;
    }

    @PostMapping
    ResponseEntity<SourceView> create(@Valid @RequestBody SourceRequest request) {
        Checked checked = check(request);
        Source source = this.sources
            .create(request.name(), checked.kind(), checked.url(), checked.interval(), checked.enabled(),
                    this.clock.instant())
            .orElseThrow(() -> nameTaken(request.name()));
        return ResponseEntity.created(URI.create("/api/v1/sources/" + source.id())).body(SourceView.of(source));
    }

    @GetMapping
    SourcePage list() {
        return new SourcePage(this.sources.list().stream().map(SourceView::of).toList());
    }

    @GetMapping("/{id}")
    SourceView get(@PathVariable UUID id) {
        return SourceView.of(this.sources.find(id).orElseThrow(() -> notFound(id)));
    }

    @PutMapping("/{id}")
    SourceView update(@PathVariable UUID id, @Valid @RequestBody SourceRequest request) {
        Checked checked = check(request);
        try {
            return SourceView.of(
                    this.sources
                        .update(id, request.name(), checked.kind(), checked.url(), checked.interval(),
                                checked.enabled(), this.clock.instant())
                        .orElseThrow(() -> notFound(id)));
        }
        catch (DuplicateKeyException ex) {
            throw nameTaken(request.name());
        }
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        if (!this.sources.delete(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    private Checked check(SourceRequest request) {
        SourceKind kind = SourceKind.of(request.kind())
            .orElseThrow(() -> new InvalidFieldsException("kind", "must be one of " + SourceKind.names()));
        SourceUrls.Parsed url = SourceUrls.parse(request.url(), this.guard);
        if (url.uri() == null) {
            throw new InvalidFieldsException("url", String.valueOf(url.refusal()));
        }
        Duration interval;
        try {
            interval = (request.interval() != null && !request.interval().isBlank())
                    ? DurationStyle.detectAndParse(request.interval().strip()) : DEFAULT_INTERVAL;
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidFieldsException("interval", "must be a duration such as 5m or PT5M");
        }
        if (interval.compareTo(this.properties.minInterval()) < 0) {
            throw new InvalidFieldsException("interval",
                    "must be at least " + this.properties.minInterval() + " (herald.publisher.sources.min-interval)");
        }
        return new Checked(kind, url.uri(), interval, !Boolean.FALSE.equals(request.enabled()));
    }

    private static ErrorResponseException notFound(UUID id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No source has id " + id);
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    private static ErrorResponseException nameTaken(String name) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "A source named " + name + " exists already");
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }

    private record Checked(SourceKind kind, URI url, Duration interval, boolean enabled) {
    }

    record SourceView(UUID id, String name, String kind, String url, String interval, boolean enabled,
            Instant createdAt, Source.Status status) {

        static SourceView of(Source source) {
            return new SourceView(source.id(), source.name(), source.kind().value(), source.url().toString(),
                    source.interval().toString(), source.enabled(), source.createdAt(), source.status());
        }

    }

    record SourcePage(List<SourceView> items) {
    }

}

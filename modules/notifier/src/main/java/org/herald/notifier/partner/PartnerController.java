package org.herald.notifier.partner;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.herald.support.web.InvalidFieldsException;
import org.herald.support.web.KeysetCursor;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API for partners: register one (its secret is answered once, never again),
 * read one, list them, enable and disable one.
 */
@RestController
@RequestMapping("/api/v1/partners")
class PartnerController {

    private final Partners partners;

    private final EndpointRules rules;

    private final Clock clock;

    PartnerController(Partners partners, EndpointRules rules) {
        this.partners = partners;
        this.rules = rules;
        this.clock = Clock.systemUTC();
    }

    @PostMapping
    ResponseEntity<Partners.Registered> register(@Valid @RequestBody PartnerRequest request) {
        String url = request.url().strip();
        URI uri = checkEndpoint(url, this.rules);
        Partners.Registered registered = this.partners.register(request.name().strip(), url,
                request.contactEmail().strip(),
                request.tags().stream().map((tag) -> tag.toLowerCase(Locale.ROOT)).distinct().toList(), request.match(),
                request.minRelevance(), request.includeImplied(), request.rateLimit());
        return ResponseEntity.created(URI.create("/api/v1/partners/" + registered.id())).body(registered);
    }

    /**
     * Partners, oldest first, {@code limit} at a time; {@code next} is the next page's
     * link (also in a {@code Link} header), null on the last.
     */
    @GetMapping
    ResponseEntity<PartnerPage> list(
            @RequestParam(
                    defaultValue = "" + KeysetCursor.DEFAULT_LIMIT) @Min(1) @Max(KeysetCursor.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Nullable String after) {
        List<Partner> found = this.partners.page(KeysetCursor.decode(after), limit + 1);
        String next = null;
        if (found.size() > limit) {
            found = found.subList(0, limit);
            Partner last = found.get(limit - 1);
            next = "/api/v1/partners?limit=" + limit + "&after="
                    + new KeysetCursor(last.createdAt(), last.id()).encode();
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (next != null) {
            answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return answer.body(new PartnerPage(found.stream().map(PartnerView::of).toList(), limit, next));
    }

    @GetMapping("/{id}")
    PartnerView get(@PathVariable UUID id) {
        return PartnerView.of(this.partners.find(id).orElseThrow(() -> notFound(id)));
    }

    @PostMapping("/{id}/enable")
    PartnerView enable(@PathVariable UUID id) {
        if (!this.partners.enable(id)) {
            throw notFound(id);
        }
        return get(id);
    }

    @PostMapping("/{id}/disable")
    PartnerView disable(@PathVariable UUID id) {
        if (!this.partners.disable(id, "Disabled by an operator at " + this.clock.instant())) {
            throw notFound(id);
        }
        return get(id);
    }

    static ErrorResponseException notFound(UUID id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No partner has id " + id);
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    /**
     * Checks an endpoint's form, then asks {@code rules} whether it may be called
     * (numeric hosts such as {@code 0x7f.1}, which {@link URI} reads as no host at all,
     * are judged by the rules).
     */
    static URI checkEndpoint(String url, EndpointRules rules) {
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException ex) {
            throw new InvalidFieldsException("url", "must be an absolute http or https URL");
        }
        String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawAuthority() == null) {
            throw new InvalidFieldsException("url", "must be an absolute http or https URL");
        }
        rules.refusal(uri).ifPresent((why) -> {
            throw new InvalidFieldsException("url", "is refused: " + why);
        });
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidFieldsException("url", "must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidFieldsException("url", "must not contain a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidFieldsException("url", "must not contain a fragment");
        }
        return uri;
    }

    record PartnerView(UUID id, String name, String url, String contactEmail, List<String> tags, String match,
            int minRelevance, boolean includeImplied, Integer rateLimit, boolean enabled, String disabledReason,
            Instant failingSince, Instant lastSuccessAt, Instant createdAt) {

        static PartnerView of(Partner partner) {
            return new PartnerView(partner.id(), partner.name(), partner.url(), partner.contactEmail(), partner.tags(),
                    partner.match(), partner.minRelevance(), partner.includeImplied(), partner.rateLimit(),
                    partner.enabled(), partner.disabledReason(), partner.failingSince(), partner.lastSuccessAt(),
                    partner.createdAt());
        }

    }

    /**
     * A page of partners.
     *
     * @param items the partners on this page, oldest first
     * @param limit the most partners on a page
     * @param next the link to the next page; null on the last
     */
    record PartnerPage(List<PartnerView> items, int limit, @Nullable String next) {
    }

}

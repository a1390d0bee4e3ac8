package org.herald.notifier.partner;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;

import org.herald.support.web.InvalidFieldsException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API for partners: register one (its secret is answered once, never again), read one.
 */
@RestController
@RequestMapping("/api/v1/partners")
class PartnerController {

    private final Partners partners;

    PartnerController(Partners partners) {
        this.partners = partners;
    }

    @PostMapping
    ResponseEntity<Partners.Registered> register(@Valid @RequestBody PartnerRequest request) {
        String url = request.url().strip();
        checkEndpoint(url);
        Partners.Registered registered = this.partners.register(request.name().strip(), url,
                request.contactEmail().strip(),
                request.tags().stream().map((tag) -> tag.toLowerCase(Locale.ROOT)).distinct().toList(),
                request.match(), request.minRelevance());
        return ResponseEntity.created(URI.create("/api/v1/partners/" + registered.id())).body(registered);
    }

    @GetMapping("/{id}")
    PartnerView get(@PathVariable UUID id) {
        Partner partner = this.partners.find(id).orElseThrow(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No partner has id " + id);
            return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        });
        return PartnerView.of(partner);
    }

    static void checkEndpoint(String url) {
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException ex) {
            throw new InvalidFieldsException("url", "must be an absolute http or https URL");
        }
        String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidFieldsException("url", "must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidFieldsException("url", "must not contain a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidFieldsException("url", "must not contain a fragment");
        }
    }

    record PartnerView(UUID id, String name, String url, String contactEmail, List<String> tags, String match,
            int minRelevance, boolean enabled, String disabledReason, Instant createdAt) {

        static PartnerView of(Partner partner) {
            return new PartnerView(partner.id(), partner.name(), partner.url(), partner.contactEmail(), partner.tags(),
                    partner.match(), partner.minRelevance(), partner.enabled(), partner.disabledReason(),
                    partner.createdAt());
        }

    }

}

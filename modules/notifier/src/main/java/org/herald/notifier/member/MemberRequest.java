package org.herald.notifier.member;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/members} and {@code PUT /api/v1/members/{id}}.
 */
record MemberRequest(
        @NotBlank @Size(max = 254) @Email(regexp = MemberRequest.EMAIL,
                message = "must be an email address") String email,
        @Size(max = 200) String name, @Size(max = 200) String organisation,
        @Size(max = 10_000) List<@NotNull @Valid SubscriptionRequest> subscriptions, @Valid ConsentRequest consent) {

    static final String EMAIL = "[^\\s@]+@[^\\s@]+\\.[^\\s@]+";

    MemberRequest {
        subscriptions = (subscriptions != null) ? subscriptions : List.of();
    }

    List<Subscription> toSubscriptions() {
        return this.subscriptions.stream()
            .map((subscription) -> subscription.toSubscription(UUID.randomUUID()))
            .toList();
    }

    /**
     * The consent to record; without one, the admin API's, given now, wording unnamed.
     */
    Consent toConsent() {
        return (this.consent != null) ? this.consent.toConsent() : ConsentRequest.ADMIN_API.toConsent();
    }

    static String blankToNull(String value) {
        return (value == null || value.isBlank()) ? null : value.strip();
    }

    /**
     * One subscription; {@code match} defaults to {@code any}, {@code minRelevance} to 0,
     * {@code frequency} to {@code immediate} and {@code includeImplied} to true.
     */
    record SubscriptionRequest(
            @NotEmpty @Size(max = 50) List<@NotNull @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]*",
                    message = "must be a tag: letters, digits and hyphens") String> tags,
            @Pattern(regexp = "any|all", message = "must be any or all") String match,
            @Min(0) @Max(3) Integer minRelevance, @Pattern(regexp = "immediate|daily|weekly",
                    message = "must be immediate, daily or weekly") String frequency,
            Boolean includeImplied) {

        SubscriptionRequest {
            match = (match != null) ? match : "any";
            minRelevance = (minRelevance != null) ? minRelevance : 0;
            frequency = (frequency != null) ? frequency : Frequency.IMMEDIATE.value();
            includeImplied = (includeImplied != null) ? includeImplied : Boolean.TRUE;
        }

        Subscription toSubscription(UUID id) {
            return new Subscription(id,
                    this.tags.stream().map((tag) -> tag.toLowerCase(Locale.ROOT)).distinct().toList(), this.match,
                    this.minRelevance, Frequency.of(this.frequency), this.includeImplied);
        }

    }

    /**
     * The body of {@code PATCH /api/v1/members/{id}}: only the fields given change;
     * {@code subscriptions}, when given, replaces them all.
     */
    record Patch(@Size(min = 1, max = 254) @Email(regexp = EMAIL, message = "must be an email address") String email,
            @Size(max = 200) String name, @Size(max = 200) String organisation,
            @Size(max = 10_000) List<@NotNull @Valid SubscriptionRequest> subscriptions,
            @Valid ConsentRequest consent) {
    }

    /**
     * The member's consent: {@code method} {@code admin-api} (the default),
     * {@code import} or {@code form}; {@code wordingVersion} the version of the wording
     * they agreed to; {@code givenAt} when (default: now; never in the future).
     */
    record ConsentRequest(
            @Pattern(regexp = Consent.METHODS, message = "must be admin-api, import or form") String method,
            @Size(max = 100) String wordingVersion, @PastOrPresent Instant givenAt) {

        static final ConsentRequest ADMIN_API = new ConsentRequest(null, null, null);

        Consent toConsent() {
            return new Consent((this.givenAt != null) ? this.givenAt : Instant.now(),
                    (this.method != null) ? this.method : "admin-api", blankToNull(this.wordingVersion));
        }

    }

}

package org.herald.notifier.member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * What the admin API answers about members and subscriptions, and its problems.
 */
final class MemberViews {

    private MemberViews() {
    }

    static ErrorResponseException notFound(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    static ErrorResponseException emailInUrl() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Members are not looked up by an address in the URL, where it would stay in access logs: "
                        + "POST /api/v1/members/search with {\"email\": \"...\"}");
        problem.setTitle("Email address in the URL");
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    static ErrorResponseException duplicateEmail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "A member with this email address exists already");
        problem.setTitle("Duplicate member");
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }

    record Created(UUID id) {
    }

    /**
     * A member.
     *
     * @param status {@code active}, or {@code suppressed} after a permanent SMTP failure
     * (no email goes to the address until an admin clears it: {@code DELETE
     * /api/v1/members/{id}/suppression})
     * @param consent when, how and to which wording the member agreed to be emailed
     */
    record MemberView(UUID id, String email, String name, String organisation, List<SubscriptionView> subscriptions,
            Instant createdAt, String status, Instant suppressedAt, String suppressedReason, ConsentView consent) {

        static MemberView of(Member member) {
            return new MemberView(member.id(), member.email(), member.name(), member.organisation(),
                    member.subscriptions().stream().map(SubscriptionView::of).toList(), member.createdAt(),
                    member.suppressed() ? "suppressed" : "active", member.suppressedAt(), member.suppressedReason(),
                    (member.consent() != null) ? ConsentView.of(member.consent()) : null);
        }

    }

    /**
     * A member's consent.
     *
     * @param givenAt when it was given
     * @param method {@code admin-api}, {@code import} or {@code form}
     * @param wordingVersion the version of the wording they agreed to, if one was named
     */
    record ConsentView(Instant givenAt, String method, String wordingVersion) {

        static ConsentView of(Consent consent) {
            return new ConsentView(consent.givenAt(), consent.method(), consent.wordingVersion());
        }

    }

    /**
     * A subscription.
     *
     * @param includeImplied whether tags the announcement has only by implication count
     */
    record SubscriptionView(UUID id, List<String> tags, String match, int minRelevance, String frequency,
            boolean includeImplied) {

        static SubscriptionView of(Subscription subscription) {
            return new SubscriptionView(subscription.id(), subscription.tags(), subscription.match(),
                    subscription.minRelevance(), subscription.frequency().value(), subscription.includeImplied());
        }

    }

    /**
     * A page of members.
     *
     * @param items the members on this page, oldest first
     * @param limit the most members on a page
     * @param next the link to the next page; null on the last
     */
    record PageView(List<MemberView> items, int limit, @Nullable String next) {
    }

}

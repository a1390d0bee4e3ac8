package org.herald.notifier.member;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.dao.DuplicateKeyException;
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
 * The admin API for members: add one with their subscriptions, read one.
 */
@RestController
@RequestMapping("/api/v1/members")
class MemberController {

    private final Members members;

    MemberController(Members members) {
        this.members = members;
    }

    @PostMapping
    ResponseEntity<Created> create(@Valid @RequestBody MemberRequest request) {
        List<Subscription> subscriptions = request.subscriptions()
            .stream()
            .map((subscription) -> new Subscription(UUID.randomUUID(),
                    subscription.tags().stream().map((tag) -> tag.toLowerCase(Locale.ROOT)).distinct().toList(),
                    subscription.match(), subscription.minRelevance(), Frequency.of(subscription.frequency())))
            .toList();
        UUID id;
        try {
            id = this.members.create(request.email().strip(), blankToNull(request.name()),
                    blankToNull(request.organisation()), subscriptions);
        }
        catch (DuplicateKeyException ex) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "A member with this email address exists already");
            problem.setTitle("Duplicate member");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
        return ResponseEntity.created(URI.create("/api/v1/members/" + id)).body(new Created(id));
    }

    @GetMapping("/{id}")
    MemberView get(@PathVariable UUID id) {
        Member member = this.members.find(id).orElseThrow(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No member has id " + id);
            return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        });
        return MemberView.of(member);
    }

    private static String blankToNull(String value) {
        return (value == null || value.isBlank()) ? null : value.strip();
    }

    record Created(UUID id) {
    }

    record MemberView(UUID id, String email, String name, String organisation, List<SubscriptionView> subscriptions,
            Instant createdAt) {

        static MemberView of(Member member) {
            return new MemberView(member.id(), member.email(), member.name(), member.organisation(),
                    member.subscriptions().stream().map(SubscriptionView::of).toList(), member.createdAt());
        }

    }

    record SubscriptionView(UUID id, List<String> tags, String match, int minRelevance, String frequency) {

        static SubscriptionView of(Subscription subscription) {
            return new SubscriptionView(subscription.id(), subscription.tags(), subscription.match(),
                    subscription.minRelevance(), subscription.frequency().value());
        }

    }

}

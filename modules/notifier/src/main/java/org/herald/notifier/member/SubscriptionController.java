package org.herald.notifier.member;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.herald.notifier.member.MemberRequest.SubscriptionRequest;
import org.herald.notifier.member.MemberViews.SubscriptionView;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API for one member's subscriptions, a sub-resource of the member.
 */
@RestController
@RequestMapping("/api/v1/members/{memberId}/subscriptions")
class SubscriptionController {

    private final Members members;

    SubscriptionController(Members members) {
        this.members = members;
    }

    @GetMapping
    List<SubscriptionView> list(@PathVariable UUID memberId) {
        return member(memberId).subscriptions().stream().map(SubscriptionView::of).toList();
    }

    @PostMapping
    ResponseEntity<SubscriptionView> add(@PathVariable UUID memberId, @Valid @RequestBody SubscriptionRequest request) {
        member(memberId);
        Subscription subscription = request.toSubscription(UUID.randomUUID());
        this.members.addSubscription(memberId, subscription);
        return ResponseEntity.created(URI.create("/api/v1/members/" + memberId + "/subscriptions/" + subscription.id()))
            .body(SubscriptionView.of(subscription));
    }

    @GetMapping("/{id}")
    SubscriptionView get(@PathVariable UUID memberId, @PathVariable UUID id) {
        return member(memberId).subscriptions()
            .stream()
            .filter((subscription) -> subscription.id().equals(id))
            .findFirst()
            .map(SubscriptionView::of)
            .orElseThrow(() -> notFound(memberId, id));
    }

    @PutMapping("/{id}")
    SubscriptionView replace(@PathVariable UUID memberId, @PathVariable UUID id,
            @Valid @RequestBody SubscriptionRequest request) {
        member(memberId);
        Subscription subscription = request.toSubscription(id);
        if (!this.members.updateSubscription(memberId, subscription)) {
            throw notFound(memberId, id);
        }
        return SubscriptionView.of(subscription);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID memberId, @PathVariable UUID id) {
        member(memberId);
        if (!this.members.deleteSubscription(memberId, id)) {
            throw notFound(memberId, id);
        }
        return ResponseEntity.noContent().build();
    }

    private Member member(UUID memberId) {
        return this.members.find(memberId).orElseThrow(() -> MemberViews.notFound("No member has id " + memberId));
    }

    private static RuntimeException notFound(UUID memberId, UUID id) {
        return MemberViews.notFound("Member " + memberId + " has no subscription " + id);
    }

}

package org.herald.notifier.member;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.herald.notifier.member.MemberViews.Created;
import org.herald.notifier.member.MemberViews.MemberView;
import org.herald.notifier.member.MemberViews.PageView;
import org.herald.support.web.KeysetCursor;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API for members: add, list, read, change, remove; clear a suppressed address.
 */
@RestController
@RequestMapping("/api/v1/members")
class MemberController {

    private final Members members;

    private final MemberLists lists;

    private final Suppressions suppressions;

    MemberController(Members members, MemberLists lists, Suppressions suppressions) {
        this.members = members;
        this.lists = lists;
        this.suppressions = suppressions;
    }

    @PostMapping
    ResponseEntity<Created> create(@Valid @RequestBody MemberRequest request) {
        UUID id;
        try {
            id = this.members.create(request.email().strip(), MemberRequest.blankToNull(request.name()),
                    MemberRequest.blankToNull(request.organisation()), request.toSubscriptions(), request.toConsent());
        }
        catch (DuplicateKeyException ex) {
            throw MemberViews.duplicateEmail();
        }
        return ResponseEntity.created(URI.create("/api/v1/members/" + id)).body(new Created(id));
    }

    /**
     * Members, oldest first, {@code limit} at a time; {@code next} is the next page's
     * link (also in a {@code Link} header), null on the last. {@code ?email=} is refused:
     * an address does not belong in a URL (it stays in access logs and histories), so
     * members are found by address with {@code POST /api/v1/members/search}.
     */
    @GetMapping
    ResponseEntity<PageView> list(
            @RequestParam(
                    defaultValue = "" + KeysetCursor.DEFAULT_LIMIT) @Min(1) @Max(KeysetCursor.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(required = false) @Nullable String email) {
        if (email != null) {
            throw MemberViews.emailInUrl();
        }
        MemberLists.Page found = this.lists.page(KeysetCursor.decode(after), limit);
        String next = (found.next() != null) ? "/api/v1/members?limit=" + limit + "&after=" + found.next().encode()
                : null;
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (next != null) {
            answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return answer.body(new PageView(found.members().stream().map(MemberView::of).toList(), limit, next));
    }

    /**
     * The member with an address (compared without regard to case), found without the
     * address in the URL: {@code {"items": [the member]}}, or no items.
     */
    @PostMapping("/search")
    PageView search(@Valid @RequestBody Search search) {
        List<MemberView> found = this.lists.findByEmail(search.email()).map(MemberView::of).stream().toList();
        return new PageView(found, 1, null);
    }

    /**
     * A search for a member.
     *
     * @param email the address
     */
    record Search(@NotBlank @Size(max = 254) String email) {
    }

    @GetMapping("/{id}")
    MemberView get(@PathVariable UUID id) {
        return MemberView.of(find(id));
    }

    @PutMapping("/{id}")
    MemberView replace(@PathVariable UUID id, @Valid @RequestBody MemberRequest request) {
        return update(id, request.email().strip(), MemberRequest.blankToNull(request.name()),
                MemberRequest.blankToNull(request.organisation()), request,
                (request.consent() != null) ? request.consent().toConsent() : null);
    }

    @PatchMapping(path = "/{id}", consumes = { "application/json", "application/merge-patch+json" })
    MemberView patch(@PathVariable UUID id, @Valid @RequestBody MemberRequest.Patch patch) {
        Member current = find(id);
        String email = (patch.email() != null) ? patch.email().strip() : current.email();
        String name = (patch.name() != null) ? MemberRequest.blankToNull(patch.name()) : current.name();
        String organisation = (patch.organisation() != null) ? MemberRequest.blankToNull(patch.organisation())
                : current.organisation();
        MemberRequest subscriptions = (patch.subscriptions() != null)
                ? new MemberRequest(email, name, organisation, patch.subscriptions(), null) : null;
        return update(id, email, name, organisation, subscriptions,
                (patch.consent() != null) ? patch.consent().toConsent() : null);
    }

    private MemberView update(UUID id, String email, String name, String organisation,
            @Nullable MemberRequest subscriptions, @Nullable Consent consent) {
        boolean updated;
        try {
            updated = this.members.update(id, email, name, organisation,
                    (subscriptions != null) ? subscriptions.toSubscriptions() : null, consent);
        }
        catch (DuplicateKeyException ex) {
            throw MemberViews.duplicateEmail();
        }
        if (!updated) {
            throw MemberViews.notFound("No member has id " + id);
        }
        return MemberView.of(find(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        if (!this.members.delete(id)) {
            throw MemberViews.notFound("No member has id " + id);
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * Lets email reach a member's address again after a permanent failure suppressed it.
     */
    @DeleteMapping("/{id}/suppression")
    ResponseEntity<Void> clearSuppression(@PathVariable UUID id) {
        if (!this.suppressions.clear(id)) {
            throw MemberViews.notFound("No member has id " + id);
        }
        return ResponseEntity.noContent().build();
    }

    private Member find(UUID id) {
        return this.members.find(id).orElseThrow(() -> MemberViews.notFound("No member has id " + id));
    }

}

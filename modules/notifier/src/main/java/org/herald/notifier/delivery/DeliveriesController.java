package org.herald.notifier.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the ledger holds for an announcement: one entry per email and webhook, with its
 * state.
 */
@RestController
class DeliveriesController {

    static final int DEFAULT_LIMIT = 100;

    static final int MAX_LIMIT = 1000;

    private final LedgerQueries queries;

    private final Resends resends;

    DeliveriesController(LedgerQueries queries, Resends resends) {
        this.queries = queries;
        this.resends = resends;
    }

    /**
     * The deliveries of an announcement, {@code limit} at a time (by channel, then
     * recipient): a JSON array, and while more follow a {@code Link} header to the next
     * page ({@code rel="next"}, {@code after=} the last delivery's id).
     */
    @GetMapping("/api/v1/deliveries")
    ResponseEntity<List<DeliveryView>> forAnnouncement(@RequestParam UUID announcementId,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit,
            @RequestParam(required = false) @Nullable UUID after,
            @RequestParam(required = false) @Nullable String kind) {
        @Nullable EventKind wanted = (kind != null) ? kind(kind) : null;
        List<Delivery> found = this.queries.forAnnouncement(announcementId, wanted, after, limit + 1);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (found.size() > limit) {
            found = found.subList(0, limit);
            answer.header(HttpHeaders.LINK,
                    "</api/v1/deliveries?announcementId=" + announcementId + ((kind != null) ? "&kind=" + kind : "")
                            + "&limit=" + limit + "&after=" + found.get(limit - 1).id() + ">; rel=\"next\"");
        }
        return answer.body(found.stream().map(DeliveryView::of).toList());
    }

    private static EventKind kind(String kind) {
        try {
            return EventKind.of(kind);
        }
        catch (IllegalArgumentException ex) {
            HttpStatus status = HttpStatus.BAD_REQUEST;
            throw new ErrorResponseException(status,
                    ProblemDetail.forStatusAndDetail(status, "kind must be published, updated or commented"), null);
        }
    }

    /**
     * Sends one delivery again (failed, sent, or waiting for a retry): due now, with a
     * fresh schedule, through the ledger as any other. Refused with a {@code 409} problem
     * and the reason while it is being sent, while its fan-out is held or after it was
     * cancelled, and for a member who was erased, whose address is suppressed or who
     * unsubscribed from what it is about ({@link Resends}).
     */
    @PostMapping("/api/v1/deliveries/{id}/retry")
    ResponseEntity<DeliveryView> retry(@PathVariable UUID id) {
        Resends.Result result = this.resends.resend(id);
        if (result instanceof Resends.Result.Requeued requeued) {
            return ResponseEntity.accepted().body(DeliveryView.of(requeued.delivery()));
        }
        if (result instanceof Resends.Result.Refused refused) {
            throw problem(HttpStatus.CONFLICT, "Delivery " + id + " is not sent again: " + refused.reason(),
                    "Resend refused");
        }
        throw problem(HttpStatus.NOT_FOUND, "No delivery has id " + id, null);
    }

    private static ErrorResponseException problem(HttpStatus status, String detail, @Nullable String title) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (title != null) {
            problem.setTitle(title);
        }
        return new ErrorResponseException(status, problem, null);
    }

    record DeliveryView(UUID id, UUID announcementId, String kind, int revision, String channel, String recipient,
            String status, int attempts, String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {

        static DeliveryView of(Delivery delivery) {
            return new DeliveryView(delivery.id(), delivery.announcementId(), delivery.eventKind().value(),
                    delivery.eventRevision(), delivery.channel().value(), delivery.recipient(),
                    delivery.status().value(), delivery.attempts(), delivery.lastError(), delivery.createdAt(),
                    delivery.nextAttemptAt(), delivery.sentAt());
        }

    }

}

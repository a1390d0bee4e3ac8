package org.herald.notifier.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
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

    private final DeliveryLedger ledger;

    private final ObjectProvider<Dispatcher> dispatcher;

    DeliveriesController(DeliveryLedger ledger, ObjectProvider<Dispatcher> dispatcher) {
        this.ledger = ledger;
        this.dispatcher = dispatcher;
    }

    /**
     * The deliveries of an announcement; with {@code kind}, only those of that event kind
     * ({@code published}, {@code updated}, {@code commented}).
     */
    @GetMapping("/api/v1/deliveries")
    List<DeliveryView> forAnnouncement(@RequestParam UUID announcementId,
            @RequestParam(required = false) @Nullable String kind) {
        @Nullable EventKind wanted = (kind != null) ? kind(kind) : null;
        return this.ledger.forAnnouncement(announcementId)
            .stream()
            .filter((delivery) -> wanted == null || delivery.eventKind() == wanted)
            .map(DeliveryView::of)
            .toList();
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
     * Sends one delivery again, whatever became of it: due now, with a fresh retry
     * schedule.
     */
    @PostMapping("/api/v1/deliveries/{id}/retry")
    ResponseEntity<DeliveryView> retry(@PathVariable UUID id) {
        Optional<Delivery> requeued = this.ledger.resend(id);
        if (requeued.isPresent()) {
            this.dispatcher.ifAvailable(Dispatcher::wake);
            return ResponseEntity.accepted().body(DeliveryView.of(requeued.get()));
        }
        HttpStatus status = this.ledger.find(id).isPresent() ? HttpStatus.CONFLICT : HttpStatus.NOT_FOUND;
        String detail = (status == HttpStatus.CONFLICT) ? "Delivery " + id + " is being sent right now"
                : "No delivery has id " + id;
        throw new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
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

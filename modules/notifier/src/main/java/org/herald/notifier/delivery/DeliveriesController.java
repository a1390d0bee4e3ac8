package org.herald.notifier.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the ledger holds for an announcement: one entry per email and webhook, with its state.
 */
@RestController
class DeliveriesController {

    private final DeliveryLedger ledger;

    DeliveriesController(DeliveryLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/api/v1/deliveries")
    List<DeliveryView> forAnnouncement(@RequestParam UUID announcementId) {
        return this.ledger.forAnnouncement(announcementId).stream().map(DeliveryView::of).toList();
    }

    record DeliveryView(UUID id, UUID announcementId, String channel, String recipient, String status, int attempts,
            String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {

        static DeliveryView of(Delivery delivery) {
            return new DeliveryView(delivery.id(), delivery.announcementId(), delivery.channel().value(),
                    delivery.recipient(), delivery.status().value(), delivery.attempts(), delivery.lastError(),
                    delivery.createdAt(), delivery.nextAttemptAt(), delivery.sentAt());
        }

    }

}

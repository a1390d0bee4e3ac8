package org.herald.notifier.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.herald.notifier.delivery.Channel;
import org.herald.notifier.delivery.DeliveryLedger;
import org.herald.notifier.delivery.Dispatcher;
import org.herald.notifier.partner.Partner;
import org.herald.notifier.partner.Partners;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API for partners' endpoints: rotate the signing secret, read the attempts
 * log, recover the messages that failed since a time.
 */
@RestController
@RequestMapping("/api/v1/partners/{id}")
class WebhookOperationsController {

    private final Partners partners;

    private final WebhookAttempts attempts;

    private final DeliveryLedger ledger;

    private final WebhookProperties properties;

    private final ObjectProvider<Dispatcher> dispatcher;

    WebhookOperationsController(Partners partners, WebhookAttempts attempts, DeliveryLedger ledger,
            WebhookProperties properties, ObjectProvider<Dispatcher> dispatcher) {
        this.dispatcher = dispatcher;
        this.partners = partners;
        this.attempts = attempts;
        this.ledger = ledger;
        this.properties = properties;
    }

    @PostMapping("/secret/rotate")
    Rotated rotate(@PathVariable UUID id) {
        String secret = this.partners.rotateSecret(id, this.properties.secretOverlap()).orElseThrow(() -> notFound(id));
        return new Rotated(id, secret, Instant.now().plus(this.properties.secretOverlap()));
    }

    @GetMapping("/attempts")
    List<WebhookAttempts.Attempt> attempts(@PathVariable UUID id,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        partner(id);
        return this.attempts.forPartner(id, limit);
    }

    @PostMapping("/recover")
    Recovered recover(@PathVariable UUID id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since) {
        Partner partner = partner(id);
        if (!partner.enabled()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "Partner " + id + " is disabled; enable it (POST /api/v1/partners/" + id
                            + "/enable) before recovering its messages");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
        int requeued = this.ledger.resendFailed(Channel.WEBHOOK, id, since);
        if (requeued > 0) {
            this.dispatcher.ifAvailable(Dispatcher::wake);
        }
        return new Recovered(id, since, requeued);
    }

    private Partner partner(UUID id) {
        return this.partners.find(id).orElseThrow(() -> notFound(id));
    }

    private static ErrorResponseException notFound(UUID id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No partner has id " + id);
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    /**
     * A new secret, shown once.
     *
     * @param id the partner
     * @param secret the new secret
     * @param previousValidUntil until when requests are also signed with the previous one
     */
    record Rotated(UUID id, String secret, Instant previousValidUntil) {

        @Override
        public String toString() {
            return "Rotated[id=" + this.id + ", secret=hidden, previousValidUntil=" + this.previousValidUntil + "]";
        }

    }

    /**
     * @param id the partner
     * @param since the messages recorded since this time
     * @param requeued how many failed messages are sent again
     */
    record Recovered(UUID id, Instant since, int requeued) {
    }

}

package org.herald.notifier.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.notifier.delivery.DeliveryOutcome;
import org.herald.notifier.partner.Partner;
import org.herald.notifier.partner.PartnerEndpoint;
import org.herald.notifier.partner.Partners;

/**
 * Counts each attempt for or against its endpoint's health: a success resets it; a 410
 * Gone disables the endpoint at once; failing without a success for {@code disable-after}
 * disables it. When an endpoint is disabled its contact is told
 * ({@link EndpointNotices}).
 */
final class EndpointHealth {

    private static final Log logger = LogFactory.getLog(EndpointHealth.class);

    private final Partners partners;

    private final EndpointNotices notices;

    private final Duration disableAfter;

    private final Clock clock;

    EndpointHealth(Partners partners, EndpointNotices notices, Duration disableAfter, Clock clock) {
        this.partners = partners;
        this.notices = notices;
        this.disableAfter = disableAfter;
        this.clock = clock;
    }

    /**
     * Counts a failed attempt against its endpoint (a success is written with the
     * attempt's log, {@link WebhookAttempts}).
     */
    void record(PartnerEndpoint endpoint, GuardedHttpClient.Exchange exchange) {
        if (exchange.outcome() instanceof DeliveryOutcome.Sent) {
            return;
        }
        Optional<Partner> disabled;
        String reason;
        if (exchange.gone()) {
            reason = "The endpoint answered 410 Gone at " + this.clock.instant();
            this.partners.recordFailure(endpoint.id(), this.disableAfter);
            disabled = this.partners.disableIfEnabled(endpoint.id(), reason);
        }
        else {
            disabled = this.partners.recordFailure(endpoint.id(), this.disableAfter);
            reason = disabled.map(Partner::disabledReason).orElse(null);
        }
        disabled.ifPresent((partner) -> {
            logger.warn("Disabled the endpoint of partner " + partner.id() + ": " + reason);
            this.notices.endpointDisabled(partner, reason);
        });
    }

}

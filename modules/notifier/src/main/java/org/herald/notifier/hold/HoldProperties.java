package org.herald.notifier.hold;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When an announcement's fan-out waits for staff. Both are off by default; either one met
 * holds it.
 *
 * @param minRecipients {@code herald.notifier.hold.min-recipients}: hold a fan-out to at
 * least this many recipients (emails, digest items and webhooks together); 0 is off
 * @param belowRelevance {@code herald.notifier.hold.below-relevance}: hold every fan-out
 * of an announcement whose relevance is below this (1 to 3); 0 is off
 */
@Validated
@ConfigurationProperties("herald.notifier.hold")
public record HoldProperties(@DefaultValue("0") @Min(0) int minRecipients,
        @DefaultValue("0") @Min(0) @Max(3) int belowRelevance) {

    /** Whether either threshold is set. */
    public boolean enabled() {
        return this.minRecipients > 0 || this.belowRelevance > 0;
    }

}

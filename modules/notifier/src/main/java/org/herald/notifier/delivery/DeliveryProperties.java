package org.herald.notifier.delivery;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How deliveries are dispatched and retried.
 *
 * @param retrySchedule {@code herald.notifier.retry-schedule}: the delay before each
 * attempt, the first included; a delivery gets one attempt per entry, then fails. A
 * channel may override it ({@code herald.notifier.email.retry-schedule},
 * {@code herald.notifier.webhooks.retry-schedule})
 * @param dispatch {@code herald.notifier.dispatch.*}
 */
@Validated
@ConfigurationProperties("herald.notifier")
public record DeliveryProperties(@DefaultValue( {
        "0s", "5s", "30s", "2m", "10m", "30m", "1h" }) @NotEmpty List<@NotNull Duration> retrySchedule,
        @DefaultValue @Valid Dispatch dispatch){

    /**
     * @param pollInterval {@code herald.notifier.dispatch.poll-interval}: how often the
     * dispatcher looks for due deliveries when nothing wakes it
     * @param lease {@code herald.notifier.dispatch.lease}: how long a claimed delivery
     * may stay {@code sending} before it is taken for lost (its dispatcher crashed) and
     * sent again; longer than the slowest send
     */
    public record Dispatch(@DefaultValue("1s") @NotNull Duration pollInterval,
            @DefaultValue("2m") @NotNull Duration lease) {
    }

}

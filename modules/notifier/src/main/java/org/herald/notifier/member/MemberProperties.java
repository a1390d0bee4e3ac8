package org.herald.notifier.member;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds on members.
 *
 * @param maxSubscriptions {@code herald.notifier.members.max-subscriptions}: the most
 * subscriptions one member may have; one more is refused with a 422
 */
@Validated
@ConfigurationProperties("herald.notifier.members")
public record MemberProperties(@DefaultValue("50") @Min(1) @Max(10_000) int maxSubscriptions) {

}

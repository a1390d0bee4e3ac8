package org.herald.notifier.member;

import java.util.UUID;

/**
 * One subscription with the member it belongs to, as the matching of an announcement
 * needs it.
 *
 * @param memberId the member
 * @param email the member's address
 * @param subscription the subscription
 */
public record SubscriberInterest(UUID memberId, String email, Subscription subscription) {
}

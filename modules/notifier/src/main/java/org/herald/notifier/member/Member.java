package org.herald.notifier.member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member and their subscriptions.
 *
 * @param id the member's id
 * @param email the address emails go to
 * @param name the member's name, if given
 * @param organisation the member's organisation, if given
 * @param subscriptions what they want to hear about
 * @param createdAt when they were added
 */
public record Member(UUID id, String email, String name, String organisation, List<Subscription> subscriptions,
        Instant createdAt) {

    public Member {
        subscriptions = List.copyOf(subscriptions);
    }

}

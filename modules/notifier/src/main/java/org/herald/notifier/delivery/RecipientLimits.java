package org.herald.notifier.delivery;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Limits on how many of a recipient's deliveries may be claimed at once, held in the
 * database so that they bind every dispatcher together: both methods run in the claim's
 * transaction, so what {@link #available} locks stays locked until the claim commits.
 */
public interface RecipientLimits {

    /**
     * How many deliveries each of {@code recipients} may take now; a recipient left out
     * may take none.
     */
    Map<UUID, Integer> available(Set<UUID> recipients);

    /** Takes what was claimed, {@code claimed} deliveries a recipient. */
    void taken(Map<UUID, Integer> claimed);

    /**
     * A data-modifying statement that takes what was claimed in the claim's own
     * statement, a round trip fewer than {@link #taken}: it reads the claimed rows as
     * {@code claimed} (their {@code recipient_id}, one row a delivery). Empty to have
     * {@link #taken} called instead.
     */
    default Optional<String> takenWithClaim() {
        return Optional.empty();
    }

}

package org.herald.notifier.delivery;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Limits on how many of a recipient's deliveries may be claimed at once, held in the
 * database so that they bind every dispatcher together: both run in the claim's
 * transaction, so what {@link #available} locks stays locked until the claim commits.
 */
public interface RecipientLimits {

    /**
     * How many deliveries each of {@code recipients} may take now; a recipient left out
     * may take none.
     */
    Map<UUID, Integer> available(Set<UUID> recipients);

    /**
     * A data-modifying statement that takes what was claimed, run in the claim's own
     * statement (a common table expression beside it): it reads the claimed rows as
     * {@code claimed} (their {@code recipient_id}, one row a delivery), so it takes
     * exactly what the claim returns.
     */
    String takenWithClaim();

}

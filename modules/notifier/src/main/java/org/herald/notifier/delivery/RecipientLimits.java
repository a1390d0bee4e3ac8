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
     * A locking read of what the limits of the claim's candidates are kept in, run in the
     * statement that finds the candidates (a common table expression beside them): it
     * reads them as {@code candidates} (their {@code recipient_id}, one row a delivery).
     * Its locks are held to the claim's commit, and {@link #available}, in statements
     * started after it, sees what every claim that held them before committed.
     */
    String lockWithCandidates();

    /**
     * How many deliveries each of {@code recipients} may take now, under the locks of
     * {@link #lockWithCandidates()}; a recipient left out may take none.
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

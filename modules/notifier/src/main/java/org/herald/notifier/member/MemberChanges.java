package org.herald.notifier.member;

import java.util.UUID;

/**
 * Told, inside the transaction that makes the change, when a member's subscriptions
 * change or the member is erased, so that what was queued for them follows at once: in
 * the same commit, or not at all.
 */
public interface MemberChanges {

    /**
     * The member's subscriptions have changed (some ended, or all): {@code member} is as
     * it now is, its subscriptions included.
     */
    void subscriptionsChanged(Member member);

    /**
     * The member is about to be deleted: remove or anonymise every row that names them.
     * @param memberId the member
     * @param email their address
     */
    void erasing(UUID memberId, String email);

}

package org.herald.notifier.privacy;

import java.util.UUID;

/**
 * Published (a Spring application event) once a member's erasure has committed, for what
 * holds copies of their mail outside the database: the app's dev inbox forgets every
 * captured message to {@code email}.
 *
 * @param memberId the member who was erased
 * @param email the address they had
 */
public record MemberErased(UUID memberId, String email) {

    @Override
    public String toString() {
        return "MemberErased[" + this.memberId + ", " + MaskedAddresses.mask(this.email) + "]";
    }

}

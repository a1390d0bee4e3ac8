package org.herald.notifier.email;

import java.util.UUID;

/**
 * Who an email goes to.
 *
 * @param memberId the member
 * @param address their email address
 * @param name their name, if known
 */
record EmailRecipient(UUID memberId, String address, String name) {
}

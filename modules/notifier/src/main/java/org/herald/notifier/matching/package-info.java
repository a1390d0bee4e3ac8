/**
 * Takes in tagged announcements: decides which members and partners they match and
 * records a delivery for each in the ledger, in one transaction.
 */
@NullMarked
package org.herald.notifier.matching;

import org.jspecify.annotations.NullMarked;

/**
 * Daily and weekly digests: matches waiting per member, claimed once per (member,
 * frequency, period) and sent as one email, on a schedule or on demand.
 */
@NullMarked
package org.herald.notifier.digest;

import org.jspecify.annotations.NullMarked;

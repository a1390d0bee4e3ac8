/**
 * Daily and weekly digests: matches waiting per member, claimed once per (member,
 * frequency, period) and sent as one email, on a schedule or on demand.
 */
package org.herald.notifier.digest;

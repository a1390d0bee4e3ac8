/**
 * The notifier's pages of the staff console: announcements with their tags, evidence and
 * deliveries, health at a glance, and the hold and pause controls. Signing in is
 * {@code org.herald.support.console}'s.
 */
@NullMarked
package org.herald.notifier.console;

import org.jspecify.annotations.NullMarked;

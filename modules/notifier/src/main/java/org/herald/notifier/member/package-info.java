/**
 * Members of the industry body and their subscriptions: which tags they want to hear
 * about, how relevant, and how often.
 */
@NullMarked
package org.herald.notifier.member;

import org.jspecify.annotations.NullMarked;

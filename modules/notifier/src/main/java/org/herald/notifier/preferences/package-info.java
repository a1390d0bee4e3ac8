/**
 * The members' own pages, reached from the links in every email with a signed token and
 * no password: one-click unsubscribe and preferences.
 */
@NullMarked
package org.herald.notifier.preferences;

import org.jspecify.annotations.NullMarked;

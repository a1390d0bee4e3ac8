/**
 * The notifier service: tagged announcements in, emails to members and signed webhooks to
 * partners out.
 */
@NullMarked
package org.herald.notifier;

import org.jspecify.annotations.NullMarked;

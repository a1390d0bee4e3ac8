/**
 * The notifier service: tagged announcements in, emails to members and signed webhooks to
 * partners out.
 */
package org.herald.notifier;

/**
 * Announcement emails to members: composed from templates as plain text and HTML, sent
 * over SMTP.
 */
@NullMarked
package org.herald.notifier.email;

import org.jspecify.annotations.NullMarked;

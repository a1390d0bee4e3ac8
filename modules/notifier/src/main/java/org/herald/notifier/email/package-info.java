/**
 * Announcement emails to members: composed from templates as plain text and HTML, sent
 * over SMTP.
 */
package org.herald.notifier.email;

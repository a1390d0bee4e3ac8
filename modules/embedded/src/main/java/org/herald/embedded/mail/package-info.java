/**
 * An embedded SMTP server that captures every message, kept in the data directory, for
 * the dev inbox.
 */
package org.herald.embedded.mail;

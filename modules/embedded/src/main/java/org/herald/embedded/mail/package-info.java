/**
 * An embedded SMTP server that captures every message, kept in the data directory, for
 * the dev inbox.
 */
@NullMarked
package org.herald.embedded.mail;

import org.jspecify.annotations.NullMarked;

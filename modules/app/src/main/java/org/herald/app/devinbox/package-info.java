/**
 * The dev inbox: the emails the embedded SMTP server captured and the webhooks the
 * built-in receiver got, with whether each signature verified.
 */
@NullMarked
package org.herald.app.devinbox;

import org.jspecify.annotations.NullMarked;
